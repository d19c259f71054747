//! The checks `compile()` runs on a tree built from `ast` node objects before compiling it
//! (CPython's `Python/ast.c` validator): expression contexts, non-empty bodies and lists, list
//! lengths that must agree, names that cannot be bound, constants. A tree the parser made always
//! passes; a hand-built one that fails raises CPython's `ValueError`/`TypeError`, so the
//! compiler and symbol table only ever see well-formed trees.

use taipan_parser::ast::*;

use crate::error::{PyErr, PyResult};

fn verr(msg: impl AsRef<str>) -> PyErr {
    PyErr::value_error(msg)
}

fn terr(msg: impl AsRef<str>) -> PyErr {
    PyErr::type_error(msg)
}

fn ctx_name(c: ExprContext) -> &'static str {
    c.name()
}

/// Checks a whole tree.
pub fn validate_mod(m: &Mod) -> PyResult<()> {
    let mut v = Validator { depth: 0 };
    match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => v.stmts(body),
        Mod::Expression { body } => v.expr(body, ExprContext::Load),
        Mod::FunctionType { argtypes, returns } => {
            v.exprs(argtypes, ExprContext::Load)?;
            v.expr(returns, ExprContext::Load)
        }
    }
}

struct Validator {
    depth: u32,
}

/// Nesting beyond this is refused, as CPython's validator refuses to recurse past its limit.
const MAX_DEPTH: u32 = 3000;

impl Validator {
    fn enter(&mut self) -> PyResult<crate::ops::RecursionGuard> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded during compilation",
            ));
        }
        crate::ops::RecursionGuard::enter(" during compilation")
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn nonempty<T>(&self, seq: &[T], what: &str, owner: &str) -> PyResult<()> {
        if seq.is_empty() {
            return Err(verr(format!("empty {what} on {owner}")));
        }
        Ok(())
    }

    fn body(&mut self, body: &[Stmt], owner: &str) -> PyResult<()> {
        self.nonempty(body, "body", owner)?;
        self.stmts(body)
    }

    fn stmts(&mut self, body: &[Stmt]) -> PyResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr], ctx: ExprContext) -> PyResult<()> {
        for e in es {
            self.expr(e, ctx)?;
        }
        Ok(())
    }

    fn opt_expr(&mut self, e: Option<&Expr>, ctx: ExprContext) -> PyResult<()> {
        match e {
            Some(e) => self.expr(e, ctx),
            None => Ok(()),
        }
    }

    fn name(&self, id: &str) -> PyResult<()> {
        if matches!(id, "None" | "True" | "False") {
            return Err(verr(format!("identifier field can't represent '{id}' constant")));
        }
        Ok(())
    }

    fn arg(&mut self, a: &Arg) -> PyResult<()> {
        self.opt_expr(a.annotation.as_ref(), ExprContext::Load)
    }

    fn arguments(&mut self, a: &Arguments) -> PyResult<()> {
        for x in a.posonlyargs.iter().chain(&a.args) {
            self.arg(x)?;
        }
        if let Some(x) = &a.vararg {
            self.arg(x)?;
        }
        for x in &a.kwonlyargs {
            self.arg(x)?;
        }
        if let Some(x) = &a.kwarg {
            self.arg(x)?;
        }
        if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
            return Err(verr("more positional defaults than args on arguments"));
        }
        if a.kw_defaults.len() != a.kwonlyargs.len() {
            return Err(verr("length of kwonlyargs is not the same as kw_defaults on arguments"));
        }
        self.exprs(&a.defaults, ExprContext::Load)?;
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d, ExprContext::Load)?;
        }
        Ok(())
    }

    fn keywords(&mut self, ks: &[Keyword]) -> PyResult<()> {
        for k in ks {
            self.expr(&k.value, ExprContext::Load)?;
        }
        Ok(())
    }

    fn type_params(&mut self, tps: &[TypeParam]) -> PyResult<()> {
        for tp in tps {
            match &tp.kind {
                TypeParamKind::TypeVar { name, bound, default_value } => {
                    self.name(name)?;
                    self.opt_expr(bound.as_deref(), ExprContext::Load)?;
                    self.opt_expr(default_value.as_deref(), ExprContext::Load)?;
                }
                TypeParamKind::ParamSpec { name, default_value }
                | TypeParamKind::TypeVarTuple { name, default_value } => {
                    self.name(name)?;
                    self.opt_expr(default_value.as_deref(), ExprContext::Load)?;
                }
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, gens: &[Comprehension]) -> PyResult<()> {
        if gens.is_empty() {
            return Err(verr("comprehension with no generators"));
        }
        for g in gens {
            self.expr(&g.target, ExprContext::Store)?;
            self.expr(&g.iter, ExprContext::Load)?;
            self.exprs(&g.ifs, ExprContext::Load)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<()> {
        let _g = self.enter()?;
        let r = self.stmt_inner(s);
        self.leave();
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> PyResult<()> {
        use ExprContext::*;
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                ..
            } => {
                let owner = if matches!(s.kind, StmtKind::FunctionDef { .. }) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                self.body(body, owner)?;
                let _ = name;
                self.type_params(type_params)?;
                self.arguments(args)?;
                self.exprs(decorator_list, Load)?;
                self.opt_expr(returns.as_deref(), Load)
            }
            StmtKind::ClassDef { body, bases, keywords, decorator_list, type_params, .. } => {
                self.body(body, "ClassDef")?;
                self.type_params(type_params)?;
                self.exprs(bases, Load)?;
                self.keywords(keywords)?;
                self.exprs(decorator_list, Load)
            }
            StmtKind::Return { value } => self.opt_expr(value.as_deref(), Load),
            StmtKind::Delete { targets } => {
                self.nonempty(targets, "targets", "Delete")?;
                self.exprs(targets, Del)
            }
            StmtKind::Assign { targets, value, .. } => {
                self.nonempty(targets, "targets", "Assign")?;
                self.exprs(targets, Store)?;
                self.expr(value, Load)
            }
            StmtKind::TypeAlias { name, type_params, value } => {
                if !matches!(name.kind, ExprKind::Name { .. }) {
                    return Err(terr("TypeAlias with non-Name name"));
                }
                self.expr(name, Store)?;
                self.type_params(type_params)?;
                self.expr(value, Load)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, Store)?;
                self.expr(value, Load)
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if *simple != 0 && !matches!(target.kind, ExprKind::Name { .. }) {
                    return Err(terr("AnnAssign with simple non-Name target"));
                }
                self.expr(target, Store)?;
                self.opt_expr(value.as_deref(), Load)?;
                self.expr(annotation, Load)
            }
            StmtKind::For { target, iter, body, orelse, .. }
            | StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                let owner = if matches!(s.kind, StmtKind::For { .. }) { "For" } else { "AsyncFor" };
                self.expr(target, Store)?;
                self.expr(iter, Load)?;
                self.body(body, owner)?;
                self.stmts(orelse)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let owner = if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" };
                self.expr(test, Load)?;
                self.body(body, owner)?;
                self.stmts(orelse)
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                let owner =
                    if matches!(s.kind, StmtKind::With { .. }) { "With" } else { "AsyncWith" };
                self.nonempty(items, "items", owner)?;
                for i in items {
                    self.expr(&i.context_expr, Load)?;
                    self.opt_expr(i.optional_vars.as_ref(), Store)?;
                }
                self.body(body, owner)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject, Load)?;
                self.nonempty(cases, "cases", "Match")?;
                for c in cases {
                    self.pattern(&c.pattern, false)?;
                    self.opt_expr(c.guard.as_ref(), Load)?;
                    self.body(&c.body, "match_case")?;
                }
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e, Load)?;
                    self.opt_expr(cause.as_deref(), Load)
                } else if cause.is_some() {
                    Err(verr("Raise with cause but no exception"))
                } else {
                    Ok(())
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                let owner = if matches!(s.kind, StmtKind::Try { .. }) { "Try" } else { "TryStar" };
                self.body(body, owner)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(verr(format!("{owner} has neither except handlers nor finalbody")));
                }
                if handlers.is_empty() && !orelse.is_empty() {
                    return Err(verr(format!("{owner} has orelse but no except handlers")));
                }
                for h in handlers {
                    self.opt_expr(h.type_.as_ref(), Load)?;
                    self.body(&h.body, "ExceptHandler")?;
                }
                self.stmts(finalbody)?;
                self.stmts(orelse)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, Load)?;
                self.opt_expr(msg.as_deref(), Load)
            }
            StmtKind::Import { names } => self.nonempty(names, "names", "Import"),
            StmtKind::ImportFrom { names, level, .. } => {
                if *level < 0 {
                    return Err(verr("Negative ImportFrom level"));
                }
                self.nonempty(names, "names", "ImportFrom")
            }
            StmtKind::Global { names } => self.nonempty(names, "names", "Global"),
            StmtKind::Nonlocal { names } => self.nonempty(names, "names", "Nonlocal"),
            StmtKind::Expr { value } => self.expr(value, Load),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn expr(&mut self, e: &Expr, ctx: ExprContext) -> PyResult<()> {
        let _g = self.enter()?;
        let r = self.expr_inner(e, ctx);
        self.leave();
        r
    }

    fn expr_inner(&mut self, e: &Expr, ctx: ExprContext) -> PyResult<()> {
        use ExprContext::*;
        let actual = match &e.kind {
            ExprKind::Attribute { ctx, .. }
            | ExprKind::Subscript { ctx, .. }
            | ExprKind::Starred { ctx, .. }
            | ExprKind::Name { ctx, .. }
            | ExprKind::List { ctx, .. }
            | ExprKind::Tuple { ctx, .. } => Some(*ctx),
            _ => None,
        };
        match actual {
            Some(a) if a != ctx => {
                return Err(verr(format!(
                    "expression must have {} context but has {} instead",
                    ctx_name(ctx),
                    ctx_name(a)
                )));
            }
            None if ctx != Load => {
                return Err(verr(format!(
                    "expression which can't be assigned to in {} context",
                    ctx_name(ctx)
                )));
            }
            _ => {}
        }
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                if values.len() < 2 {
                    return Err(verr("BoolOp with less than 2 values"));
                }
                self.exprs(values, Load)
            }
            ExprKind::NamedExpr { target, value } => {
                if !matches!(target.kind, ExprKind::Name { .. }) {
                    return Err(terr("NamedExpr target must be a Name"));
                }
                self.expr(value, Load)
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, Load)?;
                self.expr(right, Load)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, Load),
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                self.expr(body, Load)
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, Load)?;
                self.expr(body, Load)?;
                self.expr(orelse, Load)
            }
            ExprKind::Dict { keys, values } => {
                if keys.len() != values.len() {
                    return Err(verr("Dict doesn't have the same number of keys as values"));
                }
                for k in keys.iter().flatten() {
                    self.expr(k, Load)?;
                }
                self.exprs(values, Load)
            }
            ExprKind::Set { elts } => self.exprs(elts, Load),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(generators)?;
                self.expr(elt, Load)
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(generators)?;
                self.expr(key, Load)?;
                self.expr(value, Load)
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value, Load),
            ExprKind::Yield { value } => self.opt_expr(value.as_deref(), Load),
            ExprKind::Compare { left, ops, comparators } => {
                if comparators.is_empty() {
                    return Err(verr("Compare with no comparators"));
                }
                if comparators.len() != ops.len() {
                    return Err(verr("Compare has a different number of comparators and operands"));
                }
                self.exprs(comparators, Load)?;
                self.expr(left, Load)
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, Load)?;
                self.exprs(args, Load)?;
                self.keywords(keywords)
            }
            ExprKind::FormattedValue { value, format_spec, .. }
            | ExprKind::Interpolation { value, format_spec, .. } => {
                self.expr(value, Load)?;
                self.opt_expr(format_spec.as_deref(), Load)
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                self.exprs(values, Load)
            }
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value, Load),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(slice, Load)?;
                self.expr(value, Load)
            }
            ExprKind::Starred { value, .. } => self.expr(value, ctx),
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref(), Load)?;
                self.opt_expr(upper.as_deref(), Load)?;
                self.opt_expr(step.as_deref(), Load)
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts, ctx),
            ExprKind::Name { id, .. } => self.name(id),
        }
    }

    fn pattern(&mut self, p: &Pattern, star_ok: bool) -> PyResult<()> {
        let _g = self.enter()?;
        let r = self.pattern_inner(p, star_ok);
        self.leave();
        r
    }

    fn capture(&self, name: &str) -> PyResult<()> {
        if name == "_" {
            return Err(verr("can't capture name '_' in patterns"));
        }
        self.name(name)
    }

    fn pattern_inner(&mut self, p: &Pattern, star_ok: bool) -> PyResult<()> {
        use ExprContext::*;
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.expr(value, Load)?;
                let ok = match &value.kind {
                    ExprKind::Constant { value: c, .. } => {
                        if !matches!(
                            c,
                            Constant::Int(_)
                                | Constant::Float(_)
                                | Constant::Complex { .. }
                                | Constant::Str(_)
                                | Constant::Bytes(_)
                        ) {
                            return Err(verr("unexpected constant inside of a literal pattern"));
                        }
                        true
                    }
                    ExprKind::Attribute { .. } | ExprKind::JoinedStr { .. } => true,
                    ExprKind::UnaryOp { .. } => literal_negative(value, true, true),
                    ExprKind::BinOp { .. } => literal_complex(value),
                    _ => false,
                };
                if !ok {
                    return Err(verr("patterns may only match literals and attribute lookups"));
                }
                Ok(())
            }
            PatternKind::MatchSingleton { value } => {
                if !matches!(value, Constant::None | Constant::Bool(_)) {
                    return Err(verr("MatchSingleton can only contain True, False and None"));
                }
                Ok(())
            }
            PatternKind::MatchSequence { patterns } => {
                for q in patterns {
                    self.pattern(q, true)?;
                }
                Ok(())
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                if keys.len() != patterns.len() {
                    return Err(verr(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                if let Some(r) = rest {
                    self.capture(r)?;
                }
                self.exprs(keys, Load)?;
                for q in patterns {
                    self.pattern(q, false)?;
                }
                Ok(())
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.expr(cls, Load)?;
                if kwd_attrs.len() != kwd_patterns.len() {
                    return Err(verr(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                for a in kwd_attrs {
                    self.name(a)?;
                }
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q, false)?;
                }
                Ok(())
            }
            PatternKind::MatchStar { name } => {
                if !star_ok {
                    return Err(verr("can't use MatchStar here"));
                }
                if let Some(n) = name {
                    self.capture(n)?;
                }
                Ok(())
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(n) = name {
                    self.capture(n)?;
                }
                match pattern {
                    Some(q) => {
                        if name.is_none() {
                            return Err(verr(
                                "MatchAs must specify a target name if a pattern is given",
                            ));
                        }
                        self.pattern(q, false)
                    }
                    None => Ok(()),
                }
            }
            PatternKind::MatchOr { patterns } => {
                if patterns.len() < 2 {
                    return Err(verr("MatchOr requires at least 2 patterns"));
                }
                for q in patterns {
                    self.pattern(q, false)?;
                }
                Ok(())
            }
        }
    }
}

/// A number literal: a real one (int, float) if `real`, an imaginary one if `imaginary`.
fn literal_number(e: &Expr, real: bool, imaginary: bool) -> bool {
    match &e.kind {
        ExprKind::Constant { value: Constant::Int(_) | Constant::Float(_), .. } => real,
        ExprKind::Constant { value: Constant::Complex { .. }, .. } => imaginary,
        _ => false,
    }
}

/// `-number` (CPython's `ensure_literal_negative`).
fn literal_negative(e: &Expr, real: bool, imaginary: bool) -> bool {
    match &e.kind {
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => {
            literal_number(operand, real, imaginary)
        }
        _ => false,
    }
}

/// `real ± imaginary`, the real part maybe negated (CPython's `ensure_literal_complex`).
fn literal_complex(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BinOp { left, op: Operator::Add | Operator::Sub, right } => {
            let left_ok = match &left.kind {
                ExprKind::Constant { .. } => literal_number(left, true, false),
                ExprKind::UnaryOp { .. } => literal_negative(left, true, false),
                _ => false,
            };
            left_ok && literal_number(right, false, true)
        }
        _ => false,
    }
}
