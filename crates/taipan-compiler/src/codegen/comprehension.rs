//! Comprehensions and generator expressions: generator expressions (and comprehensions the
//! symbol table did not inline) become nested code objects called with the outermost iterable;
//! list, set and dict comprehensions are inlined (PEP 709), their bound names isolated by
//! saving the outer values on the stack (`LOAD_FAST_AND_CLEAR` ... `STORE_FAST_MAYBE_NULL`).

use super::{FBlockDatum, FBlockKind, loc_e};
use crate::compile::{Compiler, ScopeType};
use crate::error::{CompileError, CompileResult};
use crate::instr::{Label, Location, NO_LOCATION};
use crate::symtable::{Name, flags, key_of};
use taipan_bytecode::Const;
use taipan_bytecode::opcodes::*;
use taipan_parser::ast::{Comprehension, Expr, ExprKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompType {
    Gen,
    List,
    Set,
    Dict,
}

/// What inlining changed, to undo afterwards (`_PyCompile_InlinedComprehensionState`).
#[derive(Default)]
struct InlineState {
    pushed_locals: Vec<String>,
    temp_symbols: Vec<(Name, u32)>,
    fast_hidden: Vec<String>,
    cleanup: Option<Label>,
}

fn scope_bits(f: u32) -> u32 {
    (f >> flags::SCOPE_OFFSET) & flags::SCOPE_MASK
}

impl<'a> Compiler<'a> {
    pub fn codegen_comprehension(&mut self, e: &'a Expr) -> CompileResult<()> {
        let (ty, name, generators, elt, val): (
            _,
            _,
            &'a [Comprehension],
            &'a Expr,
            Option<&'a Expr>,
        ) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                (CompType::Gen, "<genexpr>", generators, elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (CompType::List, "<listcomp>", generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (CompType::Set, "<setcomp>", generators, elt, None)
            }
            ExprKind::DictComp { key, value, generators } => {
                (CompType::Dict, "<dictcomp>", generators, key, Some(&**value))
            }
            _ => return Ok(()),
        };
        let Some(entry_id) = self.st.lookup_id(key_of(e)) else {
            return Err(CompileError::syntax("unknown comprehension scope", e.loc));
        };
        let entry = self.st.entry(entry_id);
        let is_inlined = entry.comp_inlined;
        let is_async = entry.coroutine;
        let loc = loc_e(e);
        let Some(outermost) = generators.first() else {
            return Err(self.error("comprehension with no generators", loc));
        };
        let mut state = InlineState::default();
        if is_inlined {
            self.visit_expr(&outermost.iter)?;
            let iloc = loc_e(&outermost.iter);
            if outermost.is_async != 0 {
                self.addop_noarg(GET_AITER, iloc);
            } else {
                self.addop_noarg(GET_ITER, iloc);
            }
            self.push_inlined_comprehension_state(loc, entry_id, &mut state)?;
        } else {
            self.enter_scope(
                name,
                ScopeType::Comprehension,
                key_of(e),
                e.loc.lineno as i32,
                None,
                (1, 0, 0),
            )?;
        }
        if ty != CompType::Gen {
            let op = match ty {
                CompType::List => BUILD_LIST,
                CompType::Set => BUILD_SET,
                _ => BUILD_MAP,
            };
            self.addop_i(op, 0, loc);
            if is_inlined {
                self.addop_i(SWAP, 2, loc);
            }
        }
        let r = self.comprehension_generator(loc, generators, 0, 0, elt, val, ty, is_inlined);
        if let Err(err) = r {
            if !is_inlined {
                self.units.pop();
            }
            return Err(err);
        }
        if is_inlined {
            self.pop_inlined_comprehension_state(loc, state)?;
            return Ok(());
        }
        if ty != CompType::Gen {
            self.addop_noarg(RETURN_VALUE, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.assemble_unit(true);
        self.units.pop();
        let code = code?;
        self.make_closure(loc, code, 0)?;
        self.visit_expr(&outermost.iter)?;
        let iloc = loc_e(&outermost.iter);
        if outermost.is_async != 0 {
            self.addop_noarg(GET_AITER, iloc);
        } else {
            self.addop_noarg(GET_ITER, iloc);
        }
        self.addop_i(CALL, 0, loc);
        if is_async && ty != CompType::Gen {
            self.addop_i(GET_AWAITABLE, 0, loc);
            self.load_const(Const::None, loc);
            self.add_yield_from(loc, true);
        }
        Ok(())
    }

    /// `codegen_wrap_in_stopiteration_handler`: a `SETUP_CLEANUP` at the very start and a
    /// handler turning `StopIteration` into `RuntimeError`.
    pub fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let u = self.u();
        u.seq.instrs.insert(
            0,
            crate::instr::Instr { op: SETUP_CLEANUP, arg: handler.0 as i32, loc: NO_LOCATION },
        );
        for slot in u.seq.label_map.iter_mut().flatten() {
            *slot += 1;
        }
        if let Some(p) = u.seq.annotations_placeholder.as_mut() {
            *p += 1;
        }
        self.load_const(Const::None, NO_LOCATION);
        self.addop_noarg(RETURN_VALUE, NO_LOCATION);
        self.use_label(handler);
        self.addop_i(CALL_INTRINSIC_1, super::INTRINSIC_STOPITERATION_ERROR, NO_LOCATION);
        self.addop_i(RERAISE, 1, NO_LOCATION);
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension],
        gen_index: usize,
        depth: i32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        ty: CompType,
        iter_on_stack: bool,
    ) -> CompileResult<()> {
        if generators[gen_index].is_async != 0 {
            self.async_comprehension_generator(
                loc,
                generators,
                gen_index,
                depth,
                elt,
                val,
                ty,
                iter_on_stack,
            )
        } else {
            self.sync_comprehension_generator(
                loc,
                generators,
                gen_index,
                depth,
                elt,
                val,
                ty,
                iter_on_stack,
            )
        }
    }

    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        ty: CompType,
        depth: i32,
    ) -> CompileResult<Location> {
        let mut elt_loc = loc_e(elt);
        match ty {
            CompType::Gen => {
                self.visit_expr(elt)?;
                self.addop_yield(elt_loc);
                self.addop_noarg(POP_TOP, elt_loc);
            }
            CompType::List => {
                self.visit_expr(elt)?;
                self.addop_i(LIST_APPEND, depth + 1, elt_loc);
            }
            CompType::Set => {
                self.visit_expr(elt)?;
                self.addop_i(SET_ADD, depth + 1, elt_loc);
            }
            CompType::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                    elt_loc = Location::new(
                        elt.loc.lineno as i32,
                        v.loc.end_lineno as i32,
                        elt.loc.col_offset as i32,
                        v.loc.end_col_offset as i32,
                    );
                }
                self.addop_i(MAP_ADD, depth + 1, elt_loc);
            }
        }
        Ok(elt_loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn sync_comprehension_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: i32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        ty: CompType,
        iter_on_stack: bool,
    ) -> CompileResult<()> {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let cg = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.addop_i(LOAD_FAST, 0, loc);
            } else {
                let elts = match &cg.iter.kind {
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                    _ => None,
                };
                if let Some(elts) = elts
                    && elts.len() == 1
                    && !matches!(elts[0].kind, ExprKind::Starred { .. })
                {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
                if start.is_some() {
                    self.visit_expr(&cg.iter)?;
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            if gen_index > 0 {
                self.addop_noarg(GET_ITER, loc_e(&cg.iter));
            }
            self.use_label(start);
            self.jump(FOR_ITER as u16, anchor, loc_e(&cg.iter));
        }
        self.visit_expr(&cg.target)?;
        for cond in &cg.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        let mut elt_loc = loc_e(elt);
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(
                loc,
                generators,
                gen_index + 1,
                depth,
                elt,
                val,
                ty,
                false,
            )?;
        } else {
            elt_loc = self.comprehension_element(elt, val, ty, depth)?;
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.jump(JUMP, start, elt_loc);
            self.use_label(anchor);
            self.addop_noarg(END_FOR, NO_LOCATION);
            self.addop_noarg(POP_ITER, NO_LOCATION);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: i32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        ty: CompType,
        iter_on_stack: bool,
    ) -> CompileResult<()> {
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let cg = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.addop_i(LOAD_FAST, 0, loc);
            } else {
                self.visit_expr(&cg.iter)?;
            }
        }
        if gen_index > 0 {
            self.addop_noarg(GET_AITER, loc_e(&cg.iter));
        }
        self.use_label(start);
        self.push_fblock(
            loc,
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
            FBlockDatum::None,
        )?;
        self.jump(SETUP_FINALLY, except, loc);
        self.addop_noarg(GET_ANEXT, loc);
        self.load_const(Const::None, loc);
        self.use_label(send);
        self.add_yield_from(loc, true);
        self.addop(POP_BLOCK, 0, loc);
        self.visit_expr(&cg.target)?;
        for cond in &cg.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        depth += 1;
        let mut elt_loc = loc_e(elt);
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(
                loc,
                generators,
                gen_index + 1,
                depth,
                elt,
                val,
                ty,
                false,
            )?;
        } else {
            elt_loc = self.comprehension_element(elt, val, ty, depth)?;
        }
        self.use_label(if_cleanup);
        self.jump(JUMP, start, elt_loc);
        self.pop_fblock();
        self.use_label(except);
        self.jump(END_ASYNC_FOR as u16, send, loc);
        Ok(())
    }

    fn push_inlined_comprehension_state(
        &mut self,
        loc: Location,
        comp: crate::symtable::EntryId,
        state: &mut InlineState,
    ) -> CompileResult<()> {
        let outer = self.ur().ste;
        let in_class_block = self.st.entry(outer).kind == crate::symtable::BlockType::Class
            && !self.is_in_inlined_comp();
        self.u().in_inlined_comp += 1;
        let function_like = self.st.entry(outer).kind.is_function_like();
        let comp_symbols: Vec<(Name, u32)> =
            self.st.entry(comp).symbols.iter().map(|(n, f)| (n.clone(), f)).collect();
        // Tweak scopes.
        for (k, symbol) in &comp_symbols {
            let scope = scope_bits(*symbol);
            let outsymbol = self.st.entry(outer).symbols.get(k).unwrap_or(0);
            let outsc = scope_bits(outsymbol);
            let free = crate::symtable::Scope::Free as u32;
            let cell = crate::symtable::Scope::Cell as u32;
            if (scope != outsc && scope != free && !(scope == cell && outsc == free))
                || in_class_block
            {
                self.st.entries[outer].symbols.set(k, *symbol);
                state.temp_symbols.push((k.clone(), outsymbol));
            }
            if ((symbol & flags::DEF_LOCAL != 0 && symbol & flags::DEF_NONLOCAL == 0)
                || in_class_block)
                && !function_like
                && self.ur().fasthidden_get(k) != Some(true)
            {
                self.u().fasthidden_set(k, true);
                state.fast_hidden.push(k.to_string());
            }
        }
        // Push the outer values of the comprehension's locals.
        for (k, symbol) in &comp_symbols {
            let scope = scope_bits(*symbol);
            // Read after the tweak above, as CPython does.
            let outsymbol = self.st.entry(outer).symbols.get(k).unwrap_or(0);
            let outsc = scope_bits(outsymbol);
            // 3.14 saves only the names the comprehension binds (also in class bodies).
            if symbol & flags::DEF_LOCAL != 0 && symbol & flags::DEF_NONLOCAL == 0 {
                self.addop_varname(LOAD_FAST_AND_CLEAR as u16, k, loc);
                if scope == crate::symtable::Scope::Cell as u32 {
                    if outsc == crate::symtable::Scope::Free as u32 {
                        let i = self.u().freevars.add(k);
                        let n = self.ur().cellvars.len();
                        self.addop_i(MAKE_CELL, (n + i) as i32, loc);
                    } else {
                        let i = self.u().cellvars.add(k);
                        self.addop_i(MAKE_CELL, i as i32, loc);
                    }
                }
                state.pushed_locals.push(k.to_string());
            }
        }
        if !state.pushed_locals.is_empty() {
            self.addop_i(SWAP, state.pushed_locals.len() as i32 + 1, loc);
            let cleanup = self.new_label();
            state.cleanup = Some(cleanup);
            self.jump(SETUP_FINALLY, cleanup, loc);
        }
        Ok(())
    }

    fn restore_inlined_comprehension_locals(&mut self, loc: Location, state: &InlineState) {
        let n = state.pushed_locals.len();
        self.addop_i(SWAP, n as i32 + 1, loc);
        for k in state.pushed_locals.iter().rev() {
            self.addop_varname(STORE_FAST_MAYBE_NULL, k, loc);
        }
    }

    fn pop_inlined_comprehension_state(
        &mut self,
        loc: Location,
        state: InlineState,
    ) -> CompileResult<()> {
        if !state.pushed_locals.is_empty() {
            self.addop(POP_BLOCK, 0, NO_LOCATION);
            let end = self.new_label();
            self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
            if let Some(cleanup) = state.cleanup {
                self.use_label(cleanup);
            }
            self.addop_i(SWAP, 2, NO_LOCATION);
            self.addop_noarg(POP_TOP, NO_LOCATION);
            self.restore_inlined_comprehension_locals(loc, &state);
            self.addop_i(RERAISE, 0, NO_LOCATION);
            self.use_label(end);
            self.restore_inlined_comprehension_locals(loc, &state);
        }
        self.u().in_inlined_comp -= 1;
        let outer = self.ur().ste;
        for (k, f) in &state.temp_symbols {
            self.st.entries[outer].symbols.set(k, *f);
        }
        for k in &state.fast_hidden {
            self.u().fasthidden_set(k, false);
        }
        Ok(())
    }
}
