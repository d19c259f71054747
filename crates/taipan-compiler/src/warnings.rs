//! `SyntaxWarning`s the compiler emits (CPython's `_PyCompile_Warn` and the pre-pass's PEP 765
//! check): `is` with a literal, calling or subscripting a literal, indexing a sequence literal
//! with a non-integer literal, asserting a non-empty tuple, and `return`/`break`/`continue`
//! leaving a `finally` block, in the order CPython reports them (the `finally` check first, then
//! code generation order).

use taipan_parser::ast::{Constant, Expr, ExprKind, Loc, Mod, Stmt, StmtKind};

/// One warning, located as CPython's compiler locates it (1-based byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub msg: String,
    pub lineno: i32,
    pub offset: i32,
    pub end_lineno: i32,
    pub end_offset: i32,
}

impl CompileWarning {
    pub fn new(msg: impl Into<String>, loc: &Loc) -> CompileWarning {
        CompileWarning {
            msg: msg.into(),
            lineno: loc.lineno as i32,
            offset: loc.col_offset as i32 + 1,
            end_lineno: loc.end_lineno as i32,
            end_offset: loc.end_col_offset as i32 + 1,
        }
    }
}

/// The type name CPython's `infer_type` gives an expression, if it knows one.
pub fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::TemplateStr { .. } | ExprKind::Interpolation { .. } => {
            "string.templatelib.Template"
        }
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Ellipsis => "ellipsis",
            Constant::Tuple(_) => "tuple",
        },
        _ => return None,
    })
}

/// PEP 765: `return`, `break` and `continue` that would leave a `finally` block.
pub fn finally_warnings(tree: &Mod, out: &mut Vec<CompileWarning>) {
    if let Mod::Module { body, .. } | Mod::Interactive { body } = tree {
        stmts(body, Ctx::default(), out);
    }
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    in_finally: bool,
    in_funcdef: bool,
    in_loop: bool,
}

fn stmts(body: &[Stmt], ctx: Ctx, out: &mut Vec<CompileWarning>) {
    for s in body {
        stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
            stmt(s, ctx, out)
        });
    }
}

fn stmt(s: &Stmt, ctx: Ctx, out: &mut Vec<CompileWarning>) {
    let warn = |kw: &str, out: &mut Vec<CompileWarning>| {
        out.push(CompileWarning::new(format!("'{kw}' in a 'finally' block"), &s.loc));
    };
    match &s.kind {
        StmtKind::Return { .. } if ctx.in_finally && !ctx.in_funcdef => warn("return", out),
        StmtKind::Break if ctx.in_finally && !ctx.in_loop => warn("break", out),
        StmtKind::Continue if ctx.in_finally && !ctx.in_loop => warn("continue", out),
        StmtKind::FunctionDef { body, .. } | StmtKind::AsyncFunctionDef { body, .. } => {
            stmts(body, Ctx { in_finally: false, in_funcdef: true, in_loop: false }, out)
        }
        StmtKind::ClassDef { body, .. } => {
            stmts(body, Ctx { in_finally: false, in_funcdef: false, in_loop: false }, out)
        }
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. } => {
            stmts(body, Ctx { in_loop: true, ..ctx }, out);
            stmts(orelse, ctx, out);
        }
        StmtKind::If { body, orelse, .. } => {
            stmts(body, ctx, out);
            stmts(orelse, ctx, out);
        }
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => stmts(body, ctx, out),
        StmtKind::Match { cases, .. } => {
            for c in cases {
                stmts(&c.body, ctx, out);
            }
        }
        StmtKind::Try { body, handlers, orelse, finalbody }
        | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            stmts(body, ctx, out);
            for h in handlers {
                stmts(&h.body, ctx, out);
            }
            stmts(orelse, ctx, out);
            stmts(finalbody, Ctx { in_finally: true, in_funcdef: false, in_loop: false }, out);
        }
        _ => {}
    }
}
