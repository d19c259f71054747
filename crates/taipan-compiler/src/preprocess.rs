//! The AST pre-pass CPython 3.14 runs before the symbol table (`Python/ast_preprocess.c`):
//! `__debug__` becomes a constant, and `'...%s...' % (a, b)` with only `%s`/`%r`/`%a` units
//! becomes an f-string. (Constant folding proper happens later, in the flow graph.)

use crate::error::CompileResult;
use taipan_parser::ast::*;

/// Rewrites `tree` in place.
pub fn preprocess(tree: &mut Mod, optimize: i32) -> CompileResult<()> {
    let mut p = Pre { optimize };
    match tree {
        Mod::Module { body, .. } => {
            p.strip_docstring(body);
            p.stmts(body)
        }
        Mod::Interactive { body } => p.stmts(body),
        Mod::Expression { body } => p.expr(body),
        Mod::FunctionType { argtypes, returns } => {
            for a in argtypes {
                p.expr(a);
            }
            p.expr(returns);
        }
    }
    Ok(())
}

struct Pre {
    optimize: i32,
}

/// The "no location" marker for synthesized nodes (their instructions inherit a neighbour's).
const NO_LOC: Loc = Loc { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 };

impl Pre {
    /// Under `-OO`, a body's docstring goes; a body left empty gets a `pass` in its place.
    fn strip_docstring(&mut self, body: &mut Vec<Stmt>) {
        if self.optimize < 2 || !crate::future::has_docstring(body) {
            return;
        }
        let doc = body.remove(0);
        if body.is_empty() {
            // CPython's replacement `pass` spans four columns from the docstring's start.
            let l = doc.loc;
            let loc = Loc::new(l.lineno, l.col_offset, l.lineno, l.col_offset + 4);
            body.push(Stmt { kind: StmtKind::Pass, loc });
        }
    }

    fn stmts(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn opt(&mut self, e: &mut Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn args(&mut self, a: &mut Arguments) {
        for arg in a.posonlyargs.iter_mut().chain(a.args.iter_mut()).chain(a.kwonlyargs.iter_mut())
        {
            if let Some(x) = &mut arg.annotation {
                self.expr(x);
            }
        }
        for arg in a.vararg.iter_mut().chain(a.kwarg.iter_mut()) {
            if let Some(x) = &mut arg.annotation {
                self.expr(x);
            }
        }
        for d in &mut a.defaults {
            self.expr(d);
        }
        for d in a.kw_defaults.iter_mut().flatten() {
            self.expr(d);
        }
    }

    fn type_params(&mut self, tps: &mut [TypeParam]) {
        for tp in tps {
            match &mut tp.kind {
                TypeParamKind::TypeVar { bound, default_value, .. } => {
                    self.opt(bound);
                    self.opt(default_value);
                }
                TypeParamKind::ParamSpec { default_value, .. }
                | TypeParamKind::TypeVarTuple { default_value, .. } => self.opt(default_value),
            }
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
            self.stmt_inner(s)
        })
    }

    fn stmt_inner(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::FunctionDef { args, body, decorator_list, returns, type_params, .. }
            | StmtKind::AsyncFunctionDef {
                args, body, decorator_list, returns, type_params, ..
            } => {
                self.type_params(type_params);
                self.args(args);
                self.strip_docstring(body);
                self.stmts(body);
                for d in decorator_list {
                    self.expr(d);
                }
                self.opt(returns);
            }
            StmtKind::ClassDef { bases, keywords, body, decorator_list, type_params, .. } => {
                self.type_params(type_params);
                for b in bases {
                    self.expr(b);
                }
                for k in keywords {
                    self.expr(&mut k.value);
                }
                self.strip_docstring(body);
                self.stmts(body);
                for d in decorator_list {
                    self.expr(d);
                }
            }
            StmtKind::Return { value } => self.opt(value),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t);
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                for t in targets {
                    self.expr(t);
                }
                self.expr(value);
            }
            StmtKind::TypeAlias { name, type_params, value } => {
                self.expr(name);
                self.type_params(type_params);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                self.opt(value);
            }
            StmtKind::For { target, iter, body, orelse, .. }
            | StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items {
                    self.expr(&mut it.context_expr);
                    if let Some(v) = &mut it.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&mut c.pattern);
                    if let Some(g) = &mut c.guard {
                        self.expr(g);
                    }
                    self.stmts(&mut c.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &mut h.type_ {
                        self.expr(t);
                    }
                    self.stmts(&mut h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg);
            }
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn pattern(&mut self, p: &mut Pattern) {
        match &mut p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q);
                }
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                for k in keys {
                    self.expr(k);
                }
                for q in patterns {
                    self.pattern(q);
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls);
                for q in patterns.iter_mut().chain(kwd_patterns.iter_mut()) {
                    self.pattern(q);
                }
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
            }
        }
    }

    fn comps(&mut self, gens: &mut [Comprehension]) {
        for g in gens {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            for i in &mut g.ifs {
                self.expr(i);
            }
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
            self.expr_inner(e)
        })
    }

    fn expr_inner(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(target);
                self.expr(value);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.args(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k);
                }
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.expr(x);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comps(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                self.comps(generators);
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value),
            ExprKind::Yield { value } => self.opt(value),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&mut k.value);
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. }
            | ExprKind::Interpolation { value, format_spec, .. } => {
                self.expr(value);
                self.opt(format_spec);
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && &**id == "__debug__" {
                    e.kind = ExprKind::Constant {
                        value: Constant::Bool(self.optimize == 0),
                        kind: None,
                    };
                }
                return;
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower);
                self.opt(upper);
                self.opt(step);
            }
        }
        if let ExprKind::BinOp { left, op: Operator::Mod, right } = &e.kind
            && let (
                ExprKind::Constant { value: Constant::Str(fmt), .. },
                ExprKind::Tuple { elts, .. },
            ) = (&left.kind, &right.kind)
            && !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. }))
            && let Some(values) = optimize_format(fmt, elts)
        {
            e.kind = ExprKind::JoinedStr { values };
        }
    }
}

/// `optimize_format`: the f-string pieces for `fmt % (elts)`, or `None` if the format uses
/// anything but `%s`/`%r`/`%a` (with simple flags, width and precision) or the counts differ.
fn optimize_format(fmt: &PyStr, elts: &[Expr]) -> Option<Vec<Expr>> {
    let cps: Vec<u32> = fmt.code_points().collect();
    let pct = '%' as u32;
    let mut pos = 0;
    let mut cnt = 0;
    let mut out = Vec::new();
    loop {
        // A literal run ('%%' becomes '%').
        let start = pos;
        let mut lit = Vec::new();
        while pos < cps.len() {
            if cps[pos] != pct {
                lit.push(cps[pos]);
                pos += 1;
            } else if pos + 1 < cps.len() && cps[pos + 1] == pct {
                lit.push(pct);
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            out.push(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Str(PyStr::from_code_points(lit)),
                    kind: None,
                },
                loc: NO_LOC,
            });
        }
        if pos >= cps.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        let arg = &elts[cnt];
        cnt += 1;
        let (spec, ljust, width, prec) = parse_simple_format(&cps, &mut pos)?;
        if !matches!(char::from_u32(spec), Some('s' | 'r' | 'a')) {
            return None;
        }
        let mut buf = String::new();
        if !ljust && width > 0 {
            buf.push('>');
        }
        if width >= 0 {
            buf.push_str(&width.to_string());
        }
        if prec >= 0 {
            buf.push_str(&format!(".{prec}"));
        }
        let format_spec = if buf.is_empty() {
            None
        } else {
            Some(Box::new(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Str(PyStr::from(buf.as_str())),
                    kind: None,
                },
                loc: NO_LOC,
            }))
        };
        out.push(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(arg.clone()),
                conversion: spec as i32,
                format_spec,
            },
            loc: arg.loc,
        });
    }
    if cnt < elts.len() {
        return None;
    }
    Some(out)
}

/// `simple_format_arg_parse`: flags, width and precision (at most 2 digits each), then the
/// conversion character.
fn parse_simple_format(cps: &[u32], pos: &mut usize) -> Option<(u32, bool, i32, i32)> {
    const MAXDIGITS: i32 = 3;
    let p = std::cell::Cell::new(*pos);
    let next = || -> Option<u32> {
        let c = *cps.get(p.get())?;
        p.set(p.get() + 1);
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch) {
            Some('-') => ljust = true,
            Some('+' | ' ' | '#' | '0') => {}
            _ => break,
        }
    }
    let is_digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
    let mut width = -1;
    if is_digit(ch) {
        width = 0;
        let mut digits = 0;
        while is_digit(ch) {
            width = width * 10 + (ch - b'0' as u32) as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    let mut prec = -1;
    if ch == '.' as u32 {
        ch = next()?;
        prec = 0;
        let mut digits = 0;
        while is_digit(ch) {
            prec = prec * 10 + (ch - b'0' as u32) as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    *pos = p.get();
    Some((ch, ljust, width, prec))
}

/// Whether [`preprocess`] would change anything in `tree` (so the compiler can use the tree as
/// it is, without copying it, in the common case).
pub fn needs_rewrite(tree: &Mod, optimize: i32) -> bool {
    let mut s = Scan { optimize, found: false };
    match tree {
        Mod::Module { body, .. } => {
            s.body_docstring(body);
            s.stmts(body);
        }
        Mod::Interactive { body } => s.stmts(body),
        Mod::Expression { body } => s.expr(body),
        Mod::FunctionType { argtypes, returns } => {
            argtypes.iter().for_each(|a| s.expr(a));
            s.expr(returns);
        }
    }
    s.found
}

struct Scan {
    optimize: i32,
    found: bool,
}

impl Scan {
    fn body_docstring(&mut self, body: &[Stmt]) {
        if self.optimize >= 2 && crate::future::has_docstring(body) {
            self.found = true;
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for st in body {
            if self.found {
                return;
            }
            self.stmt(st);
        }
    }

    fn opt(&mut self, e: &Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        es.iter().for_each(|e| self.expr(e));
    }

    fn args(&mut self, a: &Arguments) {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            if let Some(x) = &arg.annotation {
                self.expr(x);
            }
        }
        for arg in a.vararg.iter().chain(a.kwarg.iter()) {
            if let Some(x) = &arg.annotation {
                self.expr(x);
            }
        }
        self.exprs(&a.defaults);
        a.kw_defaults.iter().flatten().for_each(|d| self.expr(d));
    }

    fn type_params(&mut self, tps: &[TypeParam]) {
        for tp in tps {
            match &tp.kind {
                TypeParamKind::TypeVar { bound, default_value, .. } => {
                    self.opt(bound);
                    self.opt(default_value);
                }
                TypeParamKind::ParamSpec { default_value, .. }
                | TypeParamKind::TypeVarTuple { default_value, .. } => self.opt(default_value),
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
            self.stmt_inner(s)
        })
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef { args, body, decorator_list, returns, type_params, .. }
            | StmtKind::AsyncFunctionDef {
                args, body, decorator_list, returns, type_params, ..
            } => {
                self.type_params(type_params);
                self.args(args);
                self.body_docstring(body);
                self.stmts(body);
                self.exprs(decorator_list);
                self.opt(returns);
            }
            StmtKind::ClassDef { bases, keywords, body, decorator_list, type_params, .. } => {
                self.type_params(type_params);
                self.exprs(bases);
                keywords.iter().for_each(|k| self.expr(&k.value));
                self.body_docstring(body);
                self.stmts(body);
                self.exprs(decorator_list);
            }
            StmtKind::Return { value } => self.opt(value),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::TypeAlias { name, type_params, value } => {
                self.expr(name);
                self.type_params(type_params);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                self.opt(value);
            }
            StmtKind::For { target, iter, body, orelse, .. }
            | StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg);
            }
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().for_each(|q| self.pattern(q))
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys);
                patterns.iter().for_each(|q| self.pattern(q));
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls);
                patterns.iter().chain(kwd_patterns).for_each(|q| self.pattern(q));
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
            }
        }
    }

    fn comps(&mut self, gens: &[Comprehension]) {
        for g in gens {
            self.expr(&g.target);
            self.expr(&g.iter);
            self.exprs(&g.ifs);
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.found {
            return;
        }
        stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
            self.expr_inner(e)
        })
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.expr(target);
                self.expr(value);
            }
            ExprKind::BinOp { left, op, right } => {
                let is_format = *op == Operator::Mod
                    && matches!(left.kind, ExprKind::Constant { value: Constant::Str(_), .. })
                    && matches!(right.kind, ExprKind::Tuple { .. });
                if is_format {
                    self.found = true;
                    return;
                }
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.args(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().for_each(|k| self.expr(k));
                self.exprs(values);
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.exprs(elts)
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comps(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                self.comps(generators);
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value),
            ExprKind::Yield { value } => self.opt(value),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                self.exprs(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                self.exprs(args);
                keywords.iter().for_each(|k| self.expr(&k.value));
            }
            ExprKind::FormattedValue { value, format_spec, .. }
            | ExprKind::Interpolation { value, format_spec, .. } => {
                self.expr(value);
                self.opt(format_spec);
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => self.exprs(values),
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && &**id == "__debug__" {
                    self.found = true;
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower);
                self.opt(upper);
                self.opt(step);
            }
        }
    }
}
