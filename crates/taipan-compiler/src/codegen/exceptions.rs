//! Exception handling statements: `try`/`except`/`else`/`finally`, `try`/`except*`, `with`
//! and `async with`, built from `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH` and `POP_BLOCK`
//! pseudo-instructions that the flow graph turns into the exception table.

use super::*;

impl<'a> Compiler<'a> {
    pub fn codegen_try_finally(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let (handlers, body, finalbody) = match &s.kind {
            StmtKind::Try { handlers, body, finalbody, .. }
            | StmtKind::TryStar { handlers, body, finalbody, .. } => (handlers, body, finalbody),
            _ => return Ok(()),
        };
        let is_star = matches!(s.kind, StmtKind::TryStar { .. });
        let loc = loc_s(s);
        let body_l = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.jump(SETUP_FINALLY, end, loc);
        self.use_label(body_l);
        self.push_fblock(
            loc,
            FBlockKind::FinallyTry,
            Some(body_l),
            Some(end),
            FBlockDatum::FinalBody(finalbody),
        )?;
        if !handlers.is_empty() {
            if is_star {
                self.codegen_try_star_except(s)?;
            } else {
                self.codegen_try_except(s)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.jump(JUMP_NO_INTERRUPT, exit, NO_LOCATION);
        self.use_label(end);
        self.jump(SETUP_CLEANUP, cleanup, NO_LOCATION);
        self.addop_noarg(PUSH_EXC_INFO, NO_LOCATION);
        self.push_fblock(NO_LOCATION, FBlockKind::FinallyEnd, Some(end), None, FBlockDatum::None)?;
        self.warnings_disabled += 1;
        let r = self.visit_stmts(finalbody);
        self.warnings_disabled -= 1;
        r?;
        self.pop_fblock();
        self.addop_i(RERAISE, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(exit);
        Ok(())
    }

    pub fn codegen_try_star_finally(&mut self, s: &'a Stmt) -> CompileResult<()> {
        self.codegen_try_finally(s)
    }

    pub fn codegen_try_except(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::Try { body, handlers, orelse, .. } = &s.kind else { return Ok(()) };
        let loc = loc_s(s);
        let body_l = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.jump(SETUP_FINALLY, except, loc);
        self.use_label(body_l);
        self.push_fblock(loc, FBlockKind::TryExcept, Some(body_l), None, FBlockDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.visit_stmts(orelse)?;
        self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
        let n = handlers.len();
        self.use_label(except);
        self.jump(SETUP_CLEANUP, cleanup, NO_LOCATION);
        self.addop_noarg(PUSH_EXC_INFO, NO_LOCATION);
        self.push_fblock(loc, FBlockKind::ExceptionHandler, None, None, FBlockDatum::None)?;
        for (i, h) in handlers.iter().enumerate() {
            let hloc = Location::of(&h.loc);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", hloc));
            }
            except = self.new_label();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop_noarg(CHECK_EXC_MATCH, hloc);
                self.jump(POP_JUMP_IF_FALSE as u16, except, hloc);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, ExprContext::Store, hloc)?;
                self.jump(SETUP_CLEANUP, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hloc,
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::Name(name),
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.addop(POP_BLOCK, 0, NO_LOCATION);
                self.addop(POP_BLOCK, 0, NO_LOCATION);
                self.addop_noarg(POP_EXCEPT, NO_LOCATION);
                self.load_const(Const::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
                self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(cleanup_end);
                self.load_const(Const::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
                self.addop_i(RERAISE, 1, NO_LOCATION);
            } else {
                let cleanup_body = self.new_label();
                self.addop_noarg(POP_TOP, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hloc,
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::None,
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.addop(POP_BLOCK, 0, NO_LOCATION);
                self.addop_noarg(POP_EXCEPT, NO_LOCATION);
                self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
            }
            self.use_label(except);
        }
        self.pop_fblock();
        self.addop_i(RERAISE, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(end);
        Ok(())
    }

    pub fn codegen_try_star_except(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::TryStar { body, handlers, orelse, .. } = &s.kind else { return Ok(()) };
        let loc = loc_s(s);
        let body_l = self.new_label();
        let mut except = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.jump(SETUP_FINALLY, except, loc);
        self.use_label(body_l);
        self.push_fblock(loc, FBlockKind::TryExcept, Some(body_l), None, FBlockDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.jump(JUMP_NO_INTERRUPT, orelse_l, NO_LOCATION);
        let n = handlers.len();
        self.use_label(except);
        self.jump(SETUP_CLEANUP, cleanup, NO_LOCATION);
        self.addop_noarg(PUSH_EXC_INFO, NO_LOCATION);
        self.push_fblock(loc, FBlockKind::ExceptionGroupHandler, None, None, FBlockDatum::None)?;
        for (i, h) in handlers.iter().enumerate() {
            let hloc = Location::of(&h.loc);
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.addop_i(BUILD_LIST, 0, hloc);
                self.addop_i(COPY, 2, hloc);
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop_noarg(CHECK_EG_MATCH, hloc);
                self.addop_i(COPY, 1, hloc);
                self.jump(POP_JUMP_IF_NONE as u16, no_match, hloc);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store, hloc)?,
                None => self.addop_noarg(POP_TOP, hloc),
            }
            self.jump(SETUP_CLEANUP, cleanup_end, hloc);
            self.use_label(cleanup_body);
            let datum = match &h.name {
                Some(n) => FBlockDatum::Name(n),
                None => FBlockDatum::None,
            };
            self.push_fblock(hloc, FBlockKind::HandlerCleanup, Some(cleanup_body), None, datum)?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.addop(POP_BLOCK, 0, NO_LOCATION);
            if let Some(name) = &h.name {
                self.load_const(Const::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
            }
            self.jump(JUMP_NO_INTERRUPT, except, NO_LOCATION);
            self.use_label(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Const::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
            }
            self.addop_i(LIST_APPEND, 3, NO_LOCATION);
            self.addop_noarg(POP_TOP, NO_LOCATION);
            self.jump(JUMP_NO_INTERRUPT, except_with_error, NO_LOCATION);
            self.use_label(except);
            self.addop_noarg(NOP, NO_LOCATION);
            self.jump(JUMP_NO_INTERRUPT, except_with_error, NO_LOCATION);
            self.use_label(no_match);
            self.addop_noarg(POP_TOP, hloc);
            self.use_label(except_with_error);
            if i + 1 == n {
                self.addop_i(LIST_APPEND, 1, NO_LOCATION);
                self.jump(JUMP_NO_INTERRUPT, reraise_star, NO_LOCATION);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.addop_i(CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR, NO_LOCATION);
        self.addop_i(COPY, 1, NO_LOCATION);
        self.jump(POP_JUMP_IF_NOT_NONE as u16, reraise, NO_LOCATION);
        self.addop_noarg(POP_TOP, NO_LOCATION);
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.addop_noarg(POP_EXCEPT, NO_LOCATION);
        self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
        self.use_label(reraise);
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.addop_i(SWAP, 2, NO_LOCATION);
        self.addop_noarg(POP_EXCEPT, NO_LOCATION);
        self.addop_i(RERAISE, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(orelse_l);
        self.visit_stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.addop_noarg(TO_BOOL, NO_LOCATION);
        self.jump(POP_JUMP_IF_TRUE as u16, suppress, NO_LOCATION);
        self.addop_i(RERAISE, 2, NO_LOCATION);
        self.use_label(suppress);
        self.addop_noarg(POP_TOP, NO_LOCATION);
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.addop_noarg(POP_EXCEPT, NO_LOCATION);
        self.addop_noarg(POP_TOP, NO_LOCATION);
        self.addop_noarg(POP_TOP, NO_LOCATION);
        self.addop_noarg(POP_TOP, NO_LOCATION);
        let exit = self.new_label();
        self.jump(JUMP_NO_INTERRUPT, exit, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(exit);
    }

    pub fn codegen_with(&mut self, s: &'a Stmt, pos: usize) -> CompileResult<()> {
        let StmtKind::With { items, body, .. } = &s.kind else { return Ok(()) };
        let Some(item) = items.get(pos) else {
            return Err(self.error("empty items on With", loc_s(s)));
        };
        let block = self.new_label();
        let final_l = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let loc = loc_e(&item.context_expr);
        self.addop_i(COPY, 1, loc);
        self.addop_i(LOAD_SPECIAL, SPECIAL_EXIT, loc);
        self.addop_i(SWAP, 2, loc);
        self.addop_i(SWAP, 3, loc);
        self.addop_i(LOAD_SPECIAL, SPECIAL_ENTER, loc);
        self.addop_i(CALL, 0, loc);
        self.jump(SETUP_WITH, final_l, loc);
        self.use_label(block);
        self.push_fblock(loc, FBlockKind::With, Some(block), Some(final_l), FBlockDatum::None)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop_noarg(POP_TOP, loc),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.codegen_with(s, pos + 1)?;
        }
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.pop_fblock();
        self.call_exit_with_nones(loc);
        self.addop_noarg(POP_TOP, loc);
        self.jump(JUMP, exit, loc);
        self.use_label(final_l);
        self.jump(SETUP_CLEANUP, cleanup, loc);
        self.addop_noarg(PUSH_EXC_INFO, loc);
        self.addop_noarg(WITH_EXCEPT_START, loc);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    pub fn codegen_async_with(&mut self, s: &'a Stmt, pos: usize) -> CompileResult<()> {
        let StmtKind::AsyncWith { items, body, .. } = &s.kind else { return Ok(()) };
        let Some(item) = items.get(pos) else {
            return Err(self.error("empty items on AsyncWith", loc_s(s)));
        };
        let block = self.new_label();
        let final_l = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let loc = loc_e(&item.context_expr);
        self.addop_i(COPY, 1, loc);
        self.addop_i(LOAD_SPECIAL, SPECIAL_AEXIT, loc);
        self.addop_i(SWAP, 2, loc);
        self.addop_i(SWAP, 3, loc);
        self.addop_i(LOAD_SPECIAL, SPECIAL_AENTER, loc);
        self.addop_i(CALL, 0, loc);
        self.addop_i(GET_AWAITABLE, 1, loc);
        self.load_const(Const::None, loc);
        self.add_yield_from(loc, true);
        self.jump(SETUP_WITH, final_l, loc);
        self.use_label(block);
        self.push_fblock(
            loc,
            FBlockKind::AsyncWith,
            Some(block),
            Some(final_l),
            FBlockDatum::None,
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop_noarg(POP_TOP, loc),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.codegen_async_with(s, pos + 1)?;
        }
        self.pop_fblock();
        self.addop(POP_BLOCK, 0, loc);
        self.call_exit_with_nones(loc);
        self.addop_i(GET_AWAITABLE, 2, loc);
        self.load_const(Const::None, loc);
        self.add_yield_from(loc, true);
        self.addop_noarg(POP_TOP, loc);
        self.jump(JUMP, exit, loc);
        self.use_label(final_l);
        self.jump(SETUP_CLEANUP, cleanup, loc);
        self.addop_noarg(PUSH_EXC_INFO, loc);
        self.addop_noarg(WITH_EXCEPT_START, loc);
        self.addop_i(GET_AWAITABLE, 2, loc);
        self.load_const(Const::None, loc);
        self.add_yield_from(loc, true);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }
}
