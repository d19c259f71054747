//! Expression rules: `expressions` down to `atom`, displays and comprehensions, slices and
//! `yield`.

use super::helpers::{bx, mk};
use super::{PResult, Parser};
use crate::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Loc, Operator, UnaryOp,
};
use crate::tokenizer::TokenKind as T;

/// The depth charged for one level of bracket nesting (atoms, call arguments, subscripts):
/// about the CPython rule levels between `expression` and the bracket's contents.
pub(crate) const BRACKET_LEVELS: u32 = 25;

impl<'s> Parser<'s> {
    /// `expressions: expression (',' expression)* [',']` (a tuple when there is a comma).
    pub(crate) fn expressions(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let Some(first) = self.expression()? else { return Ok(None) };
        if !self.at(T::Comma)? {
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        while self.eat(T::Comma)?.is_some() {
            let mark = self.pos;
            match self.expression()? {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, loc)))
    }

    /// `expression: disjunction ['if' disjunction 'else' expression] | lambdef`
    pub(crate) fn expression(&mut self) -> PResult<Option<Expr>> {
        stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || self.expression_inner())
    }

    pub(crate) fn expression_inner(&mut self) -> PResult<Option<Expr>> {
        if self.call_invalid {
            self.invalid_expression()?;
        }
        let k = self.kind()?;
        if k == T::KwLambda {
            return self.lambdef();
        }
        let start = self.start_loc();
        let Some(a) = self.disjunction()? else { return Ok(None) };
        if !self.at(T::KwIf)? {
            return Ok(Some(a));
        }
        let mark = self.pos;
        self.pos += 1;
        if let Some(b) = self.disjunction()? {
            if self.eat(T::KwElse)?.is_some() {
                self.enter(1)?;
                let c = self.expression();
                self.leave(1);
                if let Some(c) = c? {
                    let loc = self.extra(start);
                    return Ok(Some(mk(
                        ExprKind::IfExp { test: bx(b), body: bx(a), orelse: bx(c) },
                        loc,
                    )));
                }
                if self.call_invalid {
                    // invalid_expression: a=disjunction 'if' b=disjunction 'else' !expression
                    // (checked here, after the one parse of the `else` part, rather than by a
                    // second parse of it in `invalid_expression`).
                    return Err(self
                        .raise_next("expected expression after 'else', but statement is given")?);
                }
            }
        }
        self.pos = mark;
        Ok(Some(a))
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        if self.eat(T::KwYield)?.is_none() {
            return Ok(None);
        }
        if self.eat(T::KwFrom)?.is_some() {
            if let Some(a) = self.expression()? {
                let loc = self.extra(start);
                return Ok(Some(mk(ExprKind::YieldFrom { value: bx(a) }, loc)));
            }
            self.pos = mark + 1;
        }
        let v = self.star_expressions()?;
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Yield { value: v.map(bx) }, loc)))
    }

    /// `star_expressions: star_expression (',' star_expression)* [',']`
    pub(crate) fn star_expressions(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let Some(first) = self.star_expression()? else { return Ok(None) };
        if !self.at(T::Comma)? {
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        while self.eat(T::Comma)?.is_some() {
            let mark = self.pos;
            match self.star_expression()? {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, loc)))
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> PResult<Option<Expr>> {
        if self.at(T::Star)? {
            let start = self.start_loc();
            let mark = self.pos;
            self.pos += 1;
            if let Some(a) = self.bitwise_or()? {
                let loc = self.extra(start);
                return Ok(Some(mk(
                    ExprKind::Starred { value: bx(a), ctx: ExprContext::Load },
                    loc,
                )));
            }
            self.pos = mark;
            return Ok(None);
        }
        self.expression()
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`
    pub(crate) fn star_named_expressions(&mut self) -> PResult<Option<Vec<Expr>>> {
        let Some(first) = self.star_named_expression()? else { return Ok(None) };
        let mut v = vec![first];
        self.more_star_named(&mut v)?;
        Ok(Some(v))
    }

    /// The rest of a comma-separated `star_named_expression` list, with the optional trailing
    /// comma.
    fn more_star_named(&mut self, v: &mut Vec<Expr>) -> PResult<()> {
        while self.at(T::Comma)? {
            let mark = self.pos;
            self.pos += 1;
            match self.star_named_expression()? {
                Some(e) => v.push(e),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        Ok(())
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> PResult<Option<Expr>> {
        if self.at(T::Star)? {
            let start = self.start_loc();
            let mark = self.pos;
            self.pos += 1;
            if let Some(a) = self.bitwise_or()? {
                let loc = self.extra(start);
                return Ok(Some(mk(
                    ExprKind::Starred { value: bx(a), ctx: ExprContext::Load },
                    loc,
                )));
            }
            self.pos = mark;
            return Ok(None);
        }
        self.named_expression()
    }

    /// `assignment_expression: NAME ':=' ~ expression`. `Err` when the cut was passed and the
    /// expression is missing (the rule then fails without alternatives: `Ok(None)` with
    /// `committed`).
    pub(crate) fn assignment_expression(&mut self) -> PResult<Option<Expr>> {
        if self.kind()? != T::Name || self.kind_at(1)? != T::Colonequal {
            return Ok(None);
        }
        let t = self.cur();
        let mark = self.pos;
        self.pos += 2;
        let Some(b) = self.expression()? else {
            self.pos = mark;
            return Ok(None);
        };
        self.check_version(8, "Assignment expressions are")?;
        let target = mk(ExprKind::Name { id: self.ident(t), ctx: ExprContext::Store }, t.loc());
        let loc = self.extra(t.loc());
        Ok(Some(mk(ExprKind::NamedExpr { target: bx(target), value: bx(b) }, loc)))
    }

    /// `named_expression: assignment_expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> PResult<Option<Expr>> {
        if self.kind()? == T::Name && self.kind_at(1)? == T::Colonequal {
            // After the cut in assignment_expression, a failure fails named_expression.
            let r = self.assignment_expression()?;
            if r.is_none() && self.call_invalid {
                self.invalid_named_expression()?;
            }
            return Ok(r);
        }
        if self.call_invalid {
            self.invalid_named_expression()?;
        }
        let mark = self.pos;
        let Some(e) = self.expression()? else { return Ok(None) };
        if self.at(T::Colonequal)? {
            self.pos = mark;
            return Ok(None);
        }
        Ok(Some(e))
    }

    /// `disjunction: conjunction ('or' conjunction)*`
    pub(crate) fn disjunction(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let Some(a) = self.conjunction()? else { return Ok(None) };
        if !self.at(T::KwOr)? {
            return Ok(Some(a));
        }
        let mut values = vec![a];
        while self.at(T::KwOr)? {
            let mark = self.pos;
            self.pos += 1;
            match self.conjunction()? {
                Some(c) => values.push(c),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::BoolOp { op: BoolOp::Or, values }, loc)))
    }

    /// `conjunction: inversion ('and' inversion)*`
    fn conjunction(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let Some(a) = self.inversion()? else { return Ok(None) };
        if !self.at(T::KwAnd)? {
            return Ok(Some(a));
        }
        let mut values = vec![a];
        while self.at(T::KwAnd)? {
            let mark = self.pos;
            self.pos += 1;
            match self.inversion()? {
                Some(c) => values.push(c),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::BoolOp { op: BoolOp::And, values }, loc)))
    }

    /// `inversion: 'not' inversion | comparison`
    pub(crate) fn inversion(&mut self) -> PResult<Option<Expr>> {
        if self.at(T::KwNot)? {
            let start = self.start_loc();
            let mark = self.pos;
            self.pos += 1;
            self.enter(1)?;
            let r = stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || self.inversion());
            self.leave(1);
            if let Some(a) = r? {
                let loc = self.extra(start);
                return Ok(Some(mk(ExprKind::UnaryOp { op: UnaryOp::Not, operand: bx(a) }, loc)));
            }
            self.pos = mark;
            return Ok(None);
        }
        self.comparison()
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair*`
    fn comparison(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let Some(a) = self.bitwise_or()? else { return Ok(None) };
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let mark = self.pos;
            let op = match self.kind()? {
                T::Eqequal => CmpOp::Eq,
                T::Notequal => CmpOp::NotEq,
                T::Lessequal => CmpOp::LtE,
                T::Less => CmpOp::Lt,
                T::Greaterequal => CmpOp::GtE,
                T::Greater => CmpOp::Gt,
                T::KwIn => CmpOp::In,
                T::KwNot => {
                    if self.kind_at(1)? != T::KwIn {
                        break;
                    }
                    self.pos += 1;
                    CmpOp::NotIn
                }
                T::KwIs => {
                    if self.kind_at(1)? == T::KwNot {
                        self.pos += 1;
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                _ => break,
            };
            if op == CmpOp::NotEq {
                // `_PyPegen_check_barry_as_flufl`
                let is_diamond = self.text(self.cur()) == "<>";
                if self.barry_as_flufl && !is_diamond {
                    return Err(self.raise_last(
                        crate::SyntaxErrorKind::SyntaxError,
                        "with Barry as BDFL, use '<>' instead of '!='",
                    ));
                }
                if !self.barry_as_flufl && is_diamond {
                    break;
                }
            }
            self.pos += 1;
            match self.bitwise_or()? {
                Some(b) => {
                    ops.push(op);
                    comparators.push(b);
                }
                None => {
                    // `is not` may still be `is` followed by `not x`.
                    if op == CmpOp::IsNot {
                        self.pos = mark + 1;
                        if let Some(b) = self.bitwise_or()? {
                            ops.push(CmpOp::Is);
                            comparators.push(b);
                            continue;
                        }
                    }
                    self.pos = mark;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Ok(Some(a));
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Compare { left: bx(a), ops, comparators }, loc)))
    }

    /// `bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor`
    pub(crate) fn bitwise_or(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.bitwise_xor()? else { return Ok(None) };
        while self.at(T::Vbar)? {
            let mark = self.pos;
            self.pos += 1;
            let Some(b) = self.bitwise_xor()? else {
                self.pos = mark;
                break;
            };
            let loc = self.extra(start);
            links += 1;
            self.enter(1)?;
            a = mk(ExprKind::BinOp { left: bx(a), op: Operator::BitOr, right: bx(b) }, loc);
        }
        self.leave(links);
        Ok(Some(a))
    }

    fn bitwise_xor(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.bitwise_and()? else { return Ok(None) };
        while self.at(T::Circumflex)? {
            let mark = self.pos;
            self.pos += 1;
            let Some(b) = self.bitwise_and()? else {
                self.pos = mark;
                break;
            };
            let loc = self.extra(start);
            links += 1;
            self.enter(1)?;
            a = mk(ExprKind::BinOp { left: bx(a), op: Operator::BitXor, right: bx(b) }, loc);
        }
        self.leave(links);
        Ok(Some(a))
    }

    fn bitwise_and(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.shift_expr()? else { return Ok(None) };
        while self.at(T::Amper)? {
            let mark = self.pos;
            self.pos += 1;
            let Some(b) = self.shift_expr()? else {
                self.pos = mark;
                break;
            };
            let loc = self.extra(start);
            links += 1;
            self.enter(1)?;
            a = mk(ExprKind::BinOp { left: bx(a), op: Operator::BitAnd, right: bx(b) }, loc);
        }
        self.leave(links);
        Ok(Some(a))
    }

    fn shift_expr(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.sum()? else { return Ok(None) };
        loop {
            let op = match self.kind()? {
                T::Leftshift => Operator::LShift,
                T::Rightshift => Operator::RShift,
                _ => break,
            };
            let mark = self.pos;
            self.pos += 1;
            let Some(b) = self.sum()? else {
                self.pos = mark;
                break;
            };
            let loc = self.extra(start);
            links += 1;
            self.enter(1)?;
            a = mk(ExprKind::BinOp { left: bx(a), op, right: bx(b) }, loc);
        }
        if self.call_invalid {
            self.invalid_arithmetic(&a)?;
        }
        self.leave(links);
        Ok(Some(a))
    }

    fn sum(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.term()? else { return Ok(None) };
        loop {
            let op = match self.kind()? {
                T::Plus => Operator::Add,
                T::Minus => Operator::Sub,
                _ => break,
            };
            let mark = self.pos;
            self.pos += 1;
            let Some(b) = self.term()? else {
                self.pos = mark;
                break;
            };
            let loc = self.extra(start);
            links += 1;
            self.enter(1)?;
            a = mk(ExprKind::BinOp { left: bx(a), op, right: bx(b) }, loc);
        }
        self.leave(links);
        Ok(Some(a))
    }

    fn term(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.factor()? else { return Ok(None) };
        loop {
            let op = match self.kind()? {
                T::Star => Operator::Mult,
                T::Slash => Operator::Div,
                T::Doubleslash => Operator::FloorDiv,
                T::Percent => Operator::Mod,
                T::At => Operator::MatMult,
                _ => break,
            };
            let mark = self.pos;
            self.pos += 1;
            let Some(b) = self.factor()? else {
                self.pos = mark;
                break;
            };
            if op == Operator::MatMult {
                self.check_version(5, "The '@' operator is")?;
            }
            let loc = self.extra(start);
            links += 1;
            self.enter(1)?;
            a = mk(ExprKind::BinOp { left: bx(a), op, right: bx(b) }, loc);
        }
        self.leave(links);
        Ok(Some(a))
    }

    /// `factor: '+' factor | '-' factor | '~' factor | power`
    pub(crate) fn factor(&mut self) -> PResult<Option<Expr>> {
        let op = match self.kind()? {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        if self.call_invalid {
            self.invalid_factor()?;
        }
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        self.enter(1)?;
        let r = stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || self.factor());
        self.leave(1);
        match r? {
            Some(a) => {
                let loc = self.extra(start);
                Ok(Some(mk(ExprKind::UnaryOp { op, operand: bx(a) }, loc)))
            }
            None => {
                self.pos = mark;
                Ok(None)
            }
        }
    }

    /// `power: await_primary '**' factor | await_primary`
    fn power(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let Some(a) = self.await_primary()? else { return Ok(None) };
        if !self.at(T::Doublestar)? {
            return Ok(Some(a));
        }
        let mark = self.pos;
        self.pos += 1;
        self.enter(2)?;
        let r = stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || self.factor());
        self.leave(2);
        match r? {
            Some(b) => {
                let loc = self.extra(start);
                Ok(Some(mk(ExprKind::BinOp { left: bx(a), op: Operator::Pow, right: bx(b) }, loc)))
            }
            None => {
                self.pos = mark;
                Ok(Some(a))
            }
        }
    }

    /// `await_primary: 'await' primary | primary`
    fn await_primary(&mut self) -> PResult<Option<Expr>> {
        if self.at(T::KwAwait)? {
            let start = self.start_loc();
            let mark = self.pos;
            self.pos += 1;
            if let Some(a) = self.primary()? {
                self.check_version(5, "Await expressions are")?;
                let loc = self.extra(start);
                return Ok(Some(mk(ExprKind::Await { value: bx(a) }, loc)));
            }
            self.pos = mark;
            return Ok(None);
        }
        self.primary()
    }

    /// `primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' |
    /// primary '[' slices ']' | atom`
    pub(crate) fn primary(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mut links = 0u32;
        let Some(mut a) = self.atom()? else { return Ok(None) };
        loop {
            match self.kind()? {
                T::Dot => {
                    if self.kind_at(1)? != T::Name {
                        break;
                    }
                    let t = self.toks[self.pos + 1];
                    self.pos += 2;
                    let loc = self.extra(start);
                    let attr = self.ident(t);
                    links += 1;
                    self.enter(1)?;
                    a = mk(ExprKind::Attribute { value: bx(a), attr, ctx: ExprContext::Load }, loc);
                }
                T::Lpar => {
                    let mark = self.pos;
                    self.enter(BRACKET_LEVELS)?;
                    let r = self.call_trailer();
                    self.leave(BRACKET_LEVELS);
                    match r? {
                        Some((args, keywords)) => {
                            let loc = self.extra(start);
                            links += 1;
                            self.enter(1)?;
                            a = mk(ExprKind::Call { func: bx(a), args, keywords }, loc);
                        }
                        None => {
                            self.pos = mark;
                            break;
                        }
                    }
                }
                T::Lsqb => {
                    let mark = self.pos;
                    self.pos += 1;
                    self.enter(BRACKET_LEVELS)?;
                    let s = self.memo_rule(super::SUBSCRIPT_RULE, |p| p.slices());
                    self.leave(BRACKET_LEVELS);
                    let Some(s) = s? else {
                        self.pos = mark;
                        break;
                    };
                    if self.eat(T::Rsqb)?.is_none() {
                        self.pos = mark;
                        break;
                    }
                    let loc = self.extra(start);
                    links += 1;
                    self.enter(1)?;
                    a = mk(
                        ExprKind::Subscript { value: bx(a), slice: bx(s), ctx: ExprContext::Load },
                        loc,
                    );
                }
                _ => break,
            }
        }
        self.leave(links);
        Ok(Some(a))
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    pub(crate) fn slices(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let Some(first) = self.slice_or_starred(true)? else { return Ok(None) };
        if !self.at(T::Comma)? {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                // A lone starred element is still a tuple.
                let loc = self.extra(start);
                return Ok(Some(mk(
                    ExprKind::Tuple { elts: vec![first], ctx: ExprContext::Load },
                    loc,
                )));
            }
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        while self.at(T::Comma)? {
            let mark = self.pos;
            self.pos += 1;
            match self.slice_or_starred(false)? {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, loc)))
    }

    fn slice_or_starred(&mut self, _first: bool) -> PResult<Option<Expr>> {
        if self.at(T::Star)? {
            return self.starred_expression();
        }
        self.slice()
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mark = self.pos;
        let lower = if self.at(T::Colon)? { None } else { self.expression()? };
        if self.eat(T::Colon)?.is_some() {
            let upper = if matches!(self.kind()?, T::Colon | T::Comma | T::Rsqb) {
                None
            } else {
                self.expression()?
            };
            let step = if self.eat(T::Colon)?.is_some() {
                if matches!(self.kind()?, T::Comma | T::Rsqb) { None } else { self.expression()? }
            } else {
                None
            };
            let loc = self.extra(start);
            return Ok(Some(mk(
                ExprKind::Slice { lower: lower.map(bx), upper: upper.map(bx), step: step.map(bx) },
                loc,
            )));
        }
        if let Some(l) = lower {
            if !self.at(T::Colonequal)? {
                return Ok(Some(l));
            }
        }
        self.pos = mark;
        self.named_expression()
    }

    /// `starred_expression: '*' expression`
    pub(crate) fn starred_expression(&mut self) -> PResult<Option<Expr>> {
        if self.call_invalid {
            self.invalid_starred_expression_unpacking()?;
        }
        if !self.at(T::Star)? {
            return Ok(None);
        }
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        if let Some(a) = self.expression()? {
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::Starred { value: bx(a), ctx: ExprContext::Load }, loc)));
        }
        self.pos = mark;
        if self.call_invalid {
            // invalid_starred_expression: '*'
            let t = self.toks[mark + 1];
            return Err(self.error_tok(
                crate::SyntaxErrorKind::SyntaxError,
                "Invalid star expression",
                t,
            ));
        }
        Ok(None)
    }

    /// `atom`
    pub(crate) fn atom(&mut self) -> PResult<Option<Expr>> {
        let t = {
            self.fill()?;
            self.cur()
        };
        let loc = t.loc();
        let e = match t.kind {
            T::Name => {
                self.pos += 1;
                mk(ExprKind::Name { id: self.ident(t), ctx: ExprContext::Load }, loc)
            }
            T::KwTrue => {
                self.pos += 1;
                self.constant(Constant::Bool(true), loc)
            }
            T::KwFalse => {
                self.pos += 1;
                self.constant(Constant::Bool(false), loc)
            }
            T::KwNone => {
                self.pos += 1;
                self.constant(Constant::None, loc)
            }
            T::String | T::FstringStart | T::TstringStart => return self.strings(),
            T::Number => {
                self.pos += 1;
                return self.number(t).map(Some);
            }
            T::Lpar | T::Lsqb | T::Lbrace => {
                self.enter(BRACKET_LEVELS)?;
                let r = match t.kind {
                    T::Lpar => self.paren_atom(),
                    T::Lsqb => self.list_atom(),
                    _ => self.brace_atom(),
                };
                self.leave(BRACKET_LEVELS);
                return r;
            }
            T::Ellipsis => {
                self.pos += 1;
                self.constant(Constant::Ellipsis, loc)
            }
            _ => return Ok(None),
        };
        Ok(Some(e))
    }

    /// Whether a comprehension clause starts here (`'for'` or `'async' 'for'`).
    pub(crate) fn at_for(&mut self) -> PResult<bool> {
        Ok(match self.kind()? {
            T::KwFor => true,
            T::KwAsync => self.kind_at(1)? == T::KwFor,
            _ => false,
        })
    }

    /// `genexp | tuple | group`
    fn paren_atom(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        if self.eat(T::Rpar)?.is_some() {
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::Tuple { elts: vec![], ctx: ExprContext::Load }, loc)));
        }
        if self.at(T::KwYield)? {
            if let Some(y) = self.yield_expr()? {
                if self.eat(T::Rpar)?.is_some() {
                    return Ok(Some(y));
                }
            }
            self.pos = mark;
            return self.paren_atom_invalid();
        }
        let Some(first) = self.star_named_expression()? else {
            self.pos = mark;
            return self.paren_atom_invalid();
        };
        let starred = matches!(first.kind, ExprKind::Starred { .. });
        if !starred && self.at_for()? {
            let Some(generators) = self.for_if_clauses()? else {
                self.pos = mark;
                return self.paren_atom_invalid();
            };
            if self.eat(T::Rpar)?.is_none() {
                self.pos = mark;
                return self.paren_atom_invalid();
            }
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::GeneratorExp { elt: bx(first), generators }, loc)));
        }
        if self.at(T::Comma)? {
            let mut elts = vec![first];
            self.more_star_named(&mut elts)?;
            if self.eat(T::Rpar)?.is_none() {
                self.pos = mark;
                return self.paren_atom_invalid();
            }
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, loc)));
        }
        if !starred && self.eat(T::Rpar)?.is_some() {
            return Ok(Some(first));
        }
        self.pos = mark;
        self.paren_atom_invalid()
    }

    fn paren_atom_invalid(&mut self) -> PResult<Option<Expr>> {
        if self.call_invalid {
            self.invalid_paren_atom()?;
        }
        Ok(None)
    }

    /// `listcomp | list`
    fn list_atom(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        if self.eat(T::Rsqb)?.is_some() {
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::List { elts: vec![], ctx: ExprContext::Load }, loc)));
        }
        let Some(first) = self.star_named_expression()? else {
            self.pos = mark;
            return self.bracket_invalid();
        };
        let starred = matches!(first.kind, ExprKind::Starred { .. });
        if !starred && self.at_for()? {
            if let Some(generators) = self.for_if_clauses()? {
                if self.eat(T::Rsqb)?.is_some() {
                    let loc = self.extra(start);
                    return Ok(Some(mk(ExprKind::ListComp { elt: bx(first), generators }, loc)));
                }
            }
            self.pos = mark;
            return self.bracket_invalid();
        }
        let mut elts = vec![first];
        self.more_star_named(&mut elts)?;
        if self.eat(T::Rsqb)?.is_none() {
            self.pos = mark;
            return self.bracket_invalid();
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::List { elts, ctx: ExprContext::Load }, loc)))
    }

    fn bracket_invalid(&mut self) -> PResult<Option<Expr>> {
        if self.call_invalid {
            self.invalid_comprehension()?;
        }
        Ok(None)
    }

    /// `dictcomp | setcomp | dict | set`
    fn brace_atom(&mut self) -> PResult<Option<Expr>> {
        let start = self.start_loc();
        let mark = self.pos;
        self.pos += 1;
        if self.eat(T::Rbrace)?.is_some() {
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::Dict { keys: vec![], values: vec![] }, loc)));
        }
        let r = if self.at(T::Doublestar)? {
            self.dict_rest(start, None)?
        } else {
            let first_tok = self.kind()?;
            match self.star_named_expression()? {
                None => None,
                Some(first) => {
                    let plain = match &first.kind {
                        ExprKind::Starred { .. } => false,
                        ExprKind::NamedExpr { .. } => first_tok != T::Name,
                        _ => true,
                    };
                    if plain && self.at(T::Colon)? {
                        self.dict_rest(start, Some(first))?
                    } else if !matches!(first.kind, ExprKind::Starred { .. }) && self.at_for()? {
                        match self.for_if_clauses()? {
                            Some(generators) if self.eat(T::Rbrace)?.is_some() => {
                                let loc = self.extra(start);
                                Some(mk(ExprKind::SetComp { elt: bx(first), generators }, loc))
                            }
                            _ => None,
                        }
                    } else {
                        let mut elts = vec![first];
                        self.more_star_named(&mut elts)?;
                        if self.eat(T::Rbrace)?.is_some() {
                            let loc = self.extra(start);
                            Some(mk(ExprKind::Set { elts }, loc))
                        } else {
                            None
                        }
                    }
                }
            }
        };
        if r.is_none() {
            self.pos = mark;
            if self.call_invalid {
                self.invalid_brace_atom()?;
            }
        }
        Ok(r)
    }

    /// The rest of a dict display or dict comprehension after `{` (and the first key, if it was
    /// parsed as an expression already).
    fn dict_rest(&mut self, start: Loc, first_key: Option<Expr>) -> PResult<Option<Expr>> {
        let mut keys: Vec<Option<Expr>> = Vec::new();
        let mut values = Vec::new();
        match first_key {
            Some(k) => {
                self.pos += 1; // ':'
                let Some(v) = self.expression()? else { return Ok(None) };
                if self.at_for()? {
                    let Some(generators) = self.for_if_clauses()? else { return Ok(None) };
                    if self.eat(T::Rbrace)?.is_none() {
                        return Ok(None);
                    }
                    let loc = self.extra(start);
                    return Ok(Some(mk(
                        ExprKind::DictComp { key: bx(k), value: bx(v), generators },
                        loc,
                    )));
                }
                keys.push(Some(k));
                values.push(v);
            }
            None => {
                let Some((k, v)) = self.double_starred_kvpair(false)? else { return Ok(None) };
                keys.push(k);
                values.push(v);
            }
        }
        while self.at(T::Comma)? {
            let mark = self.pos;
            self.pos += 1;
            match self.double_starred_kvpair(true)? {
                Some((k, v)) => {
                    keys.push(k);
                    values.push(v);
                }
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        if self.eat(T::Rbrace)?.is_none() {
            return Ok(None);
        }
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Dict { keys, values }, loc)))
    }

    pub(crate) fn double_starred_kvpair_pub(
        &mut self,
        later: bool,
    ) -> PResult<Option<(Option<Expr>, Expr)>> {
        self.double_starred_kvpair(later)
    }

    /// `double_starred_kvpair: '**' bitwise_or | expression ':' expression`
    fn double_starred_kvpair(&mut self, later: bool) -> PResult<Option<(Option<Expr>, Expr)>> {
        let mark = self.pos;
        if self.eat(T::Doublestar)?.is_some() {
            if let Some(v) = self.bitwise_or()? {
                return Ok(Some((None, v)));
            }
            self.pos = mark;
            return Ok(None);
        }
        let k = if later && self.call_invalid {
            // CPython does not run the invalid rules at the top of the key of a later pair
            // (it reports "':' expected after dictionary key" for `{x: y, b c}`); parse it
            // without them, and remember that for `invalid_kvpair`.
            self.dict_key_noinv.insert(self.pos);
            self.call_invalid = false;
            let k = self.expression();
            self.call_invalid = true;
            k?
        } else {
            self.expression()?
        };
        let Some(k) = k else { return Ok(None) };
        if self.eat(T::Colon)?.is_none() {
            self.pos = mark;
            return Ok(None);
        }
        let Some(v) = self.expression()? else {
            self.pos = mark;
            return Ok(None);
        };
        Ok(Some((Some(k), v)))
    }

    /// `for_if_clauses: for_if_clause+`
    pub(crate) fn for_if_clauses(&mut self) -> PResult<Option<Vec<Comprehension>>> {
        let mut v = Vec::new();
        while self.at_for()? {
            let mark = self.pos;
            match self.for_if_clause()? {
                Some(c) => v.push(c),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// `for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*`
    fn for_if_clause(&mut self) -> PResult<Option<Comprehension>> {
        let mark = self.pos;
        let is_async = self.eat(T::KwAsync)?.is_some();
        if self.eat(T::KwFor)?.is_none() {
            self.pos = mark;
            return Ok(None);
        }
        let Some(target) = self.star_targets()? else {
            self.pos = mark;
            if self.call_invalid {
                self.invalid_for_if_clause()?;
                self.invalid_for_target()?;
            }
            return Ok(None);
        };
        if self.eat(T::KwIn)?.is_none() {
            self.pos = mark;
            if self.call_invalid {
                self.invalid_for_if_clause()?;
                self.invalid_for_target()?;
            }
            return Ok(None);
        }
        let Some(iter) = self.disjunction()? else {
            // The cut: no alternative is tried.
            self.pos = mark;
            return Ok(None);
        };
        let mut ifs = Vec::new();
        while self.at(T::KwIf)? {
            let m = self.pos;
            self.pos += 1;
            match self.disjunction()? {
                Some(c) => ifs.push(c),
                None => {
                    self.pos = m;
                    break;
                }
            }
        }
        if is_async {
            self.check_version(6, "Async comprehensions are")?;
        }
        Ok(Some(Comprehension { target, iter, ifs, is_async: is_async as i32 }))
    }
}
