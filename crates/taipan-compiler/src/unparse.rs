//! Expression → source text for stringified annotations (`from __future__ import
//! annotations`), after CPython's `Python/ast_unparse.c`: operator precedence decides the
//! parentheses, constants use their `repr`.

use taipan_parser::ast::*;

/// The text CPython stores for an annotation under `from __future__ import annotations`.
pub fn unparse_annotation(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(out: &mut String, items: &[Expr]) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, PR_TEST);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
        expr_inner(out, e, level)
    })
}

fn expr_inner(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::Ellipsis => out.push_str("..."),
            Constant::Float(f) if f.is_infinite() => out.push_str("1e309"),
            v => out.push_str(&v.repr()),
        },
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Attribute { value, attr, .. } => {
            let is_int = matches!(&value.kind, ExprKind::Constant { value: Constant::Int(_), .. });
            expr(out, value, PR_ATOM);
            if is_int {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    seq(out, elts);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, PR_TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_BOR);
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            let paren = level > PR_TUPLE;
            if paren {
                out.push('(');
            }
            seq(out, elts);
            if elts.len() == 1 {
                out.push(',');
            }
            if paren {
                out.push(')');
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts);
            out.push(']');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            seq(out, elts);
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = binop(*op);
            let paren = level > pr;
            if paren {
                out.push('(');
            }
            let (l, r) = if *op == Operator::Pow { (pr + 1, pr) } else { (pr, pr + 1) };
            expr(out, left, l);
            out.push_str(s);
            expr(out, right, r);
            if paren {
                out.push(')');
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            let paren = level > pr;
            if paren {
                out.push('(');
            }
            out.push_str(s);
            expr(out, operand, pr);
            if paren {
                out.push(')');
            }
        }
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = if *op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            let paren = level > pr;
            if paren {
                out.push('(');
            }
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                expr(out, v, pr + 1);
            }
            if paren {
                out.push(')');
            }
        }
        ExprKind::Compare { left, ops, comparators } => {
            let paren = level > PR_CMP;
            if paren {
                out.push('(');
            }
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, c, PR_CMP + 1);
            }
            if paren {
                out.push(')');
            }
        }
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, PR_ATOM);
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        ExprKind::IfExp { test, body, orelse } => {
            let paren = level > PR_TEST;
            if paren {
                out.push('(');
            }
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            if paren {
                out.push(')');
            }
        }
        ExprKind::Await { value } => {
            let paren = level > PR_AWAIT;
            if paren {
                out.push('(');
            }
            out.push_str("await ");
            expr(out, value, PR_ATOM);
            if paren {
                out.push(')');
            }
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
        _ => out.push_str("..."),
    }
}
