//! Assignment, `for`, `with ... as` and `del` targets: parsing target lists and converting an
//! already parsed expression into a target (CPython's `star_targets`, `single_target`,
//! `del_targets` accept exactly the expressions [`to_target`] accepts, with the same trees).

use super::helpers::{bx, mk, set_ctx};
use super::{PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::tokenizer::TokenKind as T;

/// Whether `e` can be a `star_targets` target (Store) or, with `del`, a `del_targets` one.
pub(crate) fn is_target(e: &Expr, del: bool) -> bool {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::Starred { value, .. } => {
            !del && !matches!(value.kind, ExprKind::Starred { .. }) && is_target(value, del)
        }
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().all(|x| is_target(x, del))
        }
        _ => false,
    }
}

/// Which target list an invalid-target message is for (`TARGETS_TYPE`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// The first sub-expression that cannot be a target (`_PyPegen_get_invalid_target`).
pub(crate) fn invalid_target(e: &Expr, ty: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } => {
            if ty == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, ty)
            }
        }
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, ty))
        }
        ExprKind::Compare { left, ops, .. } => {
            if ty == TargetsType::For {
                if ops[0] == crate::ast::CmpOp::In { invalid_target(left, ty) } else { None }
            } else {
                Some(e)
            }
        }
        _ => Some(e),
    }
}

/// Converts a checked target expression, setting its context.
pub(crate) fn into_target(mut e: Expr, ctx: ExprContext) -> Expr {
    set_ctx(&mut e, ctx);
    e
}

impl<'s> Parser<'s> {
    /// `star_targets` as used by `for` and comprehensions: `star_target (',' star_target)*
    /// [',']`, a Store tuple when there is a comma.
    pub(crate) fn star_targets(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        let Some(first) = self.star_target()? else { return Ok(None) };
        if !self.at(T::Comma)? {
            return Ok(Some(first));
        }
        let mut elts = vec![first];
        while self.at(T::Comma)? {
            let m = self.pos;
            self.pos += 1;
            match self.star_target()? {
                Some(e) => elts.push(e),
                None => {
                    self.pos = m + 1;
                    break;
                }
            }
        }
        let _ = mark;
        let loc = self.extra(start);
        Ok(Some(mk(ExprKind::Tuple { elts, ctx: ExprContext::Store }, loc)))
    }

    /// `star_target: '*' (!'*' star_target) | target_with_star_atom`
    pub(crate) fn star_target(&mut self) -> PResult<Option<Expr>> {
        let mark = self.pos;
        if self.at(T::Star)? {
            let start = self.start_loc();
            self.pos += 1;
            if self.at(T::Star)? {
                self.pos = mark;
                return Ok(None);
            }
            let Some(a) = self.star_target()? else {
                self.pos = mark;
                return Ok(None);
            };
            let loc = self.extra(start);
            return Ok(Some(mk(ExprKind::Starred { value: bx(a), ctx: ExprContext::Store }, loc)));
        }
        // CPython's target rules stop where a primary ends (no binary operators).
        let Some(e) = self.primary()? else { return Ok(None) };
        if !is_target(&e, false) || matches!(e.kind, ExprKind::Starred { .. }) {
            self.pos = mark;
            return Ok(None);
        }
        Ok(Some(into_target(e, ExprContext::Store)))
    }

    /// `del_targets: ','.del_target+ [',']`
    pub(crate) fn del_targets(&mut self) -> PResult<Option<Vec<Expr>>> {
        let mut v = Vec::new();
        loop {
            let mark = self.pos;
            let Some(e) = self.primary()? else {
                self.pos = mark;
                break;
            };
            if !is_target(&e, true) {
                self.pos = mark;
                break;
            }
            v.push(into_target(e, ExprContext::Del));
            if self.eat(T::Comma)?.is_none() {
                break;
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }
}
