//! Statement rules: statement lists, simple statements (assignments, imports, ...), blocks and
//! compound statements (`if`, loops, `with`, `try`, definitions, `match`), type parameters.

use super::args::empty_arguments;
use super::helpers::{bx, mk};
use super::targets::{into_target, is_target};
use super::{PResult, Parser};
use crate::SyntaxErrorKind;
use crate::ast::{
    Alias, ExceptHandler, Expr, ExprContext, ExprKind, Identifier, Loc, MatchCase, Operator, Stmt,
    StmtKind, TypeParam, TypeParamKind, WithItem,
};
use crate::tokenizer::{Token, TokenKind as T};

fn st(kind: StmtKind, loc: Loc) -> Stmt {
    Stmt { kind, loc }
}

impl<'s> Parser<'s> {
    /// `statements: statement+`
    pub(crate) fn statements(&mut self) -> PResult<Option<Vec<Stmt>>> {
        let mut v = Vec::new();
        loop {
            let mark = self.pos;
            if !self.statement(&mut v)? {
                self.pos = mark;
                break;
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// `statement: compound_stmt | simple_stmts`; appends to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<bool> {
        if let Some(s) = self.compound_stmt()? {
            self.register_stmt(&s);
            out.push(s);
            return Ok(true);
        }
        self.simple_stmts(out)
    }

    /// `statement_newline` (interactive mode).
    pub(crate) fn statement_newline(&mut self) -> PResult<Option<Vec<Stmt>>> {
        let mark = self.pos;
        if let Some(s) = self.compound_stmt()? {
            self.register_stmt(&s);
            if self.eat(T::Newline)?.is_some() {
                return Ok(Some(vec![s]));
            }
            // The C tokenizer ends a string given to `single` with one more NEWLINE when it ends
            // with a newline or an indented block; Taipan's tokenizer does not, so accept the
            // ENDMARKER in those cases.
            if self.at(T::Endmarker)?
                && (self.src.ends_with('\n') || self.toks[self.pos - 1].kind == T::Dedent)
            {
                return Ok(Some(vec![s]));
            }
            self.pos = mark;
        }
        let mut v = Vec::new();
        if self.simple_stmts(&mut v)? {
            return Ok(Some(v));
        }
        self.pos = mark;
        self.fill()?;
        let start = self.start_loc();
        if self.eat(T::Newline)?.is_some() {
            let loc = self.extra(start);
            return Ok(Some(vec![st(StmtKind::Pass, loc)]));
        }
        if self.at(T::Endmarker)? {
            return Ok(None);
        }
        Ok(None)
    }

    /// `simple_stmts: ';'.simple_stmt+ [';'] NEWLINE`
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<bool> {
        let mark = self.pos;
        let n = out.len();
        loop {
            let Some(s) = self.simple_stmt()? else {
                if out.len() == n {
                    self.pos = mark;
                    return Ok(false);
                }
                break;
            };
            out.push(s);
            if self.eat(T::Semi)?.is_none() {
                break;
            }
            if self.at(T::Newline)? {
                break;
            }
        }
        if self.eat(T::Newline)?.is_none() {
            out.truncate(n);
            self.pos = mark;
            return Ok(false);
        }
        Ok(true)
    }

    /// `simple_stmt`
    pub(crate) fn simple_stmt(&mut self) -> PResult<Option<Stmt>> {
        self.fill()?;
        if self.call_invalid
            && matches!(
                self.kind()?,
                T::KwReturn
                    | T::KwImport
                    | T::KwFrom
                    | T::KwRaise
                    | T::KwPass
                    | T::KwBreak
                    | T::KwContinue
                    | T::KwDel
                    | T::KwAssert
                    | T::KwGlobal
                    | T::KwNonlocal
            )
        {
            // `assignment` comes first in `simple_stmt`: for a statement starting with a keyword
            // its valid alternatives fail at once and `invalid_assignment` is tried.
            self.invalid_assignment()?;
        }
        let start = self.start_loc();
        let mark = self.pos;
        let k = self.kind()?;
        let r = match k {
            T::KwReturn => {
                self.pos += 1;
                let v = self.star_expressions()?;
                Some(st(StmtKind::Return { value: v.map(bx) }, self.extra(start)))
            }
            T::KwImport | T::KwFrom => self.import_stmt()?,
            T::KwRaise => self.raise_stmt()?,
            T::KwPass => {
                self.pos += 1;
                Some(st(StmtKind::Pass, self.extra(start)))
            }
            T::KwBreak => {
                self.pos += 1;
                Some(st(StmtKind::Break, self.extra(start)))
            }
            T::KwContinue => {
                self.pos += 1;
                Some(st(StmtKind::Continue, self.extra(start)))
            }
            T::KwDel => self.del_stmt()?,
            T::KwYield => {
                let y = self.yield_expr()?;
                match y {
                    Some(y) if !self.at(T::Equal)? => {
                        Some(st(StmtKind::Expr { value: bx(y) }, self.extra(start)))
                    }
                    _ => {
                        self.pos = mark;
                        if self.call_invalid {
                            self.invalid_assignment()?;
                        }
                        None
                    }
                }
            }
            T::KwAssert => self.assert_stmt()?,
            T::KwGlobal | T::KwNonlocal => {
                self.pos += 1;
                let mut names = Vec::new();
                while let Some(t) = self.name_tok()? {
                    names.push(self.ident(t));
                    if !self.at(T::Comma)? || self.kind_at(1)? != T::Name {
                        break;
                    }
                    self.pos += 1;
                }
                if names.is_empty() {
                    None
                } else {
                    let loc = self.extra(start);
                    Some(if k == T::KwGlobal {
                        st(StmtKind::Global { names }, loc)
                    } else {
                        st(StmtKind::Nonlocal { names }, loc)
                    })
                }
            }
            T::Name if self.at_soft("type")? && self.kind_at(1)? == T::Name => {
                if self.call_invalid {
                    // `assignment` (with `invalid_assignment`) is tried before `type_alias`.
                    self.invalid_assignment()?;
                }
                match self.type_alias()? {
                    Some(s) => Some(s),
                    None => {
                        self.pos = mark;
                        self.assignment_or_expr()?
                    }
                }
            }
            _ => self.assignment_or_expr()?,
        };
        if r.is_none() {
            self.pos = mark;
        }
        Ok(r)
    }

    /// `assignment | star_expressions` (see the module doc of `parser` for the cover grammar).
    fn assignment_or_expr(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        // a=NAME ':' b=expression c=['=' d=annotated_rhs]
        if self.kind()? == T::Name && self.kind_at(1)? == T::Colon {
            let t = self.cur();
            self.pos += 2;
            if let Some(ann) = self.expression()? {
                let target =
                    mk(ExprKind::Name { id: self.ident(t), ctx: ExprContext::Store }, t.loc());
                return self.ann_assign_rest(start, target, ann, 1, mark);
            }
            self.pos = mark;
            if self.call_invalid {
                self.invalid_assignment()?;
            }
            return Ok(None);
        }
        let Some(e) = self.star_expressions()? else {
            if self.call_invalid {
                self.invalid_assignment()?;
            }
            return Ok(None);
        };
        match self.kind()? {
            T::Colon => {
                let single = match &e.kind {
                    ExprKind::Name { .. } => {
                        // Only a parenthesised name reaches here.
                        true
                    }
                    ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
                    _ => false,
                };
                if !single {
                    self.pos = mark;
                    if self.call_invalid {
                        self.invalid_assignment()?;
                    }
                    return Ok(None);
                }
                self.pos += 1;
                let Some(ann) = self.expression()? else {
                    self.pos = mark;
                    if self.call_invalid {
                        self.invalid_assignment()?;
                    }
                    return Ok(None);
                };
                let target = into_target(e, ExprContext::Store);
                self.ann_assign_rest(start, target, ann, 0, mark)
            }
            T::Equal => {
                if !is_target(&e, false) {
                    self.pos = mark;
                    if self.call_invalid {
                        self.invalid_assignment()?;
                    }
                    return Ok(None);
                }
                let mut targets = vec![into_target(e, ExprContext::Store)];
                loop {
                    let eq = self.pos;
                    self.pos += 1; // '='
                    let rhs = if self.at(T::KwYield)? {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    let Some(rhs) = rhs else {
                        self.pos = eq;
                        // `(star_targets '=')+ annotated_rhs`: the last '=' has no value.
                        self.pos = mark;
                        if self.call_invalid {
                            self.invalid_assignment()?;
                        }
                        return Ok(None);
                    };
                    if self.at(T::Equal)? {
                        if !is_target(&rhs, false) {
                            self.pos = mark;
                            if self.call_invalid {
                                self.invalid_assignment()?;
                            }
                            return Ok(None);
                        }
                        targets.push(into_target(rhs, ExprContext::Store));
                        continue;
                    }
                    let tc = self.eat(T::TypeComment)?.map(|t| self.text(t).to_string());
                    let loc = self.extra(start);
                    return Ok(Some(st(
                        StmtKind::Assign { targets, value: bx(rhs), type_comment: tc },
                        loc,
                    )));
                }
            }
            k => {
                if let Some(op) = augassign(k) {
                    let single = matches!(
                        e.kind,
                        ExprKind::Name { .. }
                            | ExprKind::Attribute { .. }
                            | ExprKind::Subscript { .. }
                    );
                    if !single {
                        self.pos = mark;
                        if self.call_invalid {
                            self.invalid_assignment()?;
                        }
                        return Ok(None);
                    }
                    self.pos += 1;
                    if op == Operator::MatMult {
                        self.check_version(5, "The '@' operator is")?;
                    }
                    let rhs = if self.at(T::KwYield)? {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    let Some(rhs) = rhs else {
                        self.pos = mark;
                        return Ok(None);
                    };
                    let target = into_target(e, ExprContext::Store);
                    let loc = self.extra(start);
                    return Ok(Some(st(
                        StmtKind::AugAssign { target: bx(target), op, value: bx(rhs) },
                        loc,
                    )));
                }
                if self.call_invalid {
                    let here = self.pos;
                    self.pos = mark;
                    self.invalid_assignment()?;
                    self.pos = here;
                }
                let loc = self.extra(start);
                Ok(Some(st(StmtKind::Expr { value: bx(e) }, loc)))
            }
        }
    }

    fn ann_assign_rest(
        &mut self,
        start: Loc,
        target: Expr,
        annotation: Expr,
        simple: i32,
        mark: usize,
    ) -> PResult<Option<Stmt>> {
        let mut value = None;
        let _ = mark;
        if self.at(T::Equal)? {
            let eq = self.pos;
            self.pos += 1;
            let rhs =
                if self.at(T::KwYield)? { self.yield_expr()? } else { self.star_expressions()? };
            match rhs {
                Some(r) => value = Some(bx(r)),
                None => self.pos = eq,
            }
        }
        let _ = mark;
        if simple == 1 {
            self.check_version(6, "Variable annotation syntax is")?;
        } else {
            self.check_version(6, "Variable annotations syntax is")?;
        }
        let loc = self.extra(start);
        Ok(Some(st(
            StmtKind::AnnAssign { target: bx(target), annotation: bx(annotation), value, simple },
            loc,
        )))
    }

    fn raise_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        if self.call_invalid {
            self.invalid_raise_stmt()?;
        }
        self.pos += 1;
        let Some(exc) = self.expression()? else {
            return Ok(Some(st(StmtKind::Raise { exc: None, cause: None }, self.extra(start))));
        };
        let after_exc = self.pos;
        if self.eat(T::KwFrom)?.is_some() {
            if let Some(cause) = self.expression()? {
                let loc = self.extra(start);
                return Ok(Some(st(
                    StmtKind::Raise { exc: Some(bx(exc)), cause: Some(bx(cause)) },
                    loc,
                )));
            }
            self.pos = after_exc;
            let loc = self.extra(start);
            return Ok(Some(st(StmtKind::Raise { exc: Some(bx(exc)), cause: None }, loc)));
        }
        let loc = self.extra(start);
        Ok(Some(st(StmtKind::Raise { exc: Some(bx(exc)), cause: None }, loc)))
    }

    fn del_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        if let Some(targets) = self.del_targets()? {
            if matches!(self.kind()?, T::Semi | T::Newline) {
                let loc = self.extra(start);
                return Ok(Some(st(StmtKind::Delete { targets }, loc)));
            }
        }
        self.pos = mark;
        if self.call_invalid {
            self.invalid_del_stmt()?;
        }
        Ok(None)
    }

    fn assert_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        if self.call_invalid {
            self.invalid_assert_stmt()?;
        }
        self.pos += 1;
        let Some(test) = self.expression()? else { return Ok(None) };
        let mut msg = None;
        if self.at(T::Comma)? {
            let m = self.pos;
            self.pos += 1;
            match self.expression()? {
                Some(e) => msg = Some(bx(e)),
                None => self.pos = m,
            }
        }
        let loc = self.extra(start);
        Ok(Some(st(StmtKind::Assert { test: bx(test), msg }, loc)))
    }

    // ----- imports -----

    fn import_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_import()?;
            self.pos = mark;
        }
        if self.eat(T::KwImport)?.is_some() {
            let mut names = Vec::new();
            loop {
                let Some(a) = self.dotted_as_name()? else { break };
                names.push(a);
                if !self.at(T::Comma)? {
                    break;
                }
                self.pos += 1;
            }
            if names.is_empty() {
                self.pos = mark;
                return Ok(None);
            }
            // A trailing comma is not part of the list.
            if self.toks[self.pos - 1].kind == T::Comma {
                self.pos -= 1;
            }
            let loc = self.extra(start);
            return Ok(Some(st(StmtKind::Import { names }, loc)));
        }
        // 'from' ('.' | '...')* dotted_name 'import' targets | 'from' ('.' | '...')+ 'import' targets
        self.pos += 1;
        let mut level = 0;
        loop {
            match self.kind()? {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.pos += 1;
        }
        let module = if self.at(T::Name)? {
            match self.dotted_name()? {
                Some(n) => Some(n),
                None => None,
            }
        } else {
            None
        };
        if module.is_none() && level == 0 {
            self.pos = mark;
            return Ok(None);
        }
        if self.eat(T::KwImport)?.is_none() {
            self.pos = mark;
            return Ok(None);
        }
        let Some(names) = self.import_from_targets()? else {
            self.pos = mark;
            return Ok(None);
        };
        let loc = self.extra(start);
        if level == 0 && module.as_deref() == Some("__future__") {
            self.checked_future_import(&names)?;
        }
        Ok(Some(st(StmtKind::ImportFrom { module, names, level }, loc)))
    }

    /// `_PyPegen_checked_future_import`: `from __future__ import` names are checked by the
    /// parser (and `barry_as_FLUFL` changes how `<>` parses).
    fn checked_future_import(&mut self, names: &[Alias]) -> PResult<()> {
        const FEATURES: &[&str] = &[
            "nested_scopes",
            "generators",
            "division",
            "absolute_import",
            "with_statement",
            "print_function",
            "unicode_literals",
            "barry_as_FLUFL",
            "generator_stop",
            "annotations",
        ];
        for a in names {
            match &*a.name {
                "barry_as_FLUFL" => self.barry_as_flufl = true,
                "braces" => return Err(self.raise_loc(a.loc, "not a chance")),
                n if FEATURES.contains(&n) => {}
                n => {
                    return Err(self.raise_loc(a.loc, format!("future feature {n} is not defined")));
                }
            }
        }
        Ok(())
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`, as the joined identifier.
    fn dotted_name(&mut self) -> PResult<Option<Identifier>> {
        let Some(t) = self.name_tok()? else { return Ok(None) };
        let first = self.ident(t);
        if !(self.at(T::Dot)? && self.kind_at(1)? == T::Name) {
            return Ok(Some(first));
        }
        let mut s = String::from(&*first);
        while self.at(T::Dot)? && self.kind_at(1)? == T::Name {
            let t = self.toks[self.pos + 1];
            self.pos += 2;
            s.push('.');
            s.push_str(&self.ident(t));
        }
        Ok(Some(s.into_boxed_str()))
    }

    /// `dotted_as_name: dotted_name ['as' NAME]`
    fn dotted_as_name(&mut self) -> PResult<Option<Alias>> {
        self.fill()?;
        let start = self.start_loc();
        if self.call_invalid {
            self.invalid_dotted_as_name()?;
        }
        let Some(name) = self.dotted_name()? else { return Ok(None) };
        let mut asname = None;
        if self.at(T::KwAs)? && self.kind_at(1)? == T::Name {
            let t = self.toks[self.pos + 1];
            self.pos += 2;
            asname = Some(self.ident(t));
        }
        let loc = self.extra(start);
        Ok(Some(Alias { name, asname, loc }))
    }

    /// `import_from_targets`
    fn import_from_targets(&mut self) -> PResult<Option<Vec<Alias>>> {
        let mark = self.pos;
        if self.eat(T::Lpar)?.is_some() {
            let names = self.import_from_as_names()?;
            if let Some(names) = names {
                self.eat(T::Comma)?;
                if self.eat(T::Rpar)?.is_some() {
                    return Ok(Some(names));
                }
            }
            self.pos = mark;
            return Ok(None);
        }
        if let Some(t) = self.eat(T::Star)? {
            return Ok(Some(vec![Alias { name: "*".into(), asname: None, loc: t.loc() }]));
        }
        if let Some(names) = self.import_from_as_names()? {
            if !self.at(T::Comma)? {
                return Ok(Some(names));
            }
        }
        self.pos = mark;
        if self.call_invalid {
            self.invalid_import_from_targets()?;
        }
        Ok(None)
    }

    fn import_from_as_names(&mut self) -> PResult<Option<Vec<Alias>>> {
        let mut v = Vec::new();
        loop {
            self.fill()?;
            let start = self.start_loc();
            if self.call_invalid {
                self.invalid_import_from_as_name()?;
            }
            let Some(t) = self.name_tok()? else { break };
            let mut asname = None;
            if self.at(T::KwAs)? && self.kind_at(1)? == T::Name {
                let a = self.toks[self.pos + 1];
                self.pos += 2;
                asname = Some(self.ident(a));
            }
            let loc = self.extra(start);
            v.push(Alias { name: self.ident(t), asname, loc });
            if !(self.at(T::Comma)? && self.kind_at(1)? == T::Name) {
                break;
            }
            self.pos += 1;
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    // ----- blocks -----

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block`
    pub(crate) fn block(&mut self) -> PResult<Option<Vec<Stmt>>> {
        let mark = self.pos;
        if self.eat(T::Newline)?.is_some() {
            if self.eat(T::Indent)?.is_some() {
                if let Some(body) = self.statements()? {
                    if self.eat(T::Dedent)?.is_some() {
                        return Ok(Some(body));
                    }
                }
            }
            self.pos = mark;
        }
        let mut v = Vec::new();
        if self.simple_stmts(&mut v)? {
            return Ok(Some(v));
        }
        self.pos = mark;
        if self.call_invalid {
            // invalid_block: NEWLINE !INDENT
            if self.eat(T::Newline)?.is_some() && !self.at(T::Indent)? {
                return Err(self
                    .raise_last(SyntaxErrorKind::IndentationError, "expected an indented block"));
            }
            self.pos = mark;
        }
        Ok(None)
    }

    /// `&&tok`: the token must be there, else "expected 'X'" at the current token.
    pub(crate) fn expect_forced(&mut self, k: T, what: &str) -> PResult<Token> {
        if let Some(t) = self.eat(k)? {
            return Ok(t);
        }
        let t = self.cur();
        Err(self.raise_loc(t.loc(), format!("expected '{what}'")))
    }

    // ----- compound statements -----

    fn compound_stmt(&mut self) -> PResult<Option<Stmt>> {
        let mark = self.pos;
        let r = match self.kind()? {
            T::KwDef | T::At | T::KwClass => self.decorated()?,
            T::KwAsync => match self.kind_at(1)? {
                T::KwDef => self.function_def_raw(vec![])?,
                T::KwWith => self.with_stmt()?,
                T::KwFor => self.for_stmt()?,
                _ => None,
            },
            T::KwIf => self.if_stmt()?,
            T::KwWith => self.with_stmt()?,
            T::KwFor => self.for_stmt()?,
            T::KwTry => self.try_stmt()?,
            T::KwWhile => self.while_stmt()?,
            T::Name => {
                if self.at_soft("match")? {
                    self.match_stmt()?
                } else if self.call_invalid && self.at_soft("case")? {
                    self.invalid_case_outside_match()?;
                    None
                } else {
                    None
                }
            }
            _ => None,
        };
        if r.is_none() {
            self.pos = mark;
        }
        Ok(r)
    }

    /// `decorators (function_def_raw | class_def_raw)`, or an undecorated definition.
    fn decorated(&mut self) -> PResult<Option<Stmt>> {
        let mut decorators = Vec::new();
        while self.at(T::At)? {
            let m = self.pos;
            self.pos += 1;
            let Some(e) = self.named_expression()? else {
                self.pos = m;
                break;
            };
            if self.eat(T::Newline)?.is_none() {
                self.pos = m;
                break;
            }
            decorators.push(e);
        }
        match self.kind()? {
            T::KwDef => self.function_def_raw(decorators),
            T::KwAsync if self.kind_at(1)? == T::KwDef => self.function_def_raw(decorators),
            T::KwClass => self.class_def_raw(decorators),
            _ => Ok(None),
        }
    }

    fn function_def_raw(&mut self, decorator_list: Vec<Expr>) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_def_raw()?;
            self.pos = mark;
        }
        let is_async = self.eat(T::KwAsync)?.is_some();
        self.pos += 1; // 'def'
        let Some(n) = self.name_tok()? else { return self.fail(mark) };
        let type_params = if self.at(T::Lsqb)? {
            match self.type_params()? {
                Some(t) => t,
                None => return self.fail(mark),
            }
        } else {
            vec![]
        };
        if self.eat(T::Lpar)?.is_none() {
            return self.fail(mark);
        }
        let args = if self.at(T::Rpar)? {
            empty_arguments()
        } else {
            self.parameters(false)?.unwrap_or_else(empty_arguments)
        };
        if self.eat(T::Rpar)?.is_none() {
            return self.fail(mark);
        }
        let mut returns = None;
        if self.at(T::Rarrow)? {
            let m = self.pos;
            self.pos += 1;
            match self.expression()? {
                Some(e) => returns = Some(bx(e)),
                None => self.pos = m,
            }
        }
        if self.eat(T::Colon)?.is_none() {
            return self.fail(mark);
        }
        let type_comment = self.func_type_comment()?;
        let Some(body) = self.block()? else { return self.fail(mark) };
        if is_async {
            self.check_version(5, "Async functions are")?;
        }
        let loc = self.extra(start);
        let name = self.ident(n);
        let args = Box::new(args);
        let kind = if is_async {
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
                type_params,
            }
        } else {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
                type_params,
            }
        };
        Ok(Some(st(kind, loc)))
    }

    /// `func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | TYPE_COMMENT`
    fn func_type_comment(&mut self) -> PResult<Option<String>> {
        if self.at(T::Newline)?
            && self.kind_at(1)? == T::TypeComment
            && self.kind_at(2)? == T::Newline
            && self.kind_at(3)? == T::Indent
        {
            let t = self.toks[self.pos + 1];
            self.pos += 2;
            return Ok(Some(self.text(t).to_string()));
        }
        if self.call_invalid
            && self.at(T::TypeComment)?
            && self.kind_at(1)? == T::Newline
            && self.kind_at(2)? == T::TypeComment
            && self.kind_at(3)? == T::Newline
            && self.kind_at(4)? == T::Indent
        {
            return Err(self
                .raise_last(SyntaxErrorKind::SyntaxError, "Cannot have two type comments on def"));
        }
        if let Some(t) = self.eat(T::TypeComment)? {
            return Ok(Some(self.text(t).to_string()));
        }
        Ok(None)
    }

    fn fail<X>(&mut self, mark: usize) -> PResult<Option<X>> {
        self.pos = mark;
        Ok(None)
    }

    fn class_def_raw(&mut self, decorator_list: Vec<Expr>) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_class_def_raw()?;
            self.pos = mark;
        }
        self.pos += 1;
        let Some(n) = self.name_tok()? else { return self.fail(mark) };
        let type_params = if self.at(T::Lsqb)? {
            match self.type_params()? {
                Some(t) => t,
                None => return self.fail(mark),
            }
        } else {
            vec![]
        };
        let (mut bases, mut keywords) = (vec![], vec![]);
        if self.at(T::Lpar)? {
            let m = self.pos;
            match self.call_trailer_no_genexp()? {
                Some((a, k)) => {
                    bases = a;
                    keywords = k;
                }
                None => self.pos = m,
            }
        }
        if self.eat(T::Colon)?.is_none() {
            return self.fail(mark);
        }
        let Some(body) = self.block()? else { return self.fail(mark) };
        let loc = self.extra(start);
        Ok(Some(st(
            StmtKind::ClassDef {
                name: self.ident(n),
                bases,
                keywords,
                body,
                decorator_list,
                type_params,
            },
            loc,
        )))
    }

    /// `if_stmt` / `elif_stmt` (`kw` is the token kind that starts it).
    fn if_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_if_stmt()?;
            self.pos = mark;
        }
        self.pos += 1;
        let Some(test) = self.named_expression()? else { return self.fail(mark) };
        if self.eat(T::Colon)?.is_none() {
            return self.fail(mark);
        }
        let Some(body) = self.block()? else { return self.fail(mark) };
        let orelse = if self.at(T::KwElif)? {
            // A failed `elif` chain leaves this statement complete without it, as CPython's
            // fallback alternative `'if' named_expression ':' block [else_block]` does (the
            // statement that follows then fails at the `elif`).
            let m = self.pos;
            match self.if_stmt()? {
                Some(s) => vec![s],
                None => {
                    self.pos = m;
                    vec![]
                }
            }
        } else {
            self.else_block()?.unwrap_or_default()
        };
        let loc = self.extra(start);
        Ok(Some(st(StmtKind::If { test: bx(test), body, orelse }, loc)))
    }

    /// `else_block: 'else' &&':' block`
    fn else_block(&mut self) -> PResult<Option<Vec<Stmt>>> {
        if !self.at(T::KwElse)? {
            return Ok(None);
        }
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_else_stmt()?;
            self.pos = mark;
        }
        self.pos += 1;
        self.expect_forced(T::Colon, ":")?;
        match self.block()? {
            Some(b) => Ok(Some(b)),
            None => self.fail(mark),
        }
    }

    fn while_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_while_stmt()?;
            self.pos = mark;
        }
        self.pos += 1;
        let Some(test) = self.named_expression()? else { return self.fail(mark) };
        if self.eat(T::Colon)?.is_none() {
            return self.fail(mark);
        }
        let Some(body) = self.block()? else { return self.fail(mark) };
        let orelse = self.else_block()?.unwrap_or_default();
        let loc = self.extra(start);
        Ok(Some(st(StmtKind::While { test: bx(test), body, orelse }, loc)))
    }

    fn for_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_for_stmt()?;
            self.pos = mark;
        }
        let is_async = self.eat(T::KwAsync)?.is_some();
        self.pos += 1;
        let Some(target) = self.star_targets()? else {
            if self.call_invalid {
                self.pos = mark;
                self.invalid_for_target()?;
            }
            return self.fail(mark);
        };
        if self.eat(T::KwIn)?.is_none() {
            if self.call_invalid {
                self.pos = mark;
                self.invalid_for_target()?;
            }
            return self.fail(mark);
        }
        let Some(iter) = self.star_expressions()? else { return self.fail(mark) };
        if self.eat(T::Colon)?.is_none() {
            return self.fail(mark);
        }
        let type_comment = self.eat(T::TypeComment)?.map(|t| self.text(t).to_string());
        let Some(body) = self.block()? else { return self.fail(mark) };
        let orelse = self.else_block()?.unwrap_or_default();
        if is_async {
            self.check_version(5, "Async for loops are")?;
        }
        let loc = self.extra(start);
        let (target, iter) = (bx(target), bx(iter));
        let kind = if is_async {
            StmtKind::AsyncFor { target, iter, body, orelse, type_comment }
        } else {
            StmtKind::For { target, iter, body, orelse, type_comment }
        };
        Ok(Some(st(kind, loc)))
    }

    fn with_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_with_stmt_indent()?;
            self.pos = mark;
        }
        let is_async = self.eat(T::KwAsync)?.is_some();
        self.pos += 1;
        let after_with = self.pos;
        let mut items = None;
        // 'with' '(' ','.with_item+ ','? ')' ':'
        if self.eat(T::Lpar)?.is_some() {
            if let Some(v) = self.with_items()? {
                self.eat(T::Comma)?;
                if self.eat(T::Rpar)?.is_some() && self.at(T::Colon)? {
                    items = Some((v, true));
                }
            }
            if items.is_none() {
                self.pos = after_with;
            }
        }
        if items.is_none() {
            if let Some(v) = self.with_items()? {
                if self.at(T::Colon)? {
                    items = Some((v, false));
                }
            }
        }
        let Some((items, parenthesized)) = items else {
            self.pos = mark;
            if self.call_invalid {
                self.invalid_with_stmt()?;
            }
            return self.fail(mark);
        };
        self.pos += 1; // ':'
        let type_comment = if is_async && parenthesized {
            None
        } else {
            self.eat(T::TypeComment)?.map(|t| self.text(t).to_string())
        };
        let Some(body) = self.block()? else { return self.fail(mark) };
        if is_async {
            self.check_version(5, "Async with statements are")?;
        }
        let loc = self.extra(start);
        let kind = if is_async {
            StmtKind::AsyncWith { items, body, type_comment }
        } else {
            StmtKind::With { items, body, type_comment }
        };
        Ok(Some(st(kind, loc)))
    }

    fn with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        let mut v = Vec::new();
        loop {
            let Some(item) = self.with_item()? else { break };
            v.push(item);
            if !self.at(T::Comma)? {
                break;
            }
            let m = self.pos;
            self.pos += 1;
            if self.at(T::Rpar)? || self.at(T::Colon)? {
                self.pos = m;
                break;
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | expression`
    fn with_item(&mut self) -> PResult<Option<WithItem>> {
        let mark = self.pos;
        let Some(e) = self.expression()? else { return Ok(None) };
        if self.at(T::KwAs)? {
            let m = self.pos;
            self.pos += 1;
            if let Some(t) = self.star_target()? {
                if matches!(self.kind()?, T::Comma | T::Rpar | T::Colon) {
                    return Ok(Some(WithItem { context_expr: e, optional_vars: Some(t) }));
                }
            }
            self.pos = m;
            if self.call_invalid {
                self.pos = mark;
                self.invalid_with_item()?;
                self.pos = m;
            }
        }
        Ok(Some(WithItem { context_expr: e, optional_vars: None }))
    }

    fn try_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_try_stmt()?;
            self.pos = mark;
        }
        self.pos += 1;
        self.expect_forced(T::Colon, ":")?;
        let Some(body) = self.block()? else { return self.fail(mark) };
        if self.at(T::KwFinally)? {
            let Some(finalbody) = self.finally_block()? else { return self.fail(mark) };
            let loc = self.extra(start);
            return Ok(Some(st(
                StmtKind::Try { body, handlers: vec![], orelse: vec![], finalbody },
                loc,
            )));
        }
        let star = self.at(T::KwExcept)? && self.kind_at(1)? == T::Star;
        let mut handlers = Vec::new();
        while self.at(T::KwExcept)? {
            let m = self.pos;
            match self.except_block(star)? {
                Some(h) => handlers.push(h),
                None => {
                    self.pos = m;
                    break;
                }
            }
        }
        if handlers.is_empty() {
            return self.fail(mark);
        }
        let orelse = self.else_block()?.unwrap_or_default();
        let finalbody =
            if self.at(T::KwFinally)? { self.finally_block()?.unwrap_or_default() } else { vec![] };
        if star {
            self.check_version(11, "Exception groups are")?;
        }
        let loc = self.extra(start);
        let kind = if star {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(Some(st(kind, loc)))
    }

    fn finally_block(&mut self) -> PResult<Option<Vec<Stmt>>> {
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_finally_stmt()?;
            self.pos = mark;
        }
        self.pos += 1;
        self.expect_forced(T::Colon, ":")?;
        match self.block()? {
            Some(b) => Ok(Some(b)),
            None => self.fail(mark),
        }
    }

    /// `except_block` / `except_star_block`
    pub(crate) fn except_block(&mut self, star: bool) -> PResult<Option<ExceptHandler>> {
        let start = self.start_loc();
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_except_stmt_indent(star)?;
            self.pos = mark;
        }
        self.pos += 1;
        if star && self.eat(T::Star)?.is_none() {
            return self.fail(mark);
        }
        let after = self.pos;
        let mut r = None;
        if !star && self.at(T::Colon)? {
            self.pos += 1;
            if let Some(body) = self.block()? {
                r = Some((None, None, body));
            }
        } else if let Some(e) = self.expression()? {
            let after_e = self.pos;
            if self.eat(T::Colon)?.is_some() {
                if let Some(body) = self.block()? {
                    r = Some((Some(e), None, body));
                }
            } else if self.at(T::KwAs)?
                && self.kind_at(1)? == T::Name
                && self.kind_at(2)? == T::Colon
            {
                let n = self.toks[self.pos + 1];
                self.pos += 3;
                if let Some(body) = self.block()? {
                    r = Some((Some(e), Some(self.ident(n)), body));
                }
            }
            if r.is_none() {
                let _ = after_e;
                self.pos = after;
                if let Some(es) = self.expressions()? {
                    if self.eat(T::Colon)?.is_some() {
                        if let Some(body) = self.block()? {
                            if matches!(es.kind, ExprKind::Tuple { .. }) {
                                self.check_version(
                                    14,
                                    "except expressions without parentheses are",
                                )?;
                            }
                            r = Some((Some(es), None, body));
                        }
                    }
                }
            }
        }
        let Some((type_, name, body)) = r else {
            self.pos = mark;
            if self.call_invalid {
                self.invalid_except_stmt(star)?;
            }
            return self.fail(mark);
        };
        let loc = self.extra(start);
        Ok(Some(ExceptHandler { type_, name, body, loc }))
    }

    // ----- match -----

    fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        let Some(subject) = self.subject_expr()? else { return self.match_fail(mark) };
        if self.eat(T::Colon)?.is_none()
            || self.eat(T::Newline)?.is_none()
            || self.eat(T::Indent)?.is_none()
        {
            return self.match_fail(mark);
        }
        let mut cases: Vec<MatchCase> = Vec::new();
        while self.at_soft("case")? {
            let m = self.pos;
            match self.case_block()? {
                Some(c) => cases.push(c),
                None => {
                    self.pos = m;
                    break;
                }
            }
        }
        if cases.is_empty() || self.eat(T::Dedent)?.is_none() {
            return self.match_fail(mark);
        }
        self.check_version(10, "Pattern matching is")?;
        let loc = self.extra(start);
        Ok(Some(st(StmtKind::Match { subject: bx(subject), cases }, loc)))
    }

    fn match_fail(&mut self, mark: usize) -> PResult<Option<Stmt>> {
        self.pos = mark;
        if self.call_invalid {
            self.invalid_match_stmt()?;
        }
        self.fail(mark)
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    pub(crate) fn subject_expr(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        if let Some(first) = self.star_named_expression()? {
            if self.eat(T::Comma)?.is_some() {
                let mut elts = vec![first];
                if let Some(rest) = self.star_named_expressions()? {
                    elts.extend(rest);
                }
                let loc = self.extra(start);
                return Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, loc)));
            }
            if !matches!(first.kind, ExprKind::Starred { .. }) {
                return Ok(Some(first));
            }
        }
        self.pos = mark;
        self.named_expression()
    }

    /// `case_block: "case" patterns guard? ':' block`
    fn case_block(&mut self) -> PResult<Option<MatchCase>> {
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_case_block()?;
            self.pos = mark;
        }
        self.pos += 1;
        let Some(pattern) = self.patterns()? else { return self.fail(mark) };
        let mut guard = None;
        if self.at(T::KwIf)? {
            let m = self.pos;
            self.pos += 1;
            match self.named_expression()? {
                Some(g) => guard = Some(g),
                None => self.pos = m,
            }
        }
        if self.eat(T::Colon)?.is_none() {
            return self.fail(mark);
        }
        let Some(body) = self.block()? else { return self.fail(mark) };
        Ok(Some(MatchCase { pattern, guard, body }))
    }

    // ----- type statements and parameters -----

    /// `type_alias: "type" NAME [type_params] '=' expression`
    fn type_alias(&mut self) -> PResult<Option<Stmt>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        let n = self.cur();
        self.pos += 1;
        let type_params = if self.at(T::Lsqb)? {
            match self.type_params()? {
                Some(t) => t,
                None => return self.fail(mark),
            }
        } else {
            vec![]
        };
        if self.eat(T::Equal)?.is_none() {
            return self.fail(mark);
        }
        let Some(value) = self.expression()? else { return self.fail(mark) };
        self.check_version(12, "Type statement is")?;
        let name = mk(ExprKind::Name { id: self.ident(n), ctx: ExprContext::Store }, n.loc());
        let loc = self.extra(start);
        Ok(Some(st(StmtKind::TypeAlias { name: bx(name), type_params, value: bx(value) }, loc)))
    }

    /// `type_params: '[' type_param_seq ']'`
    pub(crate) fn type_params(&mut self) -> PResult<Option<Vec<TypeParam>>> {
        let mark = self.pos;
        if self.call_invalid && self.kind_at(1)? == T::Rsqb {
            let t = self.toks[self.pos + 1];
            return Err(self.raise_from(t.loc(), "Type parameter list cannot be empty"));
        }
        self.pos += 1;
        let mut v = Vec::new();
        loop {
            let Some(tp) = self.type_param()? else { break };
            v.push(tp);
            if self.eat(T::Comma)?.is_none() {
                break;
            }
        }
        if v.is_empty() || self.eat(T::Rsqb)?.is_none() {
            return self.fail(mark);
        }
        self.check_version(12, "Type parameter lists are")?;
        Ok(Some(v))
    }

    fn type_param(&mut self) -> PResult<Option<TypeParam>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        match self.kind()? {
            T::Name => {
                let n = self.cur();
                self.pos += 1;
                let mut bound = None;
                if self.at(T::Colon)? {
                    let m = self.pos;
                    self.pos += 1;
                    match self.expression()? {
                        Some(e) => bound = Some(bx(e)),
                        None => self.pos = m,
                    }
                }
                let default_value = self.type_param_default(false)?;
                let loc = self.extra(start);
                Ok(Some(TypeParam {
                    kind: TypeParamKind::TypeVar { name: self.ident(n), bound, default_value },
                    loc,
                }))
            }
            k @ (T::Star | T::Doublestar) => {
                if self.call_invalid {
                    self.invalid_type_param()?;
                    self.pos = mark;
                }
                self.pos += 1;
                let Some(n) = self.name_tok()? else { return self.fail(mark) };
                let default_value = self.type_param_default(k == T::Star)?;
                let loc = self.extra(start);
                let name = self.ident(n);
                let kind = if k == T::Star {
                    TypeParamKind::TypeVarTuple { name, default_value }
                } else {
                    TypeParamKind::ParamSpec { name, default_value }
                };
                Ok(Some(TypeParam { kind, loc }))
            }
            _ => Ok(None),
        }
    }

    fn type_param_default(&mut self, starred: bool) -> PResult<Option<Box<Expr>>> {
        if !self.at(T::Equal)? {
            return Ok(None);
        }
        let m = self.pos;
        self.pos += 1;
        let e = if starred { self.star_expression()? } else { self.expression()? };
        match e {
            Some(e) => {
                self.check_version(13, "Type parameter defaults are")?;
                Ok(Some(bx(e)))
            }
            None => {
                self.pos = m;
                Ok(None)
            }
        }
    }
}

fn augassign(k: T) -> Option<Operator> {
    Some(match k {
        T::Plusequal => Operator::Add,
        T::Minequal => Operator::Sub,
        T::Starequal => Operator::Mult,
        T::Atequal => Operator::MatMult,
        T::Slashequal => Operator::Div,
        T::Percentequal => Operator::Mod,
        T::Amperequal => Operator::BitAnd,
        T::Vbarequal => Operator::BitOr,
        T::Circumflexequal => Operator::BitXor,
        T::Leftshiftequal => Operator::LShift,
        T::Rightshiftequal => Operator::RShift,
        T::Doublestarequal => Operator::Pow,
        T::Doubleslashequal => Operator::FloorDiv,
        _ => return None,
    })
}
