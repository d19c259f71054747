//! Functions, lambdas, classes and type aliases: decorators, defaults, `__annotate__`
//! functions (PEP 649/749), type-parameter scopes (PEP 695), class bodies (`__module__`,
//! `__qualname__`, `__firstlineno__`, `__static_attributes__`, `__classcell__`) and closures
//! (`MAKE_FUNCTION` + `SET_FUNCTION_ATTRIBUTE`), after CPython's codegen.

use super::*;
use crate::compile::ScopeType;
use crate::symtable::key_of;
use std::sync::Arc;
use taipan_bytecode::CodeObject;
use taipan_bytecode::code::CO_FAST_FREE;
use taipan_parser::ast::{Arg, Arguments, TypeParam, TypeParamKind};

impl<'a> Compiler<'a> {
    /// `codegen_make_closure`: `LOAD_CLOSURE`s of the free variables, the code constant,
    /// `MAKE_FUNCTION` and the attributes `flags` names.
    pub fn make_closure(
        &mut self,
        loc: Location,
        code: CodeObject,
        mut flags: i32,
    ) -> CompileResult<()> {
        let frees: Vec<String> = code
            .localsplusnames
            .iter()
            .zip(&code.localspluskinds)
            .filter(|(_, k)| *k & CO_FAST_FREE != 0)
            .map(|(n, _)| n.to_string_lossy())
            .collect();
        if !frees.is_empty() {
            for name in &frees {
                let arg = self.lookup_closure_arg_for(name);
                self.addop(LOAD_CLOSURE, arg, loc);
            }
            flags |= MAKE_FUNCTION_CLOSURE;
            self.addop_i(BUILD_TUPLE, frees.len() as i32, loc);
        }
        self.load_const(Const::Code(Arc::new(code)), loc);
        self.addop_noarg(MAKE_FUNCTION, loc);
        for f in [
            MAKE_FUNCTION_CLOSURE,
            MAKE_FUNCTION_ANNOTATIONS,
            MAKE_FUNCTION_ANNOTATE,
            MAKE_FUNCTION_KWDEFAULTS,
            MAKE_FUNCTION_DEFAULTS,
        ] {
            if flags & f != 0 {
                self.addop_i(SET_FUNCTION_ATTRIBUTE, f, loc);
            }
        }
        Ok(())
    }

    /// `_PyCompile_LookupArg`.
    fn lookup_closure_arg_for(&mut self, name: &str) -> i32 {
        let is_class = self.ur().scope_type == ScopeType::Class;
        let cell = (is_class
            && matches!(name, "__class__" | "__classdict__" | "__conditional_annotations__"))
            || self.scope_of(name) == crate::symtable::Scope::Cell as u32;
        let u = self.ur();
        if cell {
            u.cellvars.get(name).map_or(0, |i| i as i32)
        } else {
            u.freevars.get(name).map_or(0, |i| (u.cellvars.len() + i) as i32)
        }
    }

    fn codegen_defaults_all(&mut self, loc: Location, args: &'a Arguments) -> CompileResult<i32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(BUILD_TUPLE, args.defaults.len() as i32, loc);
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut count = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                count += 1;
                let mangled = self.mangle(&arg.arg);
                self.load_const(Const::Str(PyStr::from(mangled.as_str())), loc);
                self.visit_expr(d)?;
            }
        }
        if count > 0 {
            self.addop_i(BUILD_MAP, count, loc);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn argannotation(
        &mut self,
        id: &str,
        annotation: Option<&'a Expr>,
        len: &mut i32,
        loc: Location,
    ) -> CompileResult<()> {
        let Some(ann) = annotation else { return Ok(()) };
        let mangled = self.mangle(id);
        self.load_const(Const::Str(PyStr::from(mangled.as_str())), loc);
        if self.future.annotations {
            let text = crate::unparse::unparse_annotation(ann);
            self.load_const(Const::Str(PyStr::from(text.as_str())), loc_e(ann));
        } else if let ExprKind::Starred { value, .. } = &ann.kind {
            self.visit_expr(value)?;
            self.addop_i(UNPACK_SEQUENCE, 1, loc);
        } else {
            self.visit_expr(ann)?;
        }
        *len += 1;
        Ok(())
    }

    fn argannotations(
        &mut self,
        args: &'a [Arg],
        len: &mut i32,
        loc: Location,
    ) -> CompileResult<()> {
        for a in args {
            self.argannotation(&a.arg, a.annotation.as_ref(), len, loc)?;
        }
        Ok(())
    }

    /// `codegen_function_annotations`: the `__annotate__` function of a `def`, if any.
    fn function_annotations(
        &mut self,
        loc: Location,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> CompileResult<i32> {
        let Some(ste) = self.st.lookup(key_of(args)) else { return Ok(0) };
        if !ste.annotations_used {
            return Ok(0);
        }
        let name = ste.name.to_string();
        self.setup_annotations_scope(loc, key_of(args), &name)?;
        let mut len = 0;
        let r = (|| -> CompileResult<()> {
            self.argannotations(&args.args, &mut len, loc)?;
            self.argannotations(&args.posonlyargs, &mut len, loc)?;
            if let Some(v) = &args.vararg {
                self.argannotation(&v.arg, v.annotation.as_ref(), &mut len, loc)?;
            }
            self.argannotations(&args.kwonlyargs, &mut len, loc)?;
            if let Some(k) = &args.kwarg {
                self.argannotation(&k.arg, k.annotation.as_ref(), &mut len, loc)?;
            }
            self.argannotation("return", returns, &mut len, loc)
        })();
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        self.addop_i(BUILD_MAP, len, loc);
        self.leave_annotations_scope(loc)?;
        Ok(MAKE_FUNCTION_ANNOTATE)
    }

    pub fn codegen_function(&mut self, s: &'a Stmt, is_async: bool) -> CompileResult<()> {
        let (name, args, body, decos, returns, type_params) = match &s.kind {
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
            } => (name, args, body, decorator_list, returns.as_deref(), type_params),
            _ => return Ok(()),
        };
        for d in decos {
            self.visit_expr(d)?;
        }
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno) as i32;
        let loc = loc_s(s);
        let is_generic = !type_params.is_empty();
        let mut funcflags = self.codegen_defaults_all(loc, args)?;
        let mut num_typeparam_args = 0;
        if is_generic {
            if funcflags & MAKE_FUNCTION_DEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if funcflags & MAKE_FUNCTION_KWDEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if num_typeparam_args == 2 {
                self.addop_i(SWAP, 2, loc);
            }
            let tp_name = format!("<generic parameters of {name}>");
            self.enter_scope(
                &tp_name,
                ScopeType::Annotations,
                key_of(type_params),
                firstlineno,
                None,
                (num_typeparam_args as u32, 0, 0),
            )?;
            self.codegen_type_params(type_params)?;
            for i in 0..num_typeparam_args {
                self.addop_i(LOAD_FAST, i, loc);
            }
        }
        funcflags |= self.function_annotations(loc, args, returns)?;
        self.function_body(s, name, args, body, is_async, funcflags, firstlineno)?;
        if is_generic {
            self.addop_i(SWAP, 2, loc);
            self.addop_i(CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS, loc);
            let code = self.assemble_unit(false);
            self.units.pop();
            self.make_closure(loc, code?, 0)?;
            if num_typeparam_args > 0 {
                self.addop_i(SWAP, num_typeparam_args + 1, loc);
                self.addop_i(CALL, num_typeparam_args - 1, loc);
            } else {
                self.addop_noarg(PUSH_NULL, loc);
                self.addop_i(CALL, 0, loc);
            }
        }
        for d in decos.iter().rev() {
            self.addop_i(CALL, 0, loc_e(d));
        }
        self.nameop(name, ExprContext::Store, loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn function_body(
        &mut self,
        s: &'a Stmt,
        name: &str,
        args: &'a Arguments,
        body: &'a [Stmt],
        is_async: bool,
        funcflags: i32,
        firstlineno: i32,
    ) -> CompileResult<()> {
        let scope_type = if is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(
            name,
            scope_type,
            key_of(s),
            firstlineno,
            None,
            (args.args.len() as u32, args.posonlyargs.len() as u32, args.kwonlyargs.len() as u32),
        )?;
        let r = self.function_body_inner(body);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.assemble_unit(true);
        self.units.pop();
        self.make_closure(loc_s(s), code?, funcflags)
    }

    fn function_body_inner(&mut self, body: &'a [Stmt]) -> CompileResult<()> {
        let mut first = 0;
        if self.ste().has_docstring
            && let Some(doc) = docstring_of(body)
        {
            first = 1;
            let cleaned = clean_doc(doc);
            self.add_const(Const::Str(cleaned));
        }
        let start = self.new_label();
        self.use_label(start);
        let ste = self.ste();
        let add_stop = ste.coroutine || ste.generator;
        if add_stop {
            self.push_fblock(
                NO_LOCATION,
                FBlockKind::StopIteration,
                Some(start),
                None,
                FBlockDatum::None,
            )?;
        }
        for st in &body[first..] {
            self.visit_stmt(st)?;
        }
        if add_stop {
            self.wrap_in_stopiteration_handler();
            self.pop_fblock();
        }
        Ok(())
    }

    pub fn codegen_lambda(
        &mut self,
        e: &'a Expr,
        args: &'a Arguments,
        body: &'a Expr,
    ) -> CompileResult<()> {
        let loc = loc_e(e);
        let funcflags = self.codegen_defaults_all(loc, args)?;
        self.enter_scope(
            "<lambda>",
            ScopeType::Lambda,
            key_of(e),
            e.loc.lineno as i32,
            None,
            (args.args.len() as u32, args.posonlyargs.len() as u32, args.kwonlyargs.len() as u32),
        )?;
        if let Err(err) = self.visit_expr(body) {
            self.units.pop();
            return Err(err);
        }
        let code = if self.ste().generator {
            self.assemble_unit(false)
        } else {
            self.addop_noarg(RETURN_VALUE, loc_e(body));
            self.assemble_unit(true)
        };
        self.units.pop();
        self.make_closure(loc, code?, funcflags)
    }

    fn codegen_type_param_bound_or_default(
        &mut self,
        e: &'a Expr,
        name: &str,
        key: usize,
        allow_starred: bool,
    ) -> CompileResult<()> {
        let loc = loc_e(e);
        self.load_const(Const::Tuple(vec![Const::int(1)]), loc);
        self.setup_annotations_scope(loc, key, name)?;
        match &e.kind {
            ExprKind::Starred { value, .. } if allow_starred => {
                self.visit_expr(value)?;
                self.addop_i(UNPACK_SEQUENCE, 1, loc);
            }
            _ => self.visit_expr(e)?,
        }
        self.addop_noarg(RETURN_VALUE, loc);
        let code = self.assemble_unit(true);
        self.units.pop();
        self.make_closure(loc, code?, MAKE_FUNCTION_DEFAULTS)
    }

    fn codegen_type_params(&mut self, type_params: &'a [TypeParam]) -> CompileResult<()> {
        let mut seen_default = false;
        for tp in type_params {
            let loc = Location::of(&tp.loc);
            let (name, default) = match &tp.kind {
                TypeParamKind::TypeVar { name, bound, default_value } => {
                    self.load_const(Const::Str(PyStr::from(&**name)), loc);
                    if let Some(b) = bound {
                        self.codegen_type_param_bound_or_default(b, name, key_of(tp), false)?;
                        let intrinsic = if matches!(b.kind, ExprKind::Tuple { .. }) {
                            INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            INTRINSIC_TYPEVAR_WITH_BOUND
                        };
                        self.addop_i(CALL_INTRINSIC_2, intrinsic, loc);
                    } else {
                        self.addop_i(CALL_INTRINSIC_1, INTRINSIC_TYPEVAR, loc);
                    }
                    if let Some(d) = default_value {
                        seen_default = true;
                        self.codegen_type_param_bound_or_default(d, name, key_of(tp) + 1, false)?;
                        self.addop_i(CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT, loc);
                    }
                    (name, default_value)
                }
                TypeParamKind::TypeVarTuple { name, default_value }
                | TypeParamKind::ParamSpec { name, default_value } => {
                    let is_tuple = matches!(tp.kind, TypeParamKind::TypeVarTuple { .. });
                    self.load_const(Const::Str(PyStr::from(&**name)), loc);
                    let intr = if is_tuple { INTRINSIC_TYPEVARTUPLE } else { INTRINSIC_PARAMSPEC };
                    self.addop_i(CALL_INTRINSIC_1, intr, loc);
                    if let Some(d) = default_value {
                        self.codegen_type_param_bound_or_default(d, name, key_of(tp), is_tuple)?;
                        self.addop_i(CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT, loc);
                        seen_default = true;
                    }
                    (name, default_value)
                }
            };
            if default.is_none() && seen_default {
                return Err(self.error(
                    format!("non-default type parameter '{name}' follows default type parameter"),
                    loc,
                ));
            }
            self.addop_i(COPY, 1, loc);
            self.nameop(name, ExprContext::Store, loc)?;
        }
        if let Some(first) = type_params.first() {
            self.addop_i(BUILD_TUPLE, type_params.len() as i32, Location::of(&first.loc));
        }
        Ok(())
    }

    pub fn codegen_class(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::ClassDef { name, bases, keywords, body, decorator_list, type_params } =
            &s.kind
        else {
            return Ok(());
        };
        for d in decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno) as i32;
        let loc = loc_s(s);
        let is_generic = !type_params.is_empty();
        if is_generic {
            let tp_name = format!("<generic parameters of {name}>");
            self.enter_scope(
                &tp_name,
                ScopeType::Annotations,
                key_of(type_params),
                firstlineno,
                Some(name.to_string()),
                (0, 0, 0),
            )?;
            self.codegen_type_params(type_params)?;
            self.nameop(".type_params", ExprContext::Store, loc)?;
        }
        self.class_body(s, name, body, type_params, firstlineno)?;
        if is_generic {
            self.nameop(".type_params", ExprContext::Load, loc)?;
            self.addop_i(CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC, loc);
            self.nameop(".generic_base", ExprContext::Store, loc)?;
            self.call_helper(loc, 2, bases, Some(".generic_base"), keywords)?;
            let code = self.assemble_unit(false);
            self.units.pop();
            self.make_closure(loc, code?, 0)?;
            self.addop_noarg(PUSH_NULL, loc);
            self.addop_i(CALL, 0, loc);
        } else {
            self.call_helper(loc, 2, bases, None, keywords)?;
        }
        for d in decorator_list.iter().rev() {
            self.addop_i(CALL, 0, loc_e(d));
        }
        self.nameop(name, ExprContext::Store, loc)
    }

    fn class_body(
        &mut self,
        s: &'a Stmt,
        name: &str,
        body: &'a [Stmt],
        type_params: &'a [TypeParam],
        firstlineno: i32,
    ) -> CompileResult<()> {
        self.enter_scope(
            name,
            ScopeType::Class,
            key_of(s),
            firstlineno,
            Some(name.to_string()),
            (0, 0, 0),
        )?;
        let r = self.class_body_inner(body, type_params, firstlineno);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.assemble_unit(true);
        self.units.pop();
        let code = code?;
        let loc = loc_s(s);
        self.addop_noarg(LOAD_BUILD_CLASS, loc);
        self.addop_noarg(PUSH_NULL, loc);
        self.make_closure(loc, code, 0)?;
        self.load_const(Const::Str(PyStr::from(name)), loc);
        Ok(())
    }

    fn class_body_inner(
        &mut self,
        body: &'a [Stmt],
        type_params: &'a [TypeParam],
        firstlineno: i32,
    ) -> CompileResult<()> {
        let loc = Location::new(firstlineno, firstlineno, 0, 0);
        self.nameop("__name__", ExprContext::Load, loc)?;
        self.nameop("__module__", ExprContext::Store, loc)?;
        let q = self.ur().qualname.clone();
        self.load_const(Const::Str(PyStr::from(q.as_str())), loc);
        self.nameop("__qualname__", ExprContext::Store, loc)?;
        self.load_const(Const::int(firstlineno as i64), loc);
        self.nameop("__firstlineno__", ExprContext::Store, loc)?;
        if !type_params.is_empty() {
            self.nameop(".type_params", ExprContext::Load, loc)?;
            self.nameop("__type_params__", ExprContext::Store, loc)?;
        }
        if self.ste().needs_classdict {
            self.addop_noarg(LOAD_LOCALS, loc);
            let i = self.u().cellvars.add("__classdict__") as i32;
            self.addop_i(STORE_DEREF, i, loc);
        }
        if self.ste().has_conditional_annotations {
            self.addop_i(BUILD_SET, 0, loc);
            let i = self.u().cellvars.add("__conditional_annotations__") as i32;
            self.addop_i(STORE_DEREF, i, loc);
        }
        self.codegen_body(loc, body, false)?;
        let mut attrs = self.u().static_attributes.take().unwrap_or_default();
        attrs.sort();
        let tuple =
            Const::Tuple(attrs.iter().map(|a| Const::Str(PyStr::from(a.as_str()))).collect());
        self.load_const(tuple, NO_LOCATION);
        self.nameop("__static_attributes__", ExprContext::Store, NO_LOCATION)?;
        if self.ste().needs_classdict {
            let i = self.u().cellvars.get("__classdict__").unwrap_or(0) as i32;
            self.addop(LOAD_CLOSURE, i, NO_LOCATION);
            self.nameop("__classdictcell__", ExprContext::Store, NO_LOCATION)?;
        }
        if self.ste().needs_class_closure {
            let i = self.u().cellvars.get("__class__").unwrap_or(0) as i32;
            self.addop(LOAD_CLOSURE, i, NO_LOCATION);
            self.addop_i(COPY, 1, NO_LOCATION);
            self.nameop("__classcell__", ExprContext::Store, NO_LOCATION)?;
        } else {
            self.load_const(Const::None, NO_LOCATION);
        }
        self.addop_noarg(RETURN_VALUE, NO_LOCATION);
        Ok(())
    }

    pub fn codegen_typealias(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::TypeAlias { name, type_params, value } = &s.kind else { return Ok(()) };
        let ExprKind::Name { id, .. } = &name.kind else { return Ok(()) };
        let loc = loc_s(s);
        let is_generic = !type_params.is_empty();
        if is_generic {
            let tp_name = format!("<generic parameters of {id}>");
            self.enter_scope(
                &tp_name,
                ScopeType::Annotations,
                key_of(type_params),
                loc.lineno,
                None,
                (0, 0, 0),
            )?;
            self.load_const(Const::Str(PyStr::from(&**id)), loc);
            self.codegen_type_params(type_params)?;
        } else {
            self.load_const(Const::Str(PyStr::from(&**id)), loc);
            self.load_const(Const::None, loc);
        }
        // The alias body.
        self.load_const(Const::Tuple(vec![Const::int(1)]), loc);
        self.setup_annotations_scope(loc, key_of(s), id)?;
        self.visit_expr(value)?;
        self.addop_noarg(RETURN_VALUE, loc);
        let code = self.assemble_unit(false);
        self.units.pop();
        self.make_closure(loc, code?, MAKE_FUNCTION_DEFAULTS)?;
        self.addop_i(BUILD_TUPLE, 3, loc);
        self.addop_i(CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, loc);
        if is_generic {
            let code = self.assemble_unit(false);
            self.units.pop();
            self.make_closure(loc, code?, 0)?;
            self.addop_noarg(PUSH_NULL, loc);
            self.addop_i(CALL, 0, loc);
        }
        self.nameop(id, ExprContext::Store, loc)
    }
}
