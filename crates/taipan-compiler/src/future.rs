//! `from __future__ import ...` at the top of a module: which features are on, where the last
//! such import stands, and the errors for unknown features (CPython's `Python/future.c`).

use crate::error::{CompileError, CompileResult};
use taipan_parser::ast::{Constant, ExprKind, Loc, Mod, Stmt, StmtKind};

/// Features a module enables, and where its leading run of future imports ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `from __future__ import annotations`: annotations are kept as strings.
    pub annotations: bool,
    /// `from __future__ import barry_as_FLUFL`.
    pub barry_as_flufl: bool,
    /// The location of the last future import of the leading run; `None` if there is none
    /// (CPython's `ff_location` of -1s).
    pub location: Option<Loc>,
    /// `compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)`: `await`, `async for`, `async with` and
    /// asynchronous comprehensions allowed at module level (the module becomes a coroutine).
    pub allow_top_level_await: bool,
}

/// Feature names Python accepts that change nothing any more.
const ACCEPTED: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
];

/// Whether `body` starts with a docstring (an expression statement holding a str constant).
pub fn has_docstring(body: &[Stmt]) -> bool {
    matches!(body.first(), Some(Stmt { kind: StmtKind::Expr { value }, .. })
        if matches!(&value.kind, ExprKind::Constant { value: Constant::Str(_), .. }))
}

/// Scans a module's leading future imports.
pub fn future_features(module: &Mod) -> CompileResult<FutureFeatures> {
    let mut ff = FutureFeatures::default();
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(ff),
    };
    let start = usize::from(has_docstring(body));
    for stmt in &body[start.min(body.len())..] {
        let StmtKind::ImportFrom { module: Some(name), names, level } = &stmt.kind else {
            break;
        };
        if &**name != "__future__" || *level != 0 {
            break;
        }
        for alias in names {
            match &*alias.name {
                "annotations" => ff.annotations = true,
                "barry_as_FLUFL" => ff.barry_as_flufl = true,
                "braces" => return Err(CompileError::syntax("not a chance", alias.loc)),
                n if ACCEPTED.contains(&n) => {}
                n => {
                    return Err(CompileError::syntax(
                        format!("future feature {n} is not defined"),
                        alias.loc,
                    ));
                }
            }
        }
        ff.location = Some(stmt.loc);
    }
    Ok(ff)
}
