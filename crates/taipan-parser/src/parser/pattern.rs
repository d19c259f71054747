//! `match` statement patterns: `patterns` down to `closed_pattern` (literal, capture,
//! wildcard, value, group, sequence, mapping and class patterns).

use super::helpers::{bx, mk};
use super::{PResult, Parser};
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, Loc, Operator, Pattern, PatternKind, UnaryOp,
};
use crate::tokenizer::TokenKind as T;

fn pat(kind: PatternKind, loc: Loc) -> Pattern {
    Pattern { kind, loc }
}

impl<'s> Parser<'s> {
    /// `patterns: open_sequence_pattern | pattern`
    pub(crate) fn patterns(&mut self) -> PResult<Option<Pattern>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        if let Some(v) = self.open_sequence_pattern()? {
            let loc = self.extra(start);
            return Ok(Some(pat(PatternKind::MatchSequence { patterns: v }, loc)));
        }
        self.pos = mark;
        self.pattern()
    }

    pub(crate) fn pattern_pub(&mut self) -> PResult<Option<Pattern>> {
        self.pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    fn pattern(&mut self) -> PResult<Option<Pattern>> {
        self.enter(4)?;
        let r = stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || self.pattern_inner());
        self.leave(4);
        r
    }

    fn pattern_inner(&mut self) -> PResult<Option<Pattern>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        let Some(p) = self.or_pattern()? else { return Ok(None) };
        if self.at(T::KwAs)? {
            let m = self.pos;
            self.pos += 1;
            if let Some(name) = self.pattern_capture_target()? {
                let loc = self.extra(start);
                return Ok(Some(pat(
                    PatternKind::MatchAs { pattern: Some(Box::new(p)), name: Some(name) },
                    loc,
                )));
            }
            if self.call_invalid {
                self.pos = mark;
                self.invalid_as_pattern()?;
            }
            self.pos = m;
        }
        Ok(Some(p))
    }

    /// `or_pattern: '|'.closed_pattern+`
    pub(crate) fn or_pattern(&mut self) -> PResult<Option<Pattern>> {
        let start = self.start_loc();
        let Some(first) = self.closed_pattern()? else { return Ok(None) };
        if !self.at(T::Vbar)? {
            return Ok(Some(first));
        }
        let mut v = vec![first];
        while self.at(T::Vbar)? {
            let m = self.pos;
            self.pos += 1;
            match self.closed_pattern()? {
                Some(p) => v.push(p),
                None => {
                    self.pos = m;
                    break;
                }
            }
        }
        let loc = self.extra(start);
        Ok(Some(pat(PatternKind::MatchOr { patterns: v }, loc)))
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`
    fn pattern_capture_target(&mut self) -> PResult<Option<Box<str>>> {
        if !self.at(T::Name)? || self.at_soft("_")? {
            return Ok(None);
        }
        if matches!(self.kind_at(1)?, T::Dot | T::Lpar | T::Equal) {
            return Ok(None);
        }
        let t = self.cur();
        self.pos += 1;
        Ok(Some(self.ident(t)))
    }

    fn closed_pattern(&mut self) -> PResult<Option<Pattern>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        match self.kind()? {
            T::Number | T::Minus => {
                let Some(v) = self.number_literal()? else { return Ok(None) };
                let loc = self.extra(start);
                Ok(Some(pat(PatternKind::MatchValue { value: bx(v) }, loc)))
            }
            T::String | T::FstringStart | T::TstringStart => {
                let Some(v) = self.strings()? else { return Ok(None) };
                let loc = self.extra(start);
                Ok(Some(pat(PatternKind::MatchValue { value: bx(v) }, loc)))
            }
            T::KwNone | T::KwTrue | T::KwFalse => {
                let value = match self.kind()? {
                    T::KwNone => Constant::None,
                    T::KwTrue => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                self.pos += 1;
                Ok(Some(pat(PatternKind::MatchSingleton { value }, self.extra(start))))
            }
            T::Name => {
                if let Some(name) = self.pattern_capture_target()? {
                    let loc = self.extra(start);
                    return Ok(Some(pat(
                        PatternKind::MatchAs { pattern: None, name: Some(name) },
                        loc,
                    )));
                }
                if self.at_soft("_")? {
                    self.pos += 1;
                    return Ok(Some(pat(
                        PatternKind::MatchAs { pattern: None, name: None },
                        self.extra(start),
                    )));
                }
                let Some(cls) = self.name_or_attr()? else { return Ok(None) };
                let dotted = matches!(cls.kind, ExprKind::Attribute { .. });
                if dotted && !matches!(self.kind()?, T::Dot | T::Lpar | T::Equal) {
                    let loc = self.extra(start);
                    return Ok(Some(pat(PatternKind::MatchValue { value: bx(cls) }, loc)));
                }
                if self.at(T::Lpar)? {
                    if let Some(p) = self.class_pattern_rest(start, cls)? {
                        return Ok(Some(p));
                    }
                }
                self.pos = mark;
                Ok(None)
            }
            T::Lpar => {
                // group_pattern: '(' pattern ')'
                self.pos += 1;
                if let Some(p) = self.pattern()? {
                    if self.eat(T::Rpar)?.is_some() {
                        return Ok(Some(p));
                    }
                }
                // '(' open_sequence_pattern? ')'
                self.pos = mark + 1;
                let v = match self.open_sequence_pattern()? {
                    Some(v) => v,
                    None => {
                        self.pos = mark + 1;
                        vec![]
                    }
                };
                if self.eat(T::Rpar)?.is_none() {
                    self.pos = mark;
                    return Ok(None);
                }
                Ok(Some(pat(PatternKind::MatchSequence { patterns: v }, self.extra(start))))
            }
            T::Lsqb => {
                self.pos += 1;
                let v = self.maybe_sequence_pattern()?.unwrap_or_default();
                if self.eat(T::Rsqb)?.is_none() {
                    self.pos = mark;
                    return Ok(None);
                }
                Ok(Some(pat(PatternKind::MatchSequence { patterns: v }, self.extra(start))))
            }
            T::Lbrace => {
                let r = self.mapping_pattern(start)?;
                if r.is_none() {
                    self.pos = mark;
                    if self.call_invalid {
                        self.invalid_mapping_pattern()?;
                    }
                }
                Ok(r)
            }
            _ => Ok(None),
        }
    }

    /// `signed_number !('+' | '-') | complex_number`
    fn number_literal(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        let neg = self.eat(T::Minus)?.is_some();
        let Some(t) = self.eat(T::Number)? else {
            self.pos = mark;
            return Ok(None);
        };
        let mut real = self.number(t)?;
        let number_loc = real.loc;
        if neg {
            real =
                mk(ExprKind::UnaryOp { op: UnaryOp::USub, operand: bx(real) }, self.extra(start));
        }
        let op = match self.kind()? {
            T::Plus => Operator::Add,
            T::Minus => Operator::Sub,
            _ => return Ok(Some(real)),
        };
        // complex_number: signed_real_number ('+' | '-') imaginary_number
        if is_complex(&real) {
            return Err(self.raise_loc(number_loc, "real number required in complex literal"));
        }
        self.pos += 1;
        let Some(it) = self.eat(T::Number)? else {
            self.pos = mark;
            return Ok(None);
        };
        let imag = self.number(it)?;
        if !is_complex(&imag) {
            return Err(self.raise_loc(imag.loc, "imaginary number required in complex literal"));
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::BinOp { left: bx(real), op, right: bx(imag) }, loc)))
    }

    /// `name_or_attr: attr | NAME`
    fn name_or_attr(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let Some(mut e) = self.name_expr()? else { return Ok(None) };
        while self.at(T::Dot)? && self.kind_at(1)? == T::Name {
            let t = self.toks[self.pos + 1];
            self.pos += 2;
            let loc = self.extra(start);
            e = mk(
                ExprKind::Attribute { value: bx(e), attr: self.ident(t), ctx: ExprContext::Load },
                loc,
            );
        }
        Ok(Some(e))
    }

    /// `open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?`
    fn open_sequence_pattern(&mut self) -> PResult<Option<Vec<Pattern>>> {
        let mark = self.pos;
        let Some(first) = self.maybe_star_pattern()? else { return Ok(None) };
        if self.eat(T::Comma)?.is_none() {
            self.pos = mark;
            return Ok(None);
        }
        let mut v = vec![first];
        let m = self.pos;
        match self.maybe_sequence_pattern()? {
            Some(rest) => v.extend(rest),
            None => self.pos = m,
        }
        Ok(Some(v))
    }

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ ','?`
    fn maybe_sequence_pattern(&mut self) -> PResult<Option<Vec<Pattern>>> {
        let mut v = Vec::new();
        loop {
            let Some(p) = self.maybe_star_pattern()? else { break };
            v.push(p);
            if !self.at(T::Comma)? {
                break;
            }
            self.pos += 1;
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn maybe_star_pattern(&mut self) -> PResult<Option<Pattern>> {
        if self.at(T::Star)? {
            let start = self.start_loc();
            let mark = self.pos;
            self.pos += 1;
            if let Some(name) = self.pattern_capture_target()? {
                let loc = self.extra(start);
                return Ok(Some(pat(PatternKind::MatchStar { name: Some(name) }, loc)));
            }
            if self.at_soft("_")? {
                self.pos += 1;
                return Ok(Some(pat(PatternKind::MatchStar { name: None }, self.extra(start))));
            }
            self.pos = mark;
            return Ok(None);
        }
        self.pattern()
    }

    /// `mapping_pattern` (at `{`).
    fn mapping_pattern(&mut self, start: Loc) -> PResult<Option<Pattern>> {
        self.pos += 1;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.at(T::Doublestar)? {
                self.pos += 1;
                let Some(name) = self.pattern_capture_target()? else { return Ok(None) };
                rest = Some(name);
                self.eat(T::Comma)?;
                break;
            }
            let Some(key) = self.mapping_key()? else { break };
            if self.eat(T::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(p) = self.pattern()? else { return Ok(None) };
            keys.push(key);
            patterns.push(p);
            if self.eat(T::Comma)?.is_none() {
                break;
            }
        }
        if self.eat(T::Rbrace)?.is_none() {
            return Ok(None);
        }
        let loc = self.extra(start);
        Ok(Some(pat(PatternKind::MatchMapping { keys, patterns, rest }, loc)))
    }

    /// `literal_expr | attr`
    fn mapping_key(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let t = self.cur();
        match t.kind {
            T::Number | T::Minus => self.number_literal(),
            T::String | T::FstringStart | T::TstringStart => self.strings(),
            T::KwNone | T::KwTrue | T::KwFalse => {
                self.pos += 1;
                let v = match t.kind {
                    T::KwNone => Constant::None,
                    T::KwTrue => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(Some(self.constant(v, t.loc())))
            }
            T::Name => {
                let mark = self.pos;
                let Some(e) = self.name_or_attr()? else { return Ok(None) };
                if matches!(e.kind, ExprKind::Attribute { .. }) {
                    Ok(Some(e))
                } else {
                    self.pos = mark;
                    Ok(None)
                }
            }
            _ => Ok(None),
        }
    }

    /// The rest of `class_pattern` after `name_or_attr`, at `(`.
    fn class_pattern_rest(&mut self, start: Loc, cls: Expr) -> PResult<Option<Pattern>> {
        let mark = self.pos;
        self.pos += 1;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        loop {
            if self.at(T::Rpar)? {
                break;
            }
            if self.at(T::Name)? && self.kind_at(1)? == T::Equal {
                let t = self.cur();
                self.pos += 2;
                let Some(p) = self.pattern()? else { return self.class_fail(mark) };
                kwd_attrs.push(self.ident(t));
                kwd_patterns.push(p);
            } else {
                if !kwd_attrs.is_empty() {
                    return self.class_fail(mark);
                }
                let Some(p) = self.pattern()? else { return self.class_fail(mark) };
                patterns.push(p);
            }
            if self.eat(T::Comma)?.is_none() {
                break;
            }
        }
        if self.eat(T::Rpar)?.is_none() {
            return self.class_fail(mark);
        }
        let loc = self.extra(start);
        Ok(Some(pat(
            PatternKind::MatchClass { cls: bx(cls), patterns, kwd_attrs, kwd_patterns },
            loc,
        )))
    }

    fn class_fail(&mut self, mark: usize) -> PResult<Option<Pattern>> {
        self.pos = mark;
        if self.call_invalid {
            self.invalid_class_pattern()?;
        }
        Ok(None)
    }
}

fn is_complex(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant { value: Constant::Complex { .. }, .. } => true,
        ExprKind::UnaryOp { operand, .. } => is_complex(operand),
        _ => false,
    }
}
