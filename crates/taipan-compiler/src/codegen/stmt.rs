//! Statements: the dispatcher and the simple and control-flow statements (`if`, `for`,
//! `while`, `return`, `break`, `continue`, assignments, imports, `assert`, `raise`, `del`,
//! expression statements), after `codegen_visit_stmt` and friends in CPython's codegen.

use super::{FBlockDatum, FBlockKind, loc_e, loc_s};
use crate::compile::{Compiler, ScopeType};
use crate::error::CompileResult;
use crate::instr::{Location, NO_LOCATION};
use taipan_bytecode::Const;
use taipan_bytecode::opcodes::*;
use taipan_common::PyStr;
use taipan_parser::ast::{Alias, Constant, Expr, ExprContext, ExprKind, Stmt, StmtKind};

impl<'a> Compiler<'a> {
    pub fn visit_stmts(&mut self, body: &'a [Stmt]) -> CompileResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CompileResult<()> {
        self.enter_recursion()?;
        let r =
            stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
                self.visit_stmt_inner(s)
            });
        self.leave_recursion();
        r
    }

    fn conditional<F>(&mut self, f: F) -> CompileResult<()>
    where
        F: FnOnce(&mut Self) -> CompileResult<()>,
    {
        self.u().in_conditional_block += 1;
        let r = f(self);
        self.u().in_conditional_block -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let loc = loc_s(s);
        match &s.kind {
            StmtKind::FunctionDef { .. } => self.codegen_function(s, false),
            StmtKind::AsyncFunctionDef { .. } => self.codegen_function(s, true),
            StmtKind::ClassDef { .. } => self.codegen_class(s),
            StmtKind::TypeAlias { .. } => self.codegen_typealias(s),
            StmtKind::Return { value } => self.codegen_return(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.addop_i(COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { .. } => self.codegen_augassign(s),
            StmtKind::AnnAssign { .. } => self.codegen_annassign(s),
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.conditional(|c| c.codegen_for(s, target, iter, body, orelse))
            }
            StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.conditional(|c| c.codegen_async_for(s, target, iter, body, orelse))
            }
            StmtKind::While { test, body, orelse } => {
                self.conditional(|c| c.codegen_while(s, test, body, orelse))
            }
            StmtKind::If { test, body, orelse } => {
                self.conditional(|c| c.codegen_if(s, test, body, orelse))
            }
            StmtKind::Match { .. } => self.conditional(|c| c.codegen_match(s)),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.addop_i(RAISE_VARARGS, n, loc);
                Ok(())
            }
            StmtKind::Try { finalbody, .. } => self.conditional(|c| {
                if finalbody.is_empty() {
                    c.codegen_try_except(s)
                } else {
                    c.codegen_try_finally(s)
                }
            }),
            StmtKind::TryStar { finalbody, .. } => self.conditional(|c| {
                if finalbody.is_empty() {
                    c.codegen_try_star_except(s)
                } else {
                    c.codegen_try_star_finally(s)
                }
            }),
            StmtKind::Assert { test, msg } => self.codegen_assert(s, test, msg.as_deref()),
            StmtKind::Import { names } => self.codegen_import(loc, names),
            StmtKind::ImportFrom { module, names, level } => {
                self.codegen_from_import(loc, module.as_deref(), names, *level)
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.codegen_stmt_expr(loc, value),
            StmtKind::Pass => {
                self.addop_noarg(NOP, loc);
                Ok(())
            }
            StmtKind::Break => self.codegen_break(loc),
            StmtKind::Continue => self.codegen_continue(loc),
            StmtKind::With { .. } => self.conditional(|c| c.codegen_with(s, 0)),
            StmtKind::AsyncWith { .. } => self.conditional(|c| c.codegen_async_with(s, 0)),
        }
    }

    fn codegen_stmt_expr(&mut self, loc: Location, value: &'a Expr) -> CompileResult<()> {
        if self.interactive && self.units.len() == 1 {
            self.visit_expr(value)?;
            self.addop_i(CALL_INTRINSIC_1, super::INTRINSIC_PRINT, loc);
            self.addop_noarg(POP_TOP, NO_LOCATION);
            return Ok(());
        }
        if matches!(value.kind, ExprKind::Constant { .. }) {
            self.addop_noarg(NOP, loc);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.addop_noarg(POP_TOP, NO_LOCATION);
        Ok(())
    }

    fn codegen_if(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult<()> {
        let end = self.new_label();
        let next = if orelse.is_empty() { end } else { self.new_label() };
        self.jump_if(loc_s(s), test, next, false)?;
        self.visit_stmts(body)?;
        if !orelse.is_empty() {
            self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
            self.use_label(next);
            self.visit_stmts(orelse)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn codegen_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult<()> {
        let loc = loc_s(s);
        let start = self.new_label();
        let body_l = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(loc, FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None)?;
        self.visit_expr(iter)?;
        let iloc = loc_e(iter);
        self.addop_noarg(GET_ITER, iloc);
        self.use_label(start);
        self.jump(FOR_ITER as u16, cleanup, iloc);
        self.addop_noarg(NOP, loc_e(target));
        self.use_label(body_l);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.jump(JUMP, start, NO_LOCATION);
        self.use_label(cleanup);
        self.addop_noarg(END_FOR, NO_LOCATION);
        self.addop_noarg(POP_ITER, NO_LOCATION);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn codegen_async_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult<()> {
        let loc = loc_s(s);
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        self.addop_noarg(GET_AITER, loc_e(iter));
        self.use_label(start);
        self.push_fblock(loc, FBlockKind::AsyncForLoop, Some(start), Some(end), FBlockDatum::None)?;
        self.jump(SETUP_FINALLY, except, loc);
        self.addop_noarg(GET_ANEXT, loc);
        self.load_const(Const::None, loc);
        self.use_label(send);
        self.add_yield_from_at(loc, true, send);
        self.addop(POP_BLOCK, 0, loc);
        self.addop_noarg(NOT_TAKEN, loc);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.jump(JUMP, start, NO_LOCATION);
        self.pop_fblock();
        self.use_label(except);
        self.jump(END_ASYNC_FOR as u16, send, loc_e(iter));
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    /// `ADD_YIELD_FROM` when the caller already placed the `send` label: CPython's macro
    /// creates its own label at the same point, which the flow graph treats the same way.
    pub fn add_yield_from_at(&mut self, loc: Location, is_await: bool, _send: crate::instr::Label) {
        self.add_yield_from(loc, is_await);
    }

    fn codegen_while(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CompileResult<()> {
        let lp = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(lp);
        self.push_fblock(loc_s(s), FBlockKind::WhileLoop, Some(lp), Some(end), FBlockDatum::None)?;
        self.jump_if(loc_s(s), test, anchor, false)?;
        self.visit_stmts(body)?;
        self.jump(JUMP, lp, NO_LOCATION);
        self.pop_fblock();
        self.use_label(anchor);
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn codegen_return(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CompileResult<()> {
        let mut loc = loc_s(s);
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant { .. }));
        let ste = self.ste();
        if !ste.kind.is_function_like() {
            return Err(self.error("'return' outside function", loc));
        }
        if value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator", loc));
        }
        if preserve_tos {
            self.visit_expr(value.expect("checked"))?;
        } else if let Some(v) = value {
            loc = loc_e(v);
            self.addop_noarg(NOP, loc);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            loc = loc_s(s);
            self.addop_noarg(NOP, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match value {
            None => self.load_const(Const::None, loc),
            Some(v) if !preserve_tos => {
                if let ExprKind::Constant { value, .. } = &v.kind {
                    self.load_const(super::const_of(value), loc);
                }
            }
            _ => {}
        }
        self.addop_noarg(RETURN_VALUE, loc);
        Ok(())
    }

    fn codegen_break(&mut self, loc: Location) -> CompileResult<()> {
        let mut l = loc;
        self.addop_noarg(NOP, loc);
        let lp = self.unwind_fblock_stack(&mut l, false, true)?;
        let Some(lp) = lp else {
            return Err(self.error("'break' outside loop", loc));
        };
        self.unwind_loop(&mut l, &lp)?;
        self.jump(JUMP, lp.exit.expect("loops have an exit"), l);
        Ok(())
    }

    fn unwind_loop(&mut self, l: &mut Location, lp: &super::FBlock<'a>) -> CompileResult<()> {
        match lp.kind {
            FBlockKind::ForLoop | FBlockKind::AsyncForLoop => self.addop_noarg(POP_TOP, *l),
            _ => {}
        }
        Ok(())
    }

    fn codegen_continue(&mut self, loc: Location) -> CompileResult<()> {
        let mut l = loc;
        self.addop_noarg(NOP, loc);
        let lp = self.unwind_fblock_stack(&mut l, false, true)?;
        let Some(lp) = lp else {
            return Err(self.error("'continue' not properly in loop", loc));
        };
        self.jump(JUMP, lp.block.expect("loops have a start"), l);
        Ok(())
    }

    fn codegen_augassign(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::AugAssign { target: e, op, value } = &s.kind else { unreachable!() };
        let mut loc = loc_e(e);
        match &e.kind {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.visit_expr(obj)?;
                self.addop_i(COPY, 1, loc);
                loc = super::expr::update_start_location_to_match_attr(loc, e);
                self.addop_name(LOAD_ATTR, attr, loc);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.visit_expr(obj)?;
                if super::expr::two_element_slice(slice) {
                    self.slice_two_parts(slice)?;
                    self.addop_i(COPY, 3, loc);
                    self.addop_i(COPY, 3, loc);
                    self.addop_i(COPY, 3, loc);
                    self.addop_noarg(BINARY_SLICE, loc);
                } else {
                    self.visit_expr(slice)?;
                    self.addop_i(COPY, 2, loc);
                    self.addop_i(COPY, 2, loc);
                    self.addop_i(BINARY_OP, 26, loc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load, loc)?,
            _ => return Err(self.error("invalid node type for augmented assignment", loc)),
        }
        self.visit_expr(value)?;
        self.addop_i(BINARY_OP, super::expr::binop_arg(*op, true), loc_s(s));
        let loc = loc_e(e);
        match &e.kind {
            ExprKind::Attribute { attr, .. } => {
                let loc = super::expr::update_start_location_to_match_attr(loc, e);
                self.addop_i(SWAP, 2, loc);
                self.addop_name(STORE_ATTR, attr, loc);
            }
            ExprKind::Subscript { slice, .. } => {
                if super::expr::two_element_slice(slice) {
                    self.addop_i(SWAP, 4, loc);
                    self.addop_i(SWAP, 3, loc);
                    self.addop_i(SWAP, 2, loc);
                    self.addop_noarg(STORE_SLICE, loc);
                } else {
                    self.addop_i(SWAP, 3, loc);
                    self.addop_i(SWAP, 2, loc);
                    self.addop_noarg(STORE_SUBSCR, loc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store, loc)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CompileResult<()> {
        self.visit_expr(e)?;
        self.addop_noarg(POP_TOP, loc_e(e));
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CompileResult<()> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn codegen_annassign(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::AnnAssign { target, annotation, value, simple } = &s.kind else {
            unreachable!()
        };
        let loc = loc_s(s);
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                let st = self.ur().scope_type;
                if *simple != 0 && matches!(st, ScopeType::Module | ScopeType::Class) {
                    if self.future.annotations {
                        let text = crate::unparse::unparse_annotation(annotation);
                        self.load_const(Const::Str(PyStr::from(text.as_str())), loc_e(annotation));
                        let i = self.u().names.add("__annotations__") as i32;
                        self.addop_i(LOAD_NAME, i, loc);
                        let mangled = self.mangle(id);
                        self.load_const(Const::Str(PyStr::from(mangled.as_str())), loc);
                        self.addop_noarg(STORE_SUBSCR, loc);
                    } else {
                        let conditional = self.ste().has_conditional_annotations
                            && (st == ScopeType::Module || self.ur().in_conditional_block > 0);
                        let idx = if conditional {
                            let u = self.u();
                            let i = u.next_conditional_annotation_index;
                            u.next_conditional_annotation_index += 1;
                            Some(i)
                        } else {
                            None
                        };
                        self.u().deferred_annotations.push((s, idx));
                        if let Some(i) = idx {
                            if st == ScopeType::Class {
                                let ci = self.u().cellvars.add("__conditional_annotations__");
                                self.addop_i(LOAD_DEREF, ci as i32, loc);
                            } else {
                                let ni = self.u().names.add("__conditional_annotations__");
                                self.addop_i(LOAD_NAME, ni as i32, loc);
                            }
                            self.load_const(Const::int(i), loc);
                            self.addop_i(SET_ADD, 1, loc);
                            self.addop_noarg(POP_TOP, loc);
                        }
                    }
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment", loc)),
        }
        Ok(())
    }

    fn codegen_assert(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        msg: Option<&'a Expr>,
    ) -> CompileResult<()> {
        let always_true = match &test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            ExprKind::Constant { value: Constant::Tuple(items), .. } => !items.is_empty(),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?", &s.loc);
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let loc = loc_s(s);
        let end = self.new_label();
        self.jump_if(loc, test, end, true)?;
        self.addop_i(LOAD_COMMON_CONSTANT, super::CONSTANT_ASSERTIONERROR, loc);
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.addop_i(CALL, 0, loc);
        }
        self.addop_i(RAISE_VARARGS, 1, loc_e(test));
        self.use_label(end);
        Ok(())
    }

    fn codegen_import(&mut self, loc: Location, names: &'a [Alias]) -> CompileResult<()> {
        for alias in names {
            self.load_const(Const::int(0), loc);
            self.load_const(Const::None, loc);
            self.addop_name(IMPORT_NAME, &alias.name, loc);
            if let Some(asname) = &alias.asname {
                let parts: Vec<&str> = alias.name.split('.').collect();
                if parts.len() > 1 {
                    for (i, attr) in parts[1..].iter().enumerate() {
                        let ni = self.u().names.add(attr) as i32;
                        self.addop_i(IMPORT_FROM, ni, loc);
                        if i + 2 == parts.len() {
                            break;
                        }
                        self.addop_i(SWAP, 2, loc);
                        self.addop_noarg(POP_TOP, loc);
                    }
                    self.nameop(asname, ExprContext::Store, loc)?;
                    self.addop_noarg(POP_TOP, loc);
                } else {
                    self.nameop(asname, ExprContext::Store, loc)?;
                }
            } else {
                let first = alias.name.split('.').next().unwrap_or("");
                self.nameop(first, ExprContext::Store, loc)?;
            }
        }
        Ok(())
    }

    fn codegen_from_import(
        &mut self,
        loc: Location,
        module: Option<&str>,
        names: &'a [Alias],
        level: i32,
    ) -> CompileResult<()> {
        self.load_const(Const::int(level as i64), loc);
        let tuple: Vec<Const> = names.iter().map(|a| Const::Str(PyStr::from(&*a.name))).collect();
        self.load_const(Const::Tuple(tuple), loc);
        self.addop_name(IMPORT_NAME, module.unwrap_or(""), loc);
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.addop_i(CALL_INTRINSIC_1, super::INTRINSIC_IMPORT_STAR, loc);
                self.addop_noarg(POP_TOP, NO_LOCATION);
                return Ok(());
            }
            self.addop_name(IMPORT_FROM, &alias.name, loc);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store, loc)?;
        }
        self.addop_noarg(POP_TOP, loc);
        Ok(())
    }
}

/// Whether an expression is a `Constant` (used by `return`'s `preserve_tos`).
pub fn is_constant(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant { .. })
}

/// A `str` constant node's value.
pub fn str_constant(e: &Expr) -> Option<&PyStr> {
    match &e.kind {
        ExprKind::Constant { value: Constant::Str(s), .. } => Some(s),
        _ => None,
    }
}
