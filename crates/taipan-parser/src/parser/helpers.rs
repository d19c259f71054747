//! Action helpers shared by the grammar rules (CPython's `Parser/action_helpers.c` and
//! `Parser/pegen.c` counterparts): node constructors, identifiers (NFKC), expression names used
//! in error messages.

use super::{PResult, Parser};
use crate::ast::{self, Constant, Expr, ExprContext, ExprKind, Loc};
use crate::tokenizer::{Token, TokenKind};

#[inline]
pub(crate) fn mk(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

#[inline]
pub(crate) fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'s> Parser<'s> {
    /// The identifier a NAME token stands for (NFKC-normalised when not ASCII).
    pub(crate) fn ident(&self, t: Token) -> ast::Identifier {
        let s = self.text(t);
        if s.is_ascii() { s.into() } else { taipan_common::unicodedata::nfkc(s).into_boxed_str() }
    }

    /// `NAME`: consumes a NAME token.
    #[inline]
    pub(crate) fn name_tok(&mut self) -> PResult<Option<Token>> {
        self.eat(TokenKind::Name)
    }

    /// `NAME` as a `Name` expression with context `Load`.
    pub(crate) fn name_expr(&mut self) -> PResult<Option<Expr>> {
        let Some(t) = self.eat(TokenKind::Name)? else { return Ok(None) };
        Ok(Some(mk(ExprKind::Name { id: self.ident(t), ctx: ExprContext::Load }, t.loc())))
    }

    pub(crate) fn constant(&self, value: Constant, loc: Loc) -> Expr {
        mk(ExprKind::Constant { value, kind: None }, loc)
    }
}

/// The description of an expression CPython uses in messages (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::TemplateStr { .. } | ExprKind::Interpolation { .. } => "t-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Sets the context of a target expression (`_PyPegen_set_expr_context`), recursing into
/// tuples, lists and starred expressions.
pub(crate) fn set_ctx(e: &mut Expr, c: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = c,
        ExprKind::Starred { value, ctx } => {
            *ctx = c;
            set_ctx(value, c);
        }
        ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
            *ctx = c;
            for x in elts {
                set_ctx(x, c);
            }
        }
        _ => {}
    }
}
