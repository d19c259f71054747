//! Calls: method calls (`LOAD_ATTR` with the method bit), the `all`/`any`/`tuple` of a
//! generator shortcut, keyword names tuples for `CALL_KW`, and `CALL_FUNCTION_EX` for `*args`
//! and `**kwargs`, after `codegen_call` and `codegen_call_helper` in CPython's codegen.

use super::expr::{STACK_USE_GUIDELINE, update_start_location_to_match_attr};
use super::{
    CONSTANT_BUILTIN_ALL, CONSTANT_BUILTIN_ANY, CONSTANT_BUILTIN_TUPLE, INTRINSIC_LIST_TO_TUPLE,
    loc_e,
};
use crate::compile::Compiler;
use crate::error::CompileResult;
use crate::instr::{Label, Location, NO_LOCATION};
use crate::symtable::flags::DEF_IMPORT;
use taipan_bytecode::Const;
use taipan_bytecode::opcodes::*;
use taipan_common::PyStr;
use taipan_parser::ast::{CmpOp, Expr, ExprContext, ExprKind, Keyword};

impl<'a> Compiler<'a> {
    fn validate_keywords(&self, keywords: &[Keyword]) -> CompileResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(&**name) {
                    return Err(self.error(
                        format!("keyword argument repeated: {name}"),
                        Location::of(&other.loc),
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn codegen_call(&mut self, e: &'a Expr) -> CompileResult<()> {
        let ExprKind::Call { func, args, keywords } = &e.kind else { return Ok(()) };
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        let skip_normal_call = self.new_label();
        self.check_caller(func);
        self.visit_expr(func)?;
        self.maybe_optimize_function_call(func, args, keywords, skip_normal_call)?;
        self.addop_noarg(PUSH_NULL, loc_e(func));
        self.call_helper(loc_e(e), 0, args, None, keywords)?;
        self.use_label(skip_normal_call);
        Ok(())
    }

    /// `check_caller`: calling a literal.
    fn check_caller(&mut self, e: &Expr) {
        let literal = matches!(
            e.kind,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::TemplateStr { .. }
                | ExprKind::FormattedValue { .. }
                | ExprKind::Interpolation { .. }
        );
        if literal {
            let ty = crate::warnings::infer_type(e).unwrap_or("object");
            self.warn(
                format!("'{ty}' object is not callable; perhaps you missed a comma?"),
                &e.loc,
            );
        }
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else { return false };
        self.st.entry(self.st.top).symbols.get(id).is_some_and(|f| f & DEF_IMPORT != 0)
    }

    fn maybe_optimize_method_call(
        &mut self,
        e: &'a Expr,
        meth: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CompileResult<bool> {
        let ExprKind::Attribute { value, attr, ctx: ExprContext::Load } = &meth.kind else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. })) {
            return Ok(false);
        }
        if keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mut loc = loc_e(meth);
        if let Some(two) = self.can_optimize_super_call(meth) {
            self.load_args_for_super(value)?;
            self.addop_super_attr(attr, two, true, loc);
            loc = update_start_location_to_match_attr(loc, meth);
            self.addop_noarg(NOP, loc);
        } else {
            self.visit_expr(value)?;
            loc = update_start_location_to_match_attr(loc, meth);
            self.addop_load_method(attr, loc);
        }
        for a in args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(loc, keywords);
            let l = update_start_location_to_match_attr(loc_e(e), meth);
            self.addop_i(CALL_KW, (argsl + kwdsl) as i32, l);
        } else {
            let l = update_start_location_to_match_attr(loc_e(e), meth);
            self.addop_i(CALL, argsl as i32, l);
        }
        Ok(true)
    }

    /// `all(genexp)`, `any(genexp)`, `tuple(genexp)`: inline loops guarded by an identity
    /// check of the builtin.
    fn maybe_optimize_function_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        end: Label,
    ) -> CompileResult<()> {
        let ExprKind::Name { id, .. } = &func.kind else { return Ok(()) };
        if args.len() != 1
            || !keywords.is_empty()
            || !matches!(args[0].kind, ExprKind::GeneratorExp { .. })
        {
            return Ok(());
        }
        // An asynchronous generator expression cannot be iterated here.
        if self.st.lookup(crate::symtable::key_of(&args[0])).is_some_and(|e| e.coroutine) {
            return Ok(());
        }
        let loc = loc_e(func);
        let skip = self.new_label();
        let (const_oparg, initial, cont) = match &**id {
            "all" => (CONSTANT_BUILTIN_ALL, Some(true), POP_JUMP_IF_TRUE),
            "any" => (CONSTANT_BUILTIN_ANY, Some(false), POP_JUMP_IF_FALSE),
            "tuple" => (CONSTANT_BUILTIN_TUPLE, None, 0),
            _ => {
                self.use_label(skip);
                return Ok(());
            }
        };
        self.addop_i(COPY, 1, loc);
        self.addop_i(LOAD_COMMON_CONSTANT, const_oparg, loc);
        self.addcompare(CmpOp::Is, loc);
        self.jump(POP_JUMP_IF_FALSE as u16, skip, loc);
        self.addop_noarg(POP_TOP, loc);
        let is_tuple = const_oparg == CONSTANT_BUILTIN_TUPLE;
        if is_tuple {
            self.addop_i(BUILD_LIST, 0, loc);
        }
        self.visit_expr(&args[0])?;
        let lp = self.new_label();
        let cleanup = self.new_label();
        self.use_label(lp);
        self.jump(FOR_ITER as u16, cleanup, loc);
        if is_tuple {
            self.addop_i(LIST_APPEND, 2, loc);
            self.jump(JUMP, lp, loc);
        } else {
            self.addop_noarg(TO_BOOL, loc);
            self.jump(cont as u16, lp, loc);
        }
        self.addop_noarg(POP_ITER, NO_LOCATION);
        if let Some(init) = initial {
            self.load_const(Const::Bool(!init), loc);
        }
        self.jump(JUMP, end, loc);
        self.use_label(cleanup);
        self.addop_noarg(END_FOR, NO_LOCATION);
        self.addop_noarg(POP_ITER, NO_LOCATION);
        if is_tuple {
            self.addop_i(CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
        } else if let Some(init) = initial {
            self.load_const(Const::Bool(init), loc);
        }
        self.jump(JUMP, end, loc);
        self.use_label(skip);
        Ok(())
    }

    fn call_simple_kw_helper(&mut self, loc: Location, keywords: &[Keyword]) {
        let names: Vec<Const> = keywords
            .iter()
            .map(|k| Const::Str(PyStr::from(k.arg.as_deref().unwrap_or(""))))
            .collect();
        self.load_const(Const::Tuple(names), loc);
    }

    fn subkwargs(
        &mut self,
        loc: Location,
        keywords: &'a [Keyword],
        begin: usize,
        end: usize,
    ) -> CompileResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.addop_i(BUILD_MAP, 0, NO_LOCATION);
        }
        for kw in &keywords[begin..end] {
            self.load_const(Const::Str(PyStr::from(kw.arg.as_deref().unwrap_or(""))), loc);
            self.visit_expr(&kw.value)?;
            if big {
                self.addop_i(MAP_ADD, 1, NO_LOCATION);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n as i32, loc);
        }
        Ok(())
    }

    /// `codegen_call_helper_impl`: arguments and the call, `n` values already pushed.
    pub fn call_helper(
        &mut self,
        loc: Location,
        n: i32,
        args: &'a [Expr],
        injected_arg: Option<&str>,
        keywords: &'a [Keyword],
    ) -> CompileResult<()> {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            let mut nelts = nelts as i32;
            if let Some(name) = injected_arg {
                self.nameop(name, ExprContext::Load, loc)?;
                nelts += 1;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(loc, keywords);
                self.addop_i(CALL_KW, n + nelts + nkwelts as i32, loc);
            } else {
                self.addop_i(CALL, n + nelts, loc);
            }
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.visit_expr(value)?;
            } else {
                self.starunpack_helper(
                    loc,
                    args,
                    injected_arg,
                    n,
                    BUILD_LIST,
                    LIST_APPEND,
                    LIST_EXTEND,
                    true,
                )?;
            }
        } else {
            self.starunpack_helper(
                loc,
                args,
                injected_arg,
                n,
                BUILD_LIST,
                LIST_APPEND,
                LIST_EXTEND,
                true,
            )?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(loc, keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(DICT_MERGE, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.addop_i(DICT_MERGE, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(loc, keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(DICT_MERGE, 1, loc);
                }
            }
        } else {
            self.addop_noarg(PUSH_NULL, loc);
        }
        self.addop_noarg(CALL_FUNCTION_EX, loc);
        Ok(())
    }
}
