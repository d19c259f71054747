//! Function parameters (`def` and `lambda`: `parameters`, `star_etc`, `kwds` and the
//! `param_*` rules) and call arguments (`arguments`, `args`, `kwargs`, the genexp-as-sole-argument
//! form).

use super::helpers::{bx, mk};
use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprContext, ExprKind, Keyword};
use crate::tokenizer::TokenKind as T;

/// One parsed parameter with its default.
struct Param {
    arg: Arg,
    default: Option<Expr>,
}

pub(crate) fn empty_arguments() -> Arguments {
    Arguments {
        posonlyargs: vec![],
        args: vec![],
        vararg: None,
        kwonlyargs: vec![],
        kw_defaults: vec![],
        kwarg: None,
        defaults: vec![],
    }
}

impl<'s> Parser<'s> {
    // ----- call arguments -----

    /// At `(`: `'(' [arguments] ')'` or a generator expression as the sole argument
    /// (`primary genexp`). Returns the call's positional and keyword arguments.
    pub(crate) fn call_trailer(&mut self) -> PResult<Option<(Vec<Expr>, Vec<Keyword>)>> {
        self.memo_rule(super::ARGUMENTS_RULE, |p| p.call_trailer_inner(true))
    }

    /// `'(' [arguments] ')'` without the generator-expression form (class bases).
    pub(crate) fn call_trailer_no_genexp(&mut self) -> PResult<Option<(Vec<Expr>, Vec<Keyword>)>> {
        self.call_trailer_inner(false)
    }

    fn call_trailer_inner(&mut self, genexp: bool) -> PResult<Option<(Vec<Expr>, Vec<Keyword>)>> {
        let open = self.cur();
        let mark = self.pos;
        self.pos += 1;
        if self.eat(T::Rpar)?.is_some() {
            return Ok(Some((vec![], vec![])));
        }
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        loop {
            self.fill()?;
            let start = self.start_loc();
            if self.call_invalid {
                self.invalid_kwarg()?;
            }
            match self.kind()? {
                T::Star => {
                    if seen_double_star {
                        if self.call_invalid {
                            let comma = self.toks[self.pos - 1];
                            // ','.(starred_expression !'=')+
                            while self.starred_expression()?.is_some() && !self.at(T::Equal)? {
                                if self.eat(T::Comma)?.is_none() {
                                    break;
                                }
                            }
                            return Err(self.raise_from(
                                comma.loc(),
                                "iterable argument unpacking follows keyword argument unpacking",
                            ));
                        }
                        return self.fail_args(mark);
                    }
                    let Some(e) = self.starred_expression()? else { return self.fail_args(mark) };
                    if self.call_invalid
                        && genexp
                        && args.is_empty()
                        && keywords.is_empty()
                        && self.at_for()?
                    {
                        return Err(self.raise_loc(
                            e.loc,
                            "iterable unpacking cannot be used in comprehension",
                        ));
                    }
                    if self.at(T::Equal)? {
                        return self.fail_args(mark);
                    }
                    args.push(e);
                }
                T::Doublestar => {
                    self.pos += 1;
                    let Some(e) = self.expression()? else { return self.fail_args(mark) };
                    let loc = self.extra(start);
                    keywords.push(Keyword { arg: None, value: e, loc });
                    seen_keyword = true;
                    seen_double_star = true;
                }
                T::Name if self.kind_at(1)? == T::Equal => {
                    let t = self.cur();
                    self.pos += 2;
                    let Some(e) = self.expression()? else { return self.fail_args(mark) };
                    let loc = self.extra(start);
                    keywords.push(Keyword { arg: Some(self.ident(t)), value: e, loc });
                    seen_keyword = true;
                }
                // After a keyword argument CPython's first pass only tries `NAME '='`, `*` and
                // `**` (its `kwargs`), so it fetches no token of a positional argument past its
                // first two; parsing it here would read further (even to the end of the input,
                // which `PyCF_ALLOW_INCOMPLETE_INPUT` would take for incomplete input).
                _ if seen_keyword && !self.call_invalid => return self.fail_args(mark),
                _ => {
                    let e = if self.kind()? == T::Name && self.kind_at(1)? == T::Colonequal {
                        self.assignment_expression()?
                    } else {
                        match self.expression()? {
                            Some(e) if !self.at(T::Colonequal)? => Some(e),
                            _ => None,
                        }
                    };
                    let Some(e) = e else { return self.fail_args(mark) };
                    if seen_keyword {
                        if self.call_invalid && !self.at(T::Equal)? && !self.at_for()? {
                            let msg = if seen_double_star {
                                "positional argument follows keyword argument unpacking"
                            } else {
                                "positional argument follows keyword argument"
                            };
                            return Err(self.raise_last(crate::SyntaxErrorKind::SyntaxError, msg));
                        }
                        return self.fail_args(mark);
                    }
                    if genexp && args.is_empty() && keywords.is_empty() && self.at_for()? {
                        // `primary genexp`
                        let Some(generators) = self.for_if_clauses()? else {
                            return self.fail_args(mark);
                        };
                        if self.eat(T::Rpar)?.is_none() {
                            return self.fail_args(mark);
                        }
                        let loc = self.extra(open.loc());
                        let g = mk(ExprKind::GeneratorExp { elt: bx(e), generators }, loc);
                        return Ok(Some((vec![g], vec![])));
                    }
                    if self.at(T::Equal)? {
                        return self.fail_args(mark);
                    }
                    args.push(e);
                }
            }
            if self.eat(T::Comma)?.is_none() {
                break;
            }
            if self.at(T::Rpar)? {
                break;
            }
        }
        if self.eat(T::Rpar)?.is_none() {
            return self.fail_args(mark);
        }
        Ok(Some((args, keywords)))
    }

    /// `invalid_kwarg`, at the start of one argument.
    fn invalid_kwarg(&mut self) -> PResult<()> {
        if self.seen(200) {
            return Ok(());
        }
        let mark = self.pos;
        let a = self.cur();
        match a.kind {
            T::KwTrue | T::KwFalse | T::KwNone if self.kind_at(1)? == T::Equal => {
                let b = self.toks[self.pos + 1];
                return Err(self.raise_range(
                    a.loc(),
                    b.loc(),
                    format!("cannot assign to {}", self.text(a)),
                ));
            }
            T::Name if self.kind_at(1)? == T::Equal => {
                let b = self.toks[self.pos + 1];
                self.pos += 2;
                if self.expression()?.is_some() && self.at_for()? {
                    return Err(self.raise_range(
                        a.loc(),
                        b.loc(),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
                self.pos = mark;
                return Ok(());
            }
            T::Doublestar => {
                self.pos += 1;
                if self.expression()?.is_some() && self.eat(T::Equal)?.is_some() {
                    if let Some(b) = self.expression()? {
                        return Err(self.raise_range(
                            a.loc(),
                            b.loc,
                            "cannot assign to keyword argument unpacking",
                        ));
                    }
                }
                self.pos = mark;
                return Ok(());
            }
            _ => {}
        }
        if let Some(e) = self.expression()? {
            if let Some(b) = self.eat(T::Equal)? {
                return Err(self.raise_range(
                    e.loc,
                    b.loc(),
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                ));
            }
        }
        self.pos = mark;
        Ok(())
    }

    fn fail_args(&mut self, mark: usize) -> PResult<Option<(Vec<Expr>, Vec<Keyword>)>> {
        self.pos = mark;
        if self.call_invalid {
            self.invalid_arguments()?;
        }
        self.pos = mark;
        Ok(None)
    }

    // ----- parameters -----

    /// `params` (for `def`, closed by `)`) or `lambda_params` (closed by `:`).
    pub(crate) fn parameters(&mut self, lambda: bool) -> PResult<Option<Arguments>> {
        let mark = self.pos;
        if self.call_invalid {
            self.invalid_parameters(lambda)?;
            self.pos = mark;
        }
        let r = self.parameters_inner(lambda)?;
        if r.is_none() {
            self.pos = mark;
        }
        Ok(r)
    }

    fn parameters_inner(&mut self, lambda: bool) -> PResult<Option<Arguments>> {
        let mut a = empty_arguments();
        let mut plain: Vec<Param> = Vec::new();
        let mut seen_default = false;
        let mut seen_slash = false;
        loop {
            match self.kind()? {
                T::Name => {
                    let Some(p) = self.param(lambda, false)? else { return Ok(None) };
                    if p.default.is_none() && seen_default {
                        return Ok(None);
                    }
                    seen_default |= p.default.is_some();
                    plain.push(p);
                }
                T::Slash => {
                    if seen_slash || plain.is_empty() {
                        return Ok(None);
                    }
                    self.pos += 1;
                    if self.eat(T::Comma)?.is_none() && !self.at(self.param_end(lambda))? {
                        return Ok(None);
                    }
                    seen_slash = true;
                    for p in plain.drain(..) {
                        if let Some(d) = p.default {
                            a.defaults.push(d);
                        }
                        a.posonlyargs.push(p.arg);
                    }
                }
                _ => break,
            }
        }
        for p in plain {
            if let Some(d) = p.default {
                a.defaults.push(d);
            }
            a.args.push(p.arg);
        }
        if seen_slash {
            self.check_version(8, "Positional-only parameters are")?;
        }
        match self.kind()? {
            T::Star => {
                self.pos += 1;
                if self.eat(T::Comma)?.is_some() {
                    // '*' ',' param_maybe_default+: a type comment here is an error.
                    if self.at(T::TypeComment)? {
                        return Ok(None);
                    }
                    if !self.at(T::Name)? {
                        return Ok(None);
                    }
                } else {
                    if !self.at(T::Name)? {
                        return Ok(None);
                    }
                    let Some(p) = self.param(lambda, true)? else { return Ok(None) };
                    if p.default.is_some() {
                        return Ok(None);
                    }
                    a.vararg = Some(p.arg);
                }
                while self.at(T::Name)? {
                    let Some(p) = self.param(lambda, false)? else { return Ok(None) };
                    a.kwonlyargs.push(p.arg);
                    a.kw_defaults.push(p.default);
                }
                if self.at(T::Doublestar)? {
                    let Some(k) = self.kwds(lambda)? else { return Ok(None) };
                    a.kwarg = Some(k);
                }
            }
            T::Doublestar => {
                let Some(k) = self.kwds(lambda)? else { return Ok(None) };
                a.kwarg = Some(k);
            }
            _ => {}
        }
        Ok(Some(a))
    }

    fn param_end(&self, lambda: bool) -> T {
        if lambda { T::Colon } else { T::Rpar }
    }

    /// `kwds: '**' param_no_default`
    fn kwds(&mut self, lambda: bool) -> PResult<Option<Arg>> {
        self.pos += 1;
        if !self.at(T::Name)? {
            return Ok(None);
        }
        let Some(p) = self.param(lambda, false)? else { return Ok(None) };
        if p.default.is_some() {
            return Ok(None);
        }
        Ok(Some(p.arg))
    }

    /// One parameter with its optional annotation and default, followed by `,` (and a type
    /// comment) or by the closing token (not consumed).
    fn param(&mut self, lambda: bool, star: bool) -> PResult<Option<Param>> {
        let t = self.cur();
        self.pos += 1;
        let mut annotation = None;
        if !lambda && self.eat(T::Colon)?.is_some() {
            let ann = if star && self.at(T::Star)? {
                self.star_expression()?
            } else {
                self.expression()?
            };
            let Some(ann) = ann else { return Ok(None) };
            annotation = Some(ann);
        }
        let loc = self.extra(t.loc());
        let mut default = None;
        if self.eat(T::Equal)?.is_some() {
            let Some(d) = self.expression()? else { return Ok(None) };
            default = Some(d);
        }
        let mut type_comment = None;
        if self.eat(T::Comma)?.is_some() {
            if !lambda {
                if let Some(tc) = self.eat(T::TypeComment)? {
                    type_comment = Some(self.text(tc).to_string());
                }
            }
        } else {
            if !lambda {
                if let Some(tc) = self.eat(T::TypeComment)? {
                    type_comment = Some(self.text(tc).to_string());
                }
            }
            if !self.at(self.param_end(lambda))? {
                return Ok(None);
            }
        }
        let arg = Arg { arg: self.ident(t), annotation, type_comment, loc };
        Ok(Some(Param { arg, default }))
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    pub(crate) fn lambdef(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        let args = if self.at(T::Colon)? {
            empty_arguments()
        } else {
            match self.parameters(true)? {
                Some(a) => a,
                None => empty_arguments(),
            }
        };
        if self.eat(T::Colon)?.is_none() {
            self.pos = mark;
            return Ok(None);
        }
        self.enter(2)?;
        let body = self.expression();
        self.leave(2);
        let Some(body) = body? else {
            self.pos = mark;
            return Ok(None);
        };
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Lambda { args: Box::new(args), body: bx(body) }, loc)))
    }

    /// `type_expressions` (the argument list of a function type comment).
    pub(crate) fn type_expressions(&mut self) -> PResult<Option<Vec<Expr>>> {
        let mut v = Vec::new();
        loop {
            match self.kind()? {
                T::Star | T::Doublestar => {
                    self.pos += 1;
                    let Some(e) = self.expression()? else { return Ok(None) };
                    v.push(e);
                }
                _ => {
                    let Some(e) = self.expression()? else {
                        return Ok(if v.is_empty() { None } else { Some(v) });
                    };
                    v.push(e);
                }
            }
            if !self.at(T::Comma)? || self.kind_at(1)? == T::Rpar {
                break;
            }
            self.pos += 1;
        }
        let _ = ExprContext::Load;
        Ok(Some(v))
    }
}
