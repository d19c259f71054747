//! The `invalid_*` rules of CPython's grammar, active in the second pass only: each recognises
//! one kind of mistake and raises CPython's specific `SyntaxError`. Each returns `Err` when it
//! matched, and otherwise `Ok(())` with the position restored.

use super::helpers::expr_name;
use super::targets::{TargetsType, invalid_target};
use super::{PResult, Parser};
use crate::SyntaxErrorKind as K;
use crate::ast::{Expr, ExprKind, Loc};
use crate::tokenizer::TokenKind as T;

impl<'s> Parser<'s> {
    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET`: raises at the first invalid sub-target, if any.
    fn raise_invalid_target(&mut self, e: &Expr, ty: TargetsType) -> PResult<()> {
        match invalid_target(e, ty) {
            Some(bad) => {
                let verb = if ty == TargetsType::Del { "delete" } else { "assign to" };
                Err(self.raise_loc(bad.loc, format!("cannot {verb} {}", expr_name(bad))))
            }
            // No invalid sub-target: the rule fails (CPython's "invalid syntax" there is dead code).
            None => Ok(()),
        }
    }

    /// Runs `f` from the current position and restores it unless `f` raised.
    fn probe(&mut self, f: impl FnOnce(&mut Self) -> PResult<()>) -> PResult<()> {
        let mark = self.pos;
        let r = f(self);
        self.pos = mark;
        r
    }

    /// An indentation error "expected an indented block after X on line N" when a block
    /// header's `:` is followed by NEWLINE and no INDENT.
    fn expect_indent_after(&mut self, what: &str, line: u32) -> PResult<()> {
        if self.eat(T::Newline)?.is_some() && !self.at(T::Indent)? {
            return Err(self.raise_last(
                K::IndentationError,
                format!("expected an indented block after {what} on line {line}"),
            ));
        }
        Ok(())
    }

    /// `invalid_if_expression`, `invalid_expression` and `invalid_legacy_expression`, in the
    /// order `expression` tries them.
    pub(crate) fn invalid_expression(&mut self) -> PResult<()> {
        if self.seen(1) {
            return Ok(());
        }

        self.probe(|p| {
            // STRING a=(!STRING expression_without_invalid)+ STRING
            if p.eat(T::String)?.is_some() {
                let mut exprs: Vec<Expr> = Vec::new();
                while !p.at(T::String)? {
                    match p.expression_without_invalid()? {
                        Some(e) => exprs.push(e),
                        None => break,
                    }
                }
                if !exprs.is_empty() && p.at(T::String)? {
                    let (a, b) = (exprs[0].loc, exprs[exprs.len() - 1].loc);
                    return Err(p.raise_range(
                        a,
                        b,
                        "invalid syntax. Is this intended to be part of the string?",
                    ));
                }
            }
            Ok(())
        })?;
        self.probe(|p| {
            // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
            let k0 = p.kind()?;
            let k1 = if k0 == T::Name { p.kind_at(1)? } else { k0 };
            let soft = k0 == T::Name && matches!(p.text(p.cur()), "match" | "case" | "type" | "_");
            // (STRING is the plain string token: an f-string after a name does not count.)
            if (k0 == T::Name && k1 == T::String) || soft {
                return Ok(());
            }
            let Some(a) = p.disjunction()? else { return Ok(()) };
            let Some(b) = p.expression_without_invalid()? else { return Ok(()) };
            p.missing_comma_error(&a, &b)
        })?;
        self.probe(|p| {
            let Some(a) = p.disjunction()? else { return Ok(()) };
            if p.eat(T::KwIf)?.is_none() {
                return Ok(());
            }
            let Some(b) = p.disjunction()? else { return Ok(()) };
            // a=disjunction 'if' b=disjunction !('else'|':')
            if !matches!(p.kind()?, T::KwElse | T::Colon) {
                return Err(p.raise_range(a.loc, b.loc, "expected 'else' after 'if' expression"));
            }
            Ok(())
        })?;
        self.probe(|p| {
            // a=(pass_stmt|break_stmt|continue_stmt) 'if' b=disjunction 'else' c=simple_stmt
            if matches!(p.kind()?, T::KwPass | T::KwBreak | T::KwContinue) {
                let a = p.cur();
                p.pos += 1;
                if p.eat(T::KwIf)?.is_some()
                    && p.disjunction()?.is_some()
                    && p.eat(T::KwElse)?.is_some()
                    && p.simple_stmt()?.is_some()
                {
                    return Err(p.raise_loc(
                        a.loc(),
                        "expected expression before 'if', but statement is given",
                    ));
                }
            }
            Ok(())
        })?;
        self.probe(|p| {
            // a='lambda' [lambda_params] b=':' &(FSTRING_MIDDLE | TSTRING_MIDDLE)
            if p.at(T::KwLambda)? {
                let a = p.cur();
                p.pos += 1;
                if !p.at(T::Colon)? {
                    let m = p.pos;
                    if p.parameters(true)?.is_none() {
                        p.pos = m;
                    }
                }
                if let Some(b) = p.eat(T::Colon)? {
                    match p.kind()? {
                        T::FstringMiddle => {
                            return Err(p.raise_range(
                                a.loc(),
                                b.loc(),
                                "f-string: lambda expressions are not allowed without parentheses",
                            ));
                        }
                        T::TstringMiddle => {
                            return Err(p.raise_range(
                                a.loc(),
                                b.loc(),
                                "t-string: lambda expressions are not allowed without parentheses",
                            ));
                        }
                        _ => {}
                    }
                }
            }
            Ok(())
        })?;
        self.probe(|p| {
            // invalid_legacy_expression: a=NAME !'(' b=star_expressions
            if p.at(T::Name)? && p.kind_at(1)? != T::Lpar {
                let a = p.cur();
                p.pos += 1;
                if let Some(b) = p.star_expressions()? {
                    let name = p.text(a);
                    if name == "print" || name == "exec" {
                        return Err(p.raise_range(
                            a.loc(),
                            b.loc,
                            format!(
                                "Missing parentheses in call to '{name}'. Did you mean {name}(...)?"
                            ),
                        ));
                    }
                }
            }
            Ok(())
        })
    }

    /// Runs `f` with the invalid rules disabled (`expression_without_invalid`).
    fn without_invalid<R>(&mut self, f: impl FnOnce(&mut Self) -> PResult<R>) -> PResult<R> {
        let saved = self.call_invalid;
        self.call_invalid = false;
        let r = f(self);
        self.call_invalid = saved;
        r
    }

    /// `expression_without_invalid`: its own alternatives (not the memoised `expression`), with
    /// the invalid rules off below it.
    fn expression_without_invalid(&mut self) -> PResult<Option<Expr>> {
        let saved = (self.call_invalid, self.in_noinv);
        self.call_invalid = false;
        self.in_noinv = true;
        let r = self.expression_inner();
        (self.call_invalid, self.in_noinv) = saved;
        r
    }

    /// `_PyPegen_raise_error_for_missing_comma`
    fn missing_comma_error(&mut self, a: &Expr, b: &Expr) -> PResult<()> {
        if let ExprKind::Name { id, .. } = &a.kind {
            if &**id == "print" || &**id == "exec" {
                return Ok(());
            }
        }
        if self.levels[self.pos - 1] == 0 {
            return Ok(());
        }
        Err(self.raise_range(a.loc, b.loc, "invalid syntax. Perhaps you forgot a comma?"))
    }

    pub(crate) fn invalid_named_expression(&mut self) -> PResult<()> {
        if self.seen(2) {
            return Ok(());
        }
        self.probe(|p| {
            let mark = p.pos;
            // a=expression ':=' expression
            let a = p.expression();
            if let Some(a) = a? {
                if p.eat(T::Colonequal)?.is_some() {
                    let b = p.expression();
                    if b?.is_some() {
                        return Err(p.raise_loc(a.loc, format!("cannot use assignment expressions with {}", expr_name(&a))));
                    }
                }
            }
            p.pos = mark;
            // a=NAME '=' b=bitwise_or !('='|':=')
            if p.at(T::Name)? && p.kind_at(1)? == T::Equal {
                let a = p.cur();
                p.pos += 2;
                let b = p.bitwise_or();
                if let Some(b) = b? {
                    if !matches!(p.kind()?, T::Equal | T::Colonequal) {
                        return Err(p.raise_range(a.loc(), b.loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                    }
                }
            }
            p.pos = mark;
            // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
            if !p.at_list_tuple_genexp_or_const()? {
                let a = p.bitwise_or();
                if let Some(a) = a? {
                    if p.eat(T::Equal)?.is_some() {
                        let b = p.bitwise_or();
                        if b?.is_some() && !matches!(p.kind()?, T::Equal | T::Colonequal) {
                            return Err(p.raise_loc(
                                a.loc,
                                format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&a)),
                            ));
                        }
                    }
                }
            }
            Ok(())
        })
    }

    /// `&(list | tuple | genexp | 'True' | 'None' | 'False')`
    fn at_list_tuple_genexp_or_const(&mut self) -> PResult<bool> {
        match self.kind()? {
            T::KwTrue | T::KwNone | T::KwFalse => Ok(true),
            T::Lsqb | T::Lpar => {
                let m = self.pos;
                let a = self.without_invalid(|p| p.atom())?;
                self.pos = m;
                Ok(matches!(
                    a.map(|e| e.kind),
                    Some(
                        ExprKind::List { .. }
                            | ExprKind::Tuple { .. }
                            | ExprKind::GeneratorExp { .. }
                    )
                ))
            }
            _ => Ok(false),
        }
    }

    pub(crate) fn invalid_arithmetic(&mut self, _a: &Expr) -> PResult<()> {
        if self.seen(3) {
            return Ok(());
        }
        // sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') a='not' b=inversion
        if matches!(
            self.kind()?,
            T::Plus | T::Minus | T::Star | T::Slash | T::Percent | T::Doubleslash | T::At
        ) && self.kind_at(1)? == T::KwNot
        {
            let mark = self.pos;
            self.pos += 1;
            let a = self.cur();
            self.pos += 1;
            let b = self.inversion();
            if let Some(b) = b? {
                return Err(self.raise_range(
                    a.loc(),
                    b.loc,
                    "'not' after an operator must be parenthesized",
                ));
            }
            self.pos = mark;
        }
        Ok(())
    }

    pub(crate) fn invalid_factor(&mut self) -> PResult<()> {
        if self.seen(4) {
            return Ok(());
        }
        // ('+' | '-' | '~') a='not' b=factor
        if self.kind_at(1)? == T::KwNot {
            let mark = self.pos;
            self.pos += 1;
            let a = self.cur();
            self.pos += 1;
            let b = self.factor();
            if let Some(b) = b? {
                return Err(self.raise_range(
                    a.loc(),
                    b.loc,
                    "'not' after an operator must be parenthesized",
                ));
            }
            self.pos = mark;
        }
        Ok(())
    }

    pub(crate) fn invalid_starred_expression_unpacking(&mut self) -> PResult<()> {
        if self.seen(5) {
            return Ok(());
        }
        if !self.at(T::Star)? {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            let e = p.expression();
            if let Some(e) = e? {
                if matches!(e.kind, ExprKind::IfExp { .. }) {
                    return Err(p.raise_range(a.loc(), e.loc, "invalid starred expression. Did you forget to wrap the conditional expression in parentheses?"));
                }
                if p.eat(T::Equal)?.is_some() {
                    let b = p.expression();
                    if let Some(b) = b? {
                        return Err(p.raise_range(a.loc(), b.loc, "cannot assign to iterable argument unpacking"));
                    }
                }
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_paren_atom(&mut self) -> PResult<()> {
        if self.seen(6) {
            return Ok(());
        }
        self.probe(|p| {
            // invalid_comprehension: '(' '**' expression for_if_clauses
            p.pos += 1;
            if p.at(T::Doublestar)? {
                let a = p.cur();
                p.pos += 1;
                let e = p.expression();
                if let Some(e) = e? {
                    if p.at_for()? {
                        return Err(p.raise_range(
                            a.loc(),
                            e.loc,
                            "cannot use dict unpacking in generator expression",
                        ));
                    }
                    if p.at(T::Rpar)? {
                        return Err(
                            p.raise_loc(a.loc(), "cannot use double starred expression here")
                        );
                    }
                }
            }
            Ok(())
        })?;
        self.probe(|p| {
            // invalid_group: '(' a=starred_expression ')'
            p.pos += 1;
            if p.at(T::Star)? {
                let a = p.starred_expression();
                if let Some(a) = a? {
                    if p.at(T::Rpar)? {
                        return Err(p.raise_loc(a.loc, "cannot use starred expression here"));
                    }
                    if p.at_for()? {
                        return Err(p.raise_loc(
                            a.loc,
                            "iterable unpacking cannot be used in comprehension",
                        ));
                    }
                }
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_comprehension(&mut self) -> PResult<()> {
        if self.seen(7) {
            return Ok(());
        }
        self.probe(|p| {
            let _open = p.kind()?;
            p.pos += 1;
            p.comprehension_target_check()
        })
    }

    /// `('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses` and
    /// the single-element form; `starred_expression for_if_clauses`.
    fn comprehension_target_check(&mut self) -> PResult<()> {
        p_noinv(self, |p| {
            // ('[' | '(' | '{') a=starred_expression for_if_clauses
            if p.at(T::Star)? {
                let m = p.pos;
                if let Some(a) = p.starred_expression()? {
                    if p.at_for()? && p.for_if_clauses()?.is_some() {
                        return Err(p.raise_loc(
                            a.loc,
                            "iterable unpacking cannot be used in comprehension",
                        ));
                    }
                }
                p.pos = m;
            }
            let Some(a) = p.star_named_expression()? else { return Ok(()) };
            if let Some(comma) = p.eat(T::Comma)? {
                let m = p.pos;
                if p.at_for()? && p.for_if_clauses()?.is_some() {
                    return Err(p.raise_range(
                        a.loc,
                        comma.loc(),
                        "did you forget parentheses around the comprehension target?",
                    ));
                }
                p.pos = m;
                if let Some(b) = p.star_named_expressions()? {
                    if p.at_for()? && p.for_if_clauses()?.is_some() {
                        let last = b.last().unwrap().loc;
                        return Err(p.raise_range(
                            a.loc,
                            last,
                            "did you forget parentheses around the comprehension target?",
                        ));
                    }
                }
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_brace_atom(&mut self) -> PResult<()> {
        if self.seen(8) {
            return Ok(());
        }
        self.probe(|p| {
            p.pos += 1;
            // invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
            if p.at(T::Doublestar)? {
                let a = p.cur();
                let r = p_noinv(p, |p| {
                    p.pos += 1;
                    let Some(b) = p.bitwise_or()? else { return Ok(()) };
                    if p.at_for()? {
                        let _ = b;
                        return Err(p.raise_loc(
                            a.loc(),
                            "dict unpacking cannot be used in dict comprehension",
                        ));
                    }
                    Ok(())
                });
                r?;
            }
            Ok(())
        })?;
        self.probe(|p| {
            p.pos += 1;
            p.comprehension_target_check()
        })?;
        self.probe(|p| {
            // dict: '{' invalid_double_starred_kvpairs '}'
            p.pos += 1;
            p.invalid_double_starred_kvpairs()
        })
    }

    /// `invalid_double_starred_kvpairs` (after `{`).
    fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        let mark = self.pos;
        let mut n = 0;
        loop {
            let m = self.pos;
            match self.double_starred_kvpair_pub(n > 0)? {
                Some(_) => n += 1,
                None => {
                    self.pos = m;
                    break;
                }
            }
            if self.eat(T::Comma)?.is_none() {
                break;
            }
        }
        if n > 0 && self.toks[self.pos - 1].kind == T::Comma {
            self.invalid_kvpair()?;
        }
        self.pos = mark;
        // expression ':' a='*' bitwise_or  /  expression a=':' &('}'|',')
        self.invalid_kvpair_value()?;
        self.pos = mark;
        Ok(())
    }

    fn invalid_kvpair(&mut self) -> PResult<()> {
        let mark = self.pos;
        let a = if self.dict_key_noinv.contains(&self.pos) {
            self.call_invalid = false;
            let a = self.expression();
            self.call_invalid = true;
            a?
        } else {
            self.expression()?
        };
        if let Some(a) = a {
            if !self.at(T::Colon)? {
                let line = crate::errors::source_line(self.src, a.loc.end_lineno).unwrap_or("");
                let mut e = self.raise_loc(a.loc, "':' expected after dictionary key");
                e.lineno = Some(a.loc.lineno as i32);
                e.offset = Some(
                    crate::errors::byte_col_to_char_offset(line, a.loc.end_col_offset as usize) - 1,
                );
                e.end_lineno = Some(a.loc.end_lineno as i32);
                e.end_offset = Some(0);
                return Err(e);
            }
        }
        self.pos = mark;
        self.invalid_kvpair_value()
    }

    fn invalid_kvpair_value(&mut self) -> PResult<()> {
        let mark = self.pos;
        if self.expression()?.is_some() {
            if let Some(colon) = self.eat(T::Colon)? {
                if self.at(T::Star)? {
                    let a = self.cur();
                    self.pos += 1;
                    if self.bitwise_or()?.is_some() {
                        return Err(self.raise_from(
                            a.loc(),
                            "cannot use a starred expression in a dictionary value",
                        ));
                    }
                } else if matches!(self.kind()?, T::Rbrace | T::Comma) {
                    return Err(self.raise_loc(
                        colon.loc(),
                        "expression expected after dictionary key and ':'",
                    ));
                }
            }
        }
        self.pos = mark;
        Ok(())
    }

    pub(crate) fn invalid_for_target(&mut self) -> PResult<()> {
        if self.seen(9) {
            return Ok(());
        }
        self.probe(|p| {
            p.eat(T::KwAsync)?;
            if p.eat(T::KwFor)?.is_none() {
                return Ok(());
            }
            p_noinv(p, |p| {
                let Some(a) = p.star_expressions()? else { return Ok(()) };
                p.raise_invalid_target(&a, TargetsType::For)
            })
        })
    }

    pub(crate) fn invalid_for_if_clause(&mut self) -> PResult<()> {
        if self.seen(10) {
            return Ok(());
        }
        self.probe(|p| {
            p.eat(T::KwAsync)?;
            if p.eat(T::KwFor)?.is_none() {
                return Ok(());
            }
            p_noinv(p, |p| {
                if p.bitwise_or()?.is_none() {
                    return Ok(());
                }
                while p.at(T::Comma)? {
                    let m = p.pos;
                    p.pos += 1;
                    if p.bitwise_or()?.is_none() {
                        p.pos = m + 1;
                        break;
                    }
                }
                if !p.at(T::KwIn)? {
                    return Err(
                        p.raise_last(K::SyntaxError, "'in' expected after for-loop variables")
                    );
                }
                Ok(())
            })
        })
    }

    pub(crate) fn invalid_arguments(&mut self) -> PResult<()> {
        if self.seen(11) {
            return Ok(());
        }
        // Walks the arguments after '(' once more, reporting the first misplaced one.
        self.probe(|p| {
            p.pos += 1;
            p_noinv(p, |p| {
                let mut seen_kw = false;
                let mut seen_dstar = false;
                let mut first_positional: Option<Expr> = None;
                let mut count = 0;
                loop {
                    let k = p.kind()?;
                    let start_tok = p.cur();
                    match k {
                        T::Rpar => return Ok(()),
                        T::Star => {
                            let Some(_e) = p.starred_expression()? else { return Ok(()) };
                            if seen_dstar {
                                return Err(p.raise_from(start_tok.loc(), "iterable argument unpacking follows keyword argument unpacking"));
                            }
                        }
                        T::Doublestar => {
                            p.pos += 1;
                            let Some(_e) = p.expression()? else { return Ok(()) };
                            if p.at(T::Equal)? {
                                p.pos += 1;
                                if let Some(b) = p.expression()? {
                                    return Err(p.raise_range(start_tok.loc(), b.loc, "cannot assign to keyword argument unpacking"));
                                }
                            }
                            seen_kw = true;
                            seen_dstar = true;
                        }
                        T::KwTrue | T::KwFalse | T::KwNone if p.kind_at(1)? == T::Equal => {
                            let b = p.toks[p.pos + 1];
                            return Err(p.raise_range(start_tok.loc(), b.loc(), format!("cannot assign to {}", p.text(start_tok))));
                        }
                        T::Name if p.kind_at(1)? == T::Equal => {
                            let eq = p.toks[p.pos + 1];
                            p.pos += 2;
                            if matches!(p.kind()?, T::Comma | T::Rpar) {
                                return Err(p.raise_range(start_tok.loc(), eq.loc(), "expected argument value expression"));
                            }
                            let Some(_e) = p.expression()? else { return Ok(()) };
                            if p.at_for()? {
                                return Err(p.raise_range(start_tok.loc(), eq.loc(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                            }
                            seen_kw = true;
                        }
                        _ => {
                            let Some(e) = p.expression()? else { return Ok(()) };
                            if p.at(T::Equal)? {
                                let eq = p.cur();
                                return Err(p.raise_range(e.loc, eq.loc(), "expression cannot contain assignment, perhaps you meant \"==\"?"));
                            }
                            if p.at_for()? {
                                let Some(g) = p.for_if_clauses()? else { return Ok(()) };
                                let last = g.last().unwrap();
                                let end = last.ifs.last().map(|x| x.loc).unwrap_or(last.iter.loc);
                                if count > 0 || !p.at(T::Rpar)? {
                                    return Err(p.raise_range(e.loc, end, "Generator expression must be parenthesized"));
                                }
                            }
                            if seen_kw {
                                let msg = if seen_dstar {
                                    "positional argument follows keyword argument unpacking"
                                } else {
                                    "positional argument follows keyword argument"
                                };
                                return Err(p.raise_loc(e.loc, msg));
                            }
                            if first_positional.is_none() {
                                first_positional = Some(e);
                            }
                        }
                    }
                    count += 1;
                    if p.eat(T::Comma)?.is_none() {
                        return Ok(());
                    }
                }
            })
        })
    }

    pub(crate) fn invalid_parameters(&mut self, lambda: bool) -> PResult<()> {
        if self.seen(12 + lambda as u8 * 64) {
            return Ok(());
        }
        let end = if lambda { T::Colon } else { T::Rpar };
        self.probe(|p| {
            p_noinv(p, |p| {
                let mut seen_default = false;
                let mut seen_slash = false;
                let mut seen_star = false;
                let mut count = 0;
                loop {
                    let t = p.cur();
                    match p.kind()? {
                        T::Slash => {
                            if count == 0 {
                                if p.kind_at(1)? == T::Comma {
                                    return Err(p.raise_loc(
                                        t.loc(),
                                        "at least one argument must precede /",
                                    ));
                                }
                                return Ok(());
                            }
                            if seen_slash {
                                return Err(p.raise_loc(t.loc(), "/ may appear only once"));
                            }
                            if seen_star {
                                return Err(p.raise_loc(t.loc(), "/ must be ahead of *"));
                            }
                            seen_slash = true;
                            p.pos += 1;
                            if p.at(T::Star)? && !seen_star {
                                let s = p.cur();
                                return Err(p.raise_loc(s.loc(), "expected comma between / and *"));
                            }
                        }
                        T::Star => {
                            if seen_star {
                                if matches!(p.kind_at(1)?, T::Name | T::Comma) {
                                    return Err(
                                        p.raise_loc(t.loc(), "* argument may appear only once")
                                    );
                                }
                                return Ok(());
                            }
                            seen_star = true;
                            p.pos += 1;
                            if p.at(end)?
                                || (p.at(T::Comma)?
                                    && matches!(p.kind_at(1)?, k if k == end || k == T::Doublestar))
                            {
                                if lambda {
                                    return Err(p.raise_last(
                                        K::SyntaxError,
                                        "named arguments must follow bare *",
                                    ));
                                }
                                return Err(
                                    p.raise_loc(t.loc(), "named arguments must follow bare *")
                                );
                            }
                            if p.at(T::Name)? {
                                p.pos += 1;
                                if !lambda && p.eat(T::Colon)?.is_some() {
                                    if p.at(T::Star)? {
                                        p.star_expression()?;
                                    } else {
                                        p.expression()?;
                                    }
                                }
                                if p.at(T::Equal)? {
                                    let e = p.cur();
                                    return Err(p.raise_loc(
                                        e.loc(),
                                        "var-positional argument cannot have default value",
                                    ));
                                }
                            }
                            count += 1;
                            if p.eat(T::Comma)?.is_none() {
                                return Ok(());
                            }
                            continue;
                        }
                        T::Doublestar => {
                            p.pos += 1;
                            if !p.at(T::Name)? {
                                return Ok(());
                            }
                            p.pos += 1;
                            if !lambda && p.eat(T::Colon)?.is_some() {
                                p.expression()?;
                            }
                            if p.at(T::Equal)? {
                                let e = p.cur();
                                return Err(p.raise_loc(
                                    e.loc(),
                                    "var-keyword argument cannot have default value",
                                ));
                            }
                            if p.eat(T::Comma)?.is_some() {
                                let n = p.cur();
                                if matches!(p.kind()?, T::Name | T::Star | T::Doublestar | T::Slash)
                                {
                                    return Err(p.raise_loc(
                                        n.loc(),
                                        "arguments cannot follow var-keyword argument",
                                    ));
                                }
                            }
                            return Ok(());
                        }
                        T::Lpar if !seen_star => {
                            // Parenthesised parameters.
                            let m = p.pos;
                            p.pos += 1;
                            let mut ok = false;
                            while p.at(T::Name)? {
                                p.pos += 1;
                                ok = true;
                                if p.eat(T::Comma)?.is_none() {
                                    break;
                                }
                            }
                            if ok {
                                if let Some(b) = p.eat(T::Rpar)? {
                                    let msg = if lambda {
                                        "Lambda expression parameters cannot be parenthesized"
                                    } else {
                                        "Function parameters cannot be parenthesized"
                                    };
                                    return Err(p.raise_range(t.loc(), b.loc(), msg));
                                }
                            }
                            p.pos = m;
                            return Ok(());
                        }
                        T::Name => {
                            p.pos += 1;
                            if !lambda && p.eat(T::Colon)?.is_some() && p.expression()?.is_none() {
                                return Ok(());
                            }
                            if p.at(T::Equal)? {
                                let eq = p.cur();
                                p.pos += 1;
                                if matches!(p.kind()?, T::Comma) || p.at(end)? {
                                    return Err(
                                        p.raise_loc(eq.loc(), "expected default value expression")
                                    );
                                }
                                if p.expression()?.is_none() {
                                    return Ok(());
                                }
                                if !seen_star {
                                    seen_default = true;
                                }
                            } else if seen_default
                                && !seen_star
                                && (matches!(p.kind()?, T::Comma | T::TypeComment) || p.at(end)?)
                            {
                                return Err(p.raise_loc(
                                    Loc::new(
                                        t.lineno,
                                        t.col_offset,
                                        p.toks[p.pos - 1].end_lineno,
                                        p.toks[p.pos - 1].end_col_offset,
                                    ),
                                    "parameter without a default follows parameter with a default",
                                ));
                            }
                        }
                        _ => return Ok(()),
                    }
                    count += 1;
                    if p.at(T::TypeComment)? {
                        p.pos += 1;
                    }
                    if p.eat(T::Comma)?.is_none() {
                        return Ok(());
                    }
                    if p.at(T::TypeComment)? {
                        p.pos += 1;
                    }
                }
            })
        })
    }

    pub(crate) fn invalid_assignment(&mut self) -> PResult<()> {
        if self.seen(13) {
            return Ok(());
        }
        self.probe(|p| {
            p_noinv(p, |p| {
                let mark = p.pos;
                // a=invalid_ann_assign_target ':' expression
                if matches!(p.kind()?, T::Lpar | T::Lsqb) {
                    if let Some(a) = p.star_expressions()? {
                        let inner = strip_parens_target(&a);
                        if matches!(inner.kind, ExprKind::List { .. } | ExprKind::Tuple { .. })
                            && p.eat(T::Colon)?.is_some()
                            && p.expression()?.is_some()
                        {
                            return Err(p.raise_loc(
                                inner.loc,
                                format!(
                                    "only single target (not {}) can be annotated",
                                    expr_name(inner)
                                ),
                            ));
                        }
                    }
                    p.pos = mark;
                }
                // a=star_named_expression ',' star_named_expressions* ':' expression
                if let Some(a) = p.star_named_expression()? {
                    if p.at(T::Comma)? {
                        p.pos += 1;
                        while p.star_named_expressions()?.is_some() {}
                        if p.eat(T::Colon)?.is_some() && p.expression()?.is_some() {
                            return Err(p.raise_loc(
                                a.loc,
                                "only single target (not tuple) can be annotated",
                            ));
                        }
                    }
                }
                p.pos = mark;
                // a=expression ':' expression
                if let Some(a) = p.expression()? {
                    if p.eat(T::Colon)?.is_some() && p.expression()?.is_some() {
                        return Err(p.raise_loc(a.loc, "illegal target for annotation"));
                    }
                }
                p.pos = mark;
                // (star_targets '=')* a=star_expressions '='  /  a=yield_expr '='
                loop {
                    let m = p.pos;
                    let e = if p.at(T::KwYield)? { p.yield_expr()? } else { p.star_expressions()? };
                    let Some(e) = e else { break };
                    if !p.at(T::Equal)? {
                        p.pos = m;
                        break;
                    }
                    if matches!(e.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
                        return Err(
                            p.raise_loc(e.loc, "assignment to yield expression not possible")
                        );
                    }
                    if !super::targets::is_target(&e, false) {
                        p.raise_invalid_target(&e, TargetsType::Star)?;
                    }
                    p.pos += 1;
                }
                p.pos = mark;
                // a=star_expressions augassign annotated_rhs
                if let Some(a) = p.star_expressions()? {
                    if is_augassign(p.kind()?) {
                        p.pos += 1;
                        let rhs =
                            if p.at(T::KwYield)? { p.yield_expr()? } else { p.star_expressions()? };
                        if rhs.is_some() {
                            return Err(p.raise_loc(
                                a.loc,
                                format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    expr_name(&a)
                                ),
                            ));
                        }
                    }
                }
                Ok(())
            })
        })
    }

    pub(crate) fn invalid_raise_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_del_stmt(&mut self) -> PResult<()> {
        if self.seen(15) {
            return Ok(());
        }
        self.probe(|p| {
            p.pos += 1;
            p_noinv(p, |p| {
                let Some(a) = p.star_expressions()? else { return Ok(()) };
                p.raise_invalid_target(&a, TargetsType::Del)
            })
        })
    }

    pub(crate) fn invalid_assert_stmt(&mut self) -> PResult<()> {
        Ok(())
    }

    pub(crate) fn invalid_import(&mut self) -> PResult<()> {
        if self.seen(17) {
            return Ok(());
        }
        self.probe(|p| {
            let Some(a) = p.eat(T::KwImport)? else { return Ok(()) };
            if let Some(t) = p.eat(T::Newline)? {
                return Err(p.raise_from(t.loc(), "Expected one or more names after 'import'"));
            }
            loop {
                if p.name_tok()?.is_none() {
                    return Ok(());
                }
                while p.at(T::Dot)? && p.kind_at(1)? == T::Name {
                    p.pos += 2;
                }
                if p.eat(T::Comma)?.is_none() {
                    break;
                }
            }
            if p.eat(T::KwFrom)?.is_some() && p.name_tok()?.is_some() {
                while p.at(T::Dot)? && p.kind_at(1)? == T::Name {
                    p.pos += 2;
                }
                return Err(
                    p.raise_from(a.loc(), "Did you mean to use 'from ... import ...' instead?")
                );
            }
            Ok(())
        })
    }

    fn invalid_import_target(&mut self, dotted: bool) -> PResult<()> {
        self.probe(|p| {
            if p.name_tok()?.is_none() {
                return Ok(());
            }
            if dotted {
                while p.at(T::Dot)? && p.kind_at(1)? == T::Name {
                    p.pos += 2;
                }
            }
            if p.eat(T::KwAs)?.is_none() {
                return Ok(());
            }
            if p.at(T::Name)? && matches!(p.kind_at(1)?, T::Comma | T::Rpar | T::Semi | T::Newline)
            {
                return Ok(());
            }
            p_noinv(p, |p| {
                if let Some(a) = p.expression()? {
                    return Err(p.raise_loc(
                        a.loc,
                        format!("cannot use {} as import target", expr_name(&a)),
                    ));
                }
                Ok(())
            })
        })
    }

    pub(crate) fn invalid_dotted_as_name(&mut self) -> PResult<()> {
        if self.seen(18) {
            return Ok(());
        }
        self.invalid_import_target(true)
    }

    pub(crate) fn invalid_import_from_as_name(&mut self) -> PResult<()> {
        if self.seen(19) {
            return Ok(());
        }
        self.invalid_import_target(false)
    }

    pub(crate) fn invalid_import_from_targets(&mut self) -> PResult<()> {
        if self.seen(20) {
            return Ok(());
        }
        self.probe(|p| {
            if let Some(t) = p.eat(T::Newline)? {
                return Err(p.raise_from(t.loc(), "Expected one or more names after 'import'"));
            }
            if p.import_names_then_comma_newline()? {
                return Err(p.raise_last(
                    K::SyntaxError,
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
            Ok(())
        })
    }

    fn import_names_then_comma_newline(&mut self) -> PResult<bool> {
        loop {
            if self.name_tok()?.is_none() {
                return Ok(false);
            }
            if self.at(T::KwAs)? && self.kind_at(1)? == T::Name {
                self.pos += 2;
            }
            if self.eat(T::Comma)?.is_none() {
                return Ok(false);
            }
            if self.at(T::Newline)? {
                return Ok(true);
            }
        }
    }

    pub(crate) fn invalid_case_outside_match(&mut self) -> PResult<()> {
        Ok(())
    }

    /// The part of a definition header up to its `:`; returns whether it was complete.
    fn def_header(&mut self) -> PResult<bool> {
        p_noinv(self, |p| {
            p.eat(T::KwAsync)?;
            p.pos += 1;
            if p.name_tok()?.is_none() {
                return Ok(false);
            }
            // [type_params]: optional, so a failed one leaves the position at '['.
            if p.at(T::Lsqb)? {
                let m = p.pos;
                if p.type_params()?.is_none() {
                    p.pos = m;
                }
            }
            Ok(true)
        })
    }

    pub(crate) fn invalid_def_raw(&mut self) -> PResult<()> {
        if self.seen(22) {
            return Ok(());
        }
        self.probe(|p| {
            let def = if p.at(T::KwAsync)? { p.toks[p.pos + 1] } else { p.cur() };
            if !p.def_header()? {
                return Ok(());
            }
            // &&'(' [params] ')' ['->' expression] &&':'
            p.expect_forced(T::Lpar, "(")?;
            p_noinv(p, |p| {
                if !p.at(T::Rpar)? {
                    p.parameters(false)?;
                }
                Ok(())
            })?;
            if p.eat(T::Rpar)?.is_none() {
                return Ok(());
            }
            // ['->' expression]: optional, so a missing expression leaves the position at '->'.
            if p.at(T::Rarrow)? {
                let m = p.pos;
                p.pos += 1;
                if p.expression()?.is_none() {
                    p.pos = m;
                }
            }
            p.expect_forced(T::Colon, ":")?;
            p.expect_indent_after("function definition", def.lineno)
        })
    }

    pub(crate) fn invalid_class_def_raw(&mut self) -> PResult<()> {
        if self.seen(23) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            if !p.def_header()? {
                return Ok(());
            }
            if p.at(T::Lpar)? {
                let m = p.pos;
                if p_noinv(p, |p| p.call_trailer())?.is_none() {
                    p.pos = m;
                }
            }
            if p.at(T::Newline)? {
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            if p.eat(T::Colon)?.is_some() {
                p.expect_indent_after("class definition", a.lineno)?;
            }
            Ok(())
        })
    }

    /// `'kw' named_expression NEWLINE` → "expected ':'", and the indentation form.
    fn header_then_colon(&mut self, what: &str) -> PResult<()> {
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            let e = p_noinv(p, |p| p.named_expression())?;
            if e.is_none() {
                return Ok(());
            }
            if p.at(T::Newline)? {
                p.pos += 1;
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            if p.eat(T::Colon)?.is_some() {
                p.expect_indent_after(&format!("'{what}' statement"), a.lineno)?;
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_if_stmt(&mut self) -> PResult<()> {
        if self.seen(24) {
            return Ok(());
        }
        let what = if self.at(T::KwElif)? { "elif" } else { "if" };
        self.header_then_colon(what)
    }

    pub(crate) fn invalid_while_stmt(&mut self) -> PResult<()> {
        if self.seen(25) {
            return Ok(());
        }
        self.header_then_colon("while")
    }

    pub(crate) fn invalid_else_stmt(&mut self) -> PResult<()> {
        if self.seen(26) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            if p.eat(T::Colon)?.is_none() {
                return Ok(());
            }
            p.expect_indent_after("'else' statement", a.lineno)?;
            p.pos -= 1;
            if p.at(T::Newline)? {
                p.pos += 0;
            }
            let m = p.pos;
            let b = p_noinv(p, |p| p.block())?;
            if b.is_some() && p.at(T::KwElif)? {
                return Err(p.raise_loc(p.cur().loc(), "'elif' block follows an 'else' block"));
            }
            p.pos = m;
            Ok(())
        })
    }

    pub(crate) fn invalid_for_stmt(&mut self) -> PResult<()> {
        if self.seen(27) {
            return Ok(());
        }
        self.probe(|p| {
            p.eat(T::KwAsync)?;
            let a = p.cur();
            p.pos += 1;
            let ok = p_noinv(p, |p| {
                if p.star_targets()?.is_none() || p.eat(T::KwIn)?.is_none() {
                    return Ok(false);
                }
                Ok(p.star_expressions()?.is_some())
            })?;
            if !ok {
                return Ok(());
            }
            if p.at(T::Newline)? {
                p.pos += 1;
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            if p.eat(T::Colon)?.is_some() {
                p.expect_indent_after("'for' statement", a.lineno)?;
            }
            Ok(())
        })
    }

    /// `['async'] 'with' ...` items; returns whether it parsed the items and whether they were
    /// parenthesised.
    fn with_header(&mut self, parens: bool) -> PResult<bool> {
        p_noinv(self, |p| {
            if parens {
                if p.eat(T::Lpar)?.is_none() {
                    return Ok(false);
                }
            }
            let mut n = 0;
            loop {
                let e = if parens { p.expressions()? } else { p.expression()? };
                if e.is_none() {
                    break;
                }
                n += 1;
                if p.at(T::KwAs)? {
                    p.pos += 1;
                    if p.star_target()?.is_none() {
                        return Ok(false);
                    }
                }
                if !p.at(T::Comma)? {
                    break;
                }
                p.pos += 1;
            }
            if n == 0 {
                return Ok(false);
            }
            if parens {
                p.eat(T::Comma)?;
                return Ok(p.eat(T::Rpar)?.is_some());
            }
            Ok(true)
        })
    }

    pub(crate) fn invalid_with_stmt_indent(&mut self) -> PResult<()> {
        if self.seen(28) {
            return Ok(());
        }
        for parens in [false, true] {
            self.probe(|p| {
                p.eat(T::KwAsync)?;
                let a = p.cur();
                p.pos += 1;
                if !p.with_header(parens)? {
                    return Ok(());
                }
                if p.eat(T::Colon)?.is_some() {
                    p.expect_indent_after("'with' statement", a.lineno)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    pub(crate) fn invalid_with_stmt(&mut self) -> PResult<()> {
        if self.seen(29) {
            return Ok(());
        }
        self.probe(|p| {
            p.eat(T::KwAsync)?;
            p.pos += 1;
            let m = p.pos;
            if p.with_header(false)? {
                if p.at(T::Newline)? {
                    p.pos += 1;
                    return Err(p.raise_last(K::SyntaxError, "expected ':'"));
                }
            }
            p.pos = m;
            if p.with_header(true)? && p.at(T::Newline)? {
                p.pos += 1;
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_with_item(&mut self) -> PResult<()> {
        if self.seen(30) {
            return Ok(());
        }
        self.probe(|p| {
            p_noinv(p, |p| {
                if p.expression()?.is_none() || p.eat(T::KwAs)?.is_none() {
                    return Ok(());
                }
                let Some(a) = p.expression()? else { return Ok(()) };
                if matches!(p.kind()?, T::Comma | T::Rpar | T::Colon) {
                    p.raise_invalid_target(&a, TargetsType::Star)?;
                }
                Ok(())
            })
        })
    }

    pub(crate) fn invalid_try_stmt(&mut self) -> PResult<()> {
        if self.seen(31) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            if p.eat(T::Colon)?.is_none() {
                return Ok(());
            }
            p.expect_indent_after("'try' statement", a.lineno)?;
            p.pos -= 1;
            if p.toks[p.pos].kind != T::Newline {
                p.pos += 1;
            }
            let Some(_) = p_noinv(p, |p| p.block())? else { return Ok(()) };
            if !matches!(p.kind()?, T::KwExcept | T::KwFinally) {
                return Err(p.raise_last(K::SyntaxError, "expected 'except' or 'finally' block"));
            }
            // Mixed except / except*.
            let mut plain = false;
            let mut star = false;
            while p.at(T::KwExcept)? {
                let e = p.cur();
                let is_star = p.kind_at(1)? == T::Star;
                if (is_star && plain) || (!is_star && star) {
                    // Must be a complete header.
                    let m = p.pos;
                    p.pos += 1 + is_star as usize;
                    let ok = p_noinv(p, |p| {
                        if !p.at(T::Colon)? {
                            if p.expression()?.is_none() {
                                return Ok(false);
                            }
                            if p.at(T::KwAs)? {
                                p.pos += 1;
                                if p.name_tok()?.is_none() {
                                    return Ok(false);
                                }
                            }
                        } else if is_star {
                            return Ok(false);
                        }
                        Ok(p.at(T::Colon)?)
                    })?;
                    if ok {
                        if is_star {
                            let s = p.toks[m + 1];
                            return Err(p.raise_range(
                                e.loc(),
                                s.loc(),
                                "cannot have both 'except' and 'except*' on the same 'try'",
                            ));
                        }
                        return Err(p.raise_loc(
                            e.loc(),
                            "cannot have both 'except' and 'except*' on the same 'try'",
                        ));
                    }
                    return Ok(());
                }
                if is_star {
                    star = true;
                } else {
                    plain = true;
                }
                let m = p.pos;
                let r = p.except_block(is_star)?.is_some();
                if !r {
                    p.pos = m;
                    return Ok(());
                }
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_finally_stmt(&mut self) -> PResult<()> {
        if self.seen(32) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            if p.eat(T::Colon)?.is_some() {
                p.expect_indent_after("'finally' statement", a.lineno)?;
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_except_stmt_indent(&mut self, star: bool) -> PResult<()> {
        if self.seen(33 + star as u8 * 64) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            if star {
                p.pos += 1;
            }
            if !p.at(T::Colon)? {
                let ok = p_noinv(p, |p| {
                    if p.expression()?.is_none() {
                        return Ok(false);
                    }
                    if p.at(T::KwAs)? {
                        p.pos += 1;
                        if p.name_tok()?.is_none() {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                })?;
                if !ok {
                    return Ok(());
                }
            } else if star {
                return Ok(());
            }
            if p.eat(T::Colon)?.is_some() {
                let what = if star { "'except*' statement" } else { "'except' statement" };
                p.expect_indent_after(what, a.lineno)?;
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_except_stmt(&mut self, star: bool) -> PResult<()> {
        if self.seen(34 + star as u8 * 64) {
            return Ok(());
        }
        let kw = if star { "except*" } else { "except" };
        self.probe(|p| {
            p.pos += 1;
            if star {
                p.pos += 1;
                if matches!(p.kind()?, T::Newline | T::Colon) {
                    return Err(
                        p.raise_last(K::SyntaxError, "expected one or more exception types")
                    );
                }
            }
            if !star && p.at(T::Newline)? {
                p.pos += 1;
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            p_noinv(p, |p| {
                let m = p.pos;
                let Some(a) = p.expression()? else { return Ok(()) };
                // a=expression ',' expressions 'as' NAME ':'
                if p.at(T::Comma)? {
                    p.pos += 1;
                    if p.expressions()?.is_some()
                        && p.eat(T::KwAs)?.is_some()
                        && p.name_tok()?.is_some()
                        && p.at(T::Colon)?
                    {
                        return Err(p.raise_from(
                            a.loc,
                            "multiple exception types must be parenthesized when using 'as'",
                        ));
                    }
                    p.pos = m;
                    p.expression()?;
                }
                let after = p.pos;
                if p.at(T::KwAs)? && p.kind_at(1)? == T::Name {
                    p.pos += 2;
                }
                if p.at(T::Newline)? {
                    p.pos += 1;
                    return Err(p.raise_last(K::SyntaxError, "expected ':'"));
                }
                p.pos = after;
                if p.eat(T::KwAs)?.is_some() {
                    if let Some(t) = p.expression()? {
                        if p.eat(T::Colon)?.is_some() && p.block()?.is_some() {
                            return Err(p.raise_loc(
                                t.loc,
                                format!("cannot use {kw} statement with {}", expr_name(&t)),
                            ));
                        }
                    }
                }
                Ok(())
            })
        })
    }

    pub(crate) fn invalid_match_stmt(&mut self) -> PResult<()> {
        if self.seen(35) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            let s = p_noinv(p, |p| p.subject_expr())?;
            if s.is_none() {
                return Ok(());
            }
            if p.at(T::Newline)? {
                p.pos += 1;
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            if p.eat(T::Colon)?.is_some() {
                p.expect_indent_after("'match' statement", a.lineno)?;
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_case_block(&mut self) -> PResult<()> {
        if self.seen(36) {
            return Ok(());
        }
        self.probe(|p| {
            let a = p.cur();
            p.pos += 1;
            let ok = p_noinv(p, |p| {
                if p.patterns()?.is_none() {
                    return Ok(false);
                }
                if p.at(T::KwIf)? {
                    p.pos += 1;
                    if p.named_expression()?.is_none() {
                        return Ok(false);
                    }
                }
                Ok(true)
            })?;
            if !ok {
                return Ok(());
            }
            if p.at(T::Newline)? {
                p.pos += 1;
                return Err(p.raise_last(K::SyntaxError, "expected ':'"));
            }
            if p.eat(T::Colon)?.is_some() {
                p.expect_indent_after("'case' statement", a.lineno)?;
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_type_param(&mut self) -> PResult<()> {
        if self.seen(37) {
            return Ok(());
        }
        self.probe(|p| {
            let star = p.at(T::Star)?;
            p.pos += 1;
            if p.name_tok()?.is_none() {
                return Ok(());
            }
            let Some(colon) = p.eat(T::Colon)? else { return Ok(()) };
            let e = p_noinv(p, |p| p.expression())?;
            let Some(e) = e else { return Ok(()) };
            let what = if star { "TypeVarTuple" } else { "ParamSpec" };
            let msg = if matches!(e.kind, ExprKind::Tuple { .. }) {
                format!("cannot use constraints with {what}")
            } else {
                format!("cannot use bound with {what}")
            };
            Err(p.raise_from(colon.loc(), msg))
        })
    }

    pub(crate) fn invalid_as_pattern(&mut self) -> PResult<()> {
        if self.seen(38) {
            return Ok(());
        }
        self.probe(|p| {
            let ok = p_noinv(p, |p| p.or_pattern())?;
            if ok.is_none() || p.eat(T::KwAs)?.is_none() {
                return Ok(());
            }
            if p.at_soft("_")? {
                return Err(p.raise_loc(p.cur().loc(), "cannot use '_' as a target"));
            }
            let e = p_noinv(p, |p| p.expression())?;
            if let Some(e) = e {
                return Err(
                    p.raise_loc(e.loc, format!("cannot use {} as pattern target", expr_name(&e)))
                );
            }
            Ok(())
        })
    }

    pub(crate) fn invalid_mapping_pattern(&mut self) -> PResult<()> {
        if self.seen(39) {
            return Ok(());
        }
        Ok(())
    }

    /// `name_or_attr '(' [positional_patterns ','] keyword_patterns ',' a=positional_patterns`
    /// (at the `(`).
    pub(crate) fn invalid_class_pattern(&mut self) -> PResult<()> {
        self.probe(|p| {
            p.pos += 1;
            let mut seen_kw = false;
            loop {
                if p.at(T::Name)? && p.kind_at(1)? == T::Equal {
                    p.pos += 2;
                    if p.pattern_pub()?.is_none() {
                        return Ok(());
                    }
                    seen_kw = true;
                } else if seen_kw {
                    // a=positional_patterns: ','.pattern+
                    let mut first = None;
                    let mut last = None;
                    loop {
                        let m = p.pos;
                        let Some(pt) = p.pattern_pub()? else {
                            p.pos = m;
                            break;
                        };
                        first.get_or_insert(pt.loc);
                        last = Some(pt.loc);
                        if !(p.at(T::Comma)?
                            && !(p.kind_at(1)? == T::Name && p.kind_at(2)? == T::Equal))
                        {
                            break;
                        }
                        p.pos += 1;
                    }
                    if let (Some(a), Some(b)) = (first, last) {
                        return Err(p.raise_range(
                            a,
                            b,
                            "positional patterns follow keyword patterns",
                        ));
                    }
                    return Ok(());
                } else if p.pattern_pub()?.is_none() {
                    return Ok(());
                }
                if p.eat(T::Comma)?.is_none() {
                    return Ok(());
                }
            }
        })
    }

    pub(crate) fn invalid_string_tstring_concat(&mut self, mark: usize) -> PResult<Option<Expr>> {
        // The last literal before the switch and the first after it.
        let mut last: Option<Loc> = None;
        let mut first_other: Option<Loc> = None;
        self.pos = mark;
        let first_is_t = self.at(T::TstringStart)?;
        self.call_invalid = false;
        let r = (|| -> PResult<()> {
            loop {
                let k = self.kind()?;
                let is_t = k == T::TstringStart;
                if !matches!(k, T::String | T::FstringStart | T::TstringStart) {
                    break;
                }
                self.fill()?;
                let start = self.start_loc();
                if k == T::String {
                    self.pos += 1;
                } else {
                    self.fstring(is_t)?;
                }
                let loc = self.extra(start);
                if is_t == first_is_t {
                    last = Some(loc);
                } else {
                    first_other = Some(loc);
                    break;
                }
            }
            Ok(())
        })();
        self.call_invalid = true;
        r?;
        match (last, first_other) {
            (Some(a), Some(b)) => Err(self.raise_range(
                a,
                b,
                "cannot mix t-string literals with string or bytes literals",
            )),
            _ => Ok(None),
        }
    }

    pub(crate) fn invalid_replacement_field(&mut self, template: bool) -> PResult<()> {
        if self.seen(41 + template as u8 * 64) {
            return Ok(());
        }
        let kind = if template { "t-string" } else { "f-string" };
        self.probe(|p| {
            p.pos += 1; // '{'
            let t = p.cur();
            match p.kind()? {
                T::Equal => {
                    return Err(p.raise_loc(
                        t.loc(),
                        format!("{kind}: valid expression required before '='"),
                    ));
                }
                T::Exclamation => {
                    return Err(p.raise_loc(
                        t.loc(),
                        format!("{kind}: valid expression required before '!'"),
                    ));
                }
                T::Colon => {
                    return Err(p.raise_loc(
                        t.loc(),
                        format!("{kind}: valid expression required before ':'"),
                    ));
                }
                T::Rbrace => {
                    return Err(p.raise_loc(
                        t.loc(),
                        format!("{kind}: valid expression required before '}}'"),
                    ));
                }
                _ => {}
            }
            let e =
                p_noinv(
                    p,
                    |p| if p.at(T::KwYield)? { p.yield_expr() } else { p.star_expressions() },
                )?;
            if e.is_none() {
                return Err(
                    p.raise_next(format!("{kind}: expecting a valid expression after '{{'"))?
                );
            }
            if !matches!(p.kind()?, T::Equal | T::Exclamation | T::Colon | T::Rbrace) {
                return Err(
                    p.raise_next(format!("{kind}: expecting '=', or '!', or ':', or '}}'"))?
                );
            }
            let debug = p.eat(T::Equal)?.is_some();
            if debug && !matches!(p.kind()?, T::Exclamation | T::Colon | T::Rbrace) {
                return Err(p.raise_next(format!("{kind}: expecting '!', or ':', or '}}'"))?);
            }
            if p.eat(T::Exclamation)?.is_some() {
                if matches!(p.kind()?, T::Colon | T::Rbrace) {
                    return Err(p.raise_next(format!("{kind}: missing conversion character"))?);
                }
                if p.name_tok()?.is_none() {
                    return Err(p.raise_next(format!("{kind}: invalid conversion character"))?);
                }
            }
            if !matches!(p.kind()?, T::Colon | T::Rbrace) {
                return Err(p.raise_next(format!("{kind}: expecting ':' or '}}'"))?);
            }
            if p.at(T::Colon)? {
                // ':' fstring_format_spec* !'}'
                // Both rules use `fstring_format_spec*` here (so a t-string's spec stops at once).
                let middle = T::FstringMiddle;
                p.pos += 1;
                loop {
                    let k = p.kind()?;
                    if k == middle {
                        p.pos += 1;
                    } else if k == T::Lbrace {
                        let m = p.pos;
                        let f = p_noinv(p, |p| Ok(p.replacement_field_any(template)?))?;
                        if !f {
                            p.pos = m;
                            break;
                        }
                    } else {
                        break;
                    }
                }
                if !p.at(T::Rbrace)? {
                    return Err(p.raise_next(format!("{kind}: expecting '}}', or format specs"))?);
                }
            }
            if !p.at(T::Rbrace)? {
                return Err(p.raise_next(format!("{kind}: expecting '}}'"))?);
            }
            Ok(())
        })
    }
}

/// A sub-parse inside an invalid rule. As in CPython, the invalid rules stay active there; the
/// per-position memo of [`Parser::seen`] keeps this from re-running the same check.
fn p_noinv<'s, R>(p: &mut Parser<'s>, f: impl FnOnce(&mut Parser<'s>) -> PResult<R>) -> PResult<R> {
    f(p)
}

fn is_augassign(k: T) -> bool {
    matches!(
        k,
        T::Plusequal
            | T::Minequal
            | T::Starequal
            | T::Atequal
            | T::Slashequal
            | T::Percentequal
            | T::Amperequal
            | T::Vbarequal
            | T::Circumflexequal
            | T::Leftshiftequal
            | T::Rightshiftequal
            | T::Doublestarequal
            | T::Doubleslashequal
    )
}

fn strip_parens_target(e: &Expr) -> &Expr {
    e
}
