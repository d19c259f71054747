//! The first pass: walk the AST, create the scopes, record the raw facts about every name.
//! Mirrors the visitors of CPython's `Python/symtable.c`, including the order in which scopes
//! and names are created (which fixes the order of children and symbols) and its errors.

use super::flags::*;
use super::{
    BlockType, ComprehensionKind, Entry, EntryId, Name, SymbolTable, Symbols, key_of, mangle,
};
use crate::error::{CompileError, CompileResult};
use crate::future::{FutureFeatures, has_docstring};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use taipan_parser::ast::*;

/// How deep the AST may nest before compiling gives up with `RecursionError`.
/// Nesting the symbol table accepts before giving RecursionError. CPython's limit is its C
/// stack, which parser-accepted source never exhausts; the stack here grows on demand
/// (`stacker`), so this only bounds absurd hand-built trees.
const MAX_DEPTH: u32 = 100_000;
const RED_ZONE: usize = 256 * 1024;
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Builds and analyses the symbol table of a module (`exec`), expression (`eval`) or
/// interactive statement (`single`).
pub fn build(module: &Mod, future: &FutureFeatures) -> CompileResult<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable { entries: Vec::new(), top: 0, by_key: HashMap::new() },
        stack: Vec::new(),
        cur: 0,
        global: 0,
        private: None,
        future: *future,
        depth: 0,
    };
    let loc0 = Loc::default();
    let top = b.enter_block(Name::from("top"), BlockType::Module, key_of(module), loc0)?;
    b.table.top = top;
    match module {
        Mod::Module { body, .. } => {
            if has_docstring(body) {
                b.table.entries[top].has_docstring = true;
            }
            for s in body {
                b.visit_stmt(s)?;
            }
        }
        Mod::Interactive { body } => {
            for s in body {
                b.visit_stmt(s)?;
            }
        }
        Mod::Expression { body } => b.visit_expr(body)?,
        Mod::FunctionType { .. } => {
            return Err(CompileError::syntax(
                "this compiler does not handle FunctionTypes",
                Loc::default(),
            ));
        }
    }
    b.exit_block();
    let mut table = b.table;
    super::analyze(&mut table)?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    /// Scopes being visited, innermost last.
    stack: Vec<EntryId>,
    cur: EntryId,
    /// The module scope, whose symbols are CPython's `st_global`.
    global: EntryId,
    /// The class whose body is being visited, for name mangling.
    private: Option<Name>,
    future: FutureFeatures,
    depth: u32,
}

fn name(s: &str) -> Name {
    Name::from(s)
}

impl Builder {
    fn cur(&mut self) -> &mut Entry {
        &mut self.table.entries[self.cur]
    }

    fn enter_recursive(&mut self) -> CompileResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    fn new_entry(&mut self, name: Name, kind: BlockType, key: usize, loc: Loc) -> EntryId {
        let (nested, method) = match self.stack.last() {
            Some(&p) => {
                let parent = &self.table.entries[p];
                (
                    parent.nested || parent.kind.is_function_like(),
                    parent.kind == BlockType::Class && kind == BlockType::Function,
                )
            }
            None => (false, false),
        };
        let id = self.table.entries.len();
        self.table.entries.push(Entry {
            name,
            kind,
            key,
            loc,
            symbols: Symbols::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: ComprehensionKind::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            needs_classdict: false,
            comp_inlined: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            can_see_class_scope: false,
            has_conditional_annotations: false,
            in_conditional_block: false,
            in_unevaluated_annotation: false,
            annotations_used: false,
            has_docstring: false,
            method,
            annotation_block: None,
            mangled_names: None,
            scope_info: None,
        });
        self.table.by_key.insert(key, id);
        id
    }

    /// Makes `id` the current scope; `add_to_children` is false when re-entering a scope that
    /// is already its parent's child (a module's or class's shared `__annotate__` scope).
    fn enter_existing_block(&mut self, id: EntryId, add_to_children: bool) {
        let prev = self.stack.last().copied();
        self.stack.push(id);
        if let Some(p) = prev {
            let (iter_expr, mangled) = {
                let pe = &self.table.entries[p];
                (pe.comp_iter_expr, pe.mangled_names.clone())
            };
            let e = &mut self.table.entries[id];
            e.comp_iter_expr = iter_expr;
            if mangled.is_some() && e.kind != BlockType::Class {
                e.mangled_names = mangled;
            }
        }
        self.cur = id;
        let kind = self.table.entries[id].kind;
        if self.future.annotations && kind == BlockType::Annotation {
            return;
        }
        if kind == BlockType::Module {
            self.global = id;
        }
        if let Some(p) = prev.filter(|_| add_to_children) {
            self.table.entries[p].children.push(id);
        }
    }

    fn enter_block(
        &mut self,
        name: Name,
        kind: BlockType,
        key: usize,
        loc: Loc,
    ) -> CompileResult<EntryId> {
        let id = self.new_entry(name, kind, key, loc);
        self.enter_existing_block(id, true);
        if matches!(kind, BlockType::Annotation | BlockType::TypeVariable | BlockType::TypeAlias) {
            let format = self::name(".format");
            self.add_def(&format, DEF_PARAM, loc)?;
            self.add_def(&format, USE, loc)?;
        }
        Ok(id)
    }

    fn exit_block(&mut self) {
        self.stack.pop();
        if let Some(&top) = self.stack.last() {
            self.cur = top;
        }
    }

    fn maybe_mangle(&self, entry: EntryId, name: &Name) -> Name {
        if let Some(set) = &self.table.entries[entry].mangled_names
            && !set.borrow().contains(name)
        {
            return name.clone();
        }
        match mangle(self.private.as_deref(), name) {
            Some(m) => Name::from(m),
            None => name.clone(),
        }
    }

    fn lookup_entry(&self, entry: EntryId, name: &Name) -> u32 {
        let mangled = self.maybe_mangle(entry, name);
        self.table.entries[entry].symbols.get(&mangled).unwrap_or(0)
    }

    fn lookup(&self, name: &Name) -> u32 {
        self.lookup_entry(self.cur, name)
    }

    fn add_def_helper(
        &mut self,
        name: &Name,
        flag: u32,
        entry: EntryId,
        loc: Loc,
    ) -> CompileResult<()> {
        let mangled = self.maybe_mangle(self.cur, name);
        let ste = &mut self.table.entries[entry];
        let mut val = match ste.symbols.get(&mangled) {
            Some(val) => {
                if flag & DEF_PARAM != 0 && val & DEF_PARAM != 0 {
                    return Err(CompileError::syntax(
                        format!("duplicate argument '{name}' in function definition"),
                        loc,
                    ));
                }
                if flag & DEF_TYPE_PARAM != 0 && val & DEF_TYPE_PARAM != 0 {
                    return Err(CompileError::syntax(
                        format!("duplicate type parameter '{name}'"),
                        loc,
                    ));
                }
                val | flag
            }
            None => flag,
        };
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(CompileError::syntax(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        ste.symbols.set(&mangled, val);
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let g = &mut self.table.entries[self.global].symbols;
            let v = g.get(&mangled).unwrap_or(0) | flag;
            g.set(&mangled, v);
        }
        Ok(())
    }

    fn check_name(&self, name: &str, loc: Loc, ctx: ExprContext) -> CompileResult<()> {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => {
                    return Err(CompileError::syntax("cannot assign to __debug__", loc));
                }
                ExprContext::Del => {
                    return Err(CompileError::syntax("cannot delete __debug__", loc));
                }
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    fn add_def_ctx(
        &mut self,
        name: &Name,
        flag: u32,
        loc: Loc,
        ctx: ExprContext,
    ) -> CompileResult<()> {
        if flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT) != 0 {
            self.check_name(name, loc, ctx)?;
        }
        if flag & DEF_TYPE_PARAM != 0
            && let Some(set) = &self.table.entries[self.cur].mangled_names
        {
            set.borrow_mut().insert(name.clone());
        }
        self.add_def_helper(name, flag, self.cur, loc)
    }

    fn add_def(&mut self, name: &Name, flag: u32, loc: Loc) -> CompileResult<()> {
        let ctx = if flag == USE { ExprContext::Load } else { ExprContext::Store };
        self.add_def_ctx(name, flag, loc, ctx)
    }

    fn add_def_str(&mut self, name: &str, flag: u32, loc: Loc) -> CompileResult<()> {
        self.add_def(&self::name(name), flag, loc)
    }

    fn record_directive(&mut self, name: &Name, loc: Loc) {
        let mangled = self.maybe_mangle(self.cur, name);
        self.cur().directives.push((mangled, loc));
    }

    fn enter_type_param_block(
        &mut self,
        name: &Name,
        key: usize,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
        loc: Loc,
    ) -> CompileResult<()> {
        let current_type = self.table.entries[self.cur].kind;
        self.enter_block(name.clone(), BlockType::TypeParameters, key, loc)?;
        if current_type == BlockType::Class {
            self.cur().can_see_class_scope = true;
            self.add_def_str("__classdict__", USE, loc)?;
        }
        if is_class {
            self.add_def_str(".type_params", DEF_LOCAL, loc)?;
            self.add_def_str(".type_params", USE, loc)?;
            self.add_def_str(".generic_base", DEF_LOCAL, loc)?;
            self.add_def_str(".generic_base", USE, loc)?;
        }
        if has_defaults {
            self.add_def_str(".defaults", DEF_PARAM, loc)?;
        }
        if has_kwdefaults {
            self.add_def_str(".kwdefaults", DEF_PARAM, loc)?;
        }
        Ok(())
    }

    fn allows_top_level_await(&self) -> bool {
        self.future.allow_top_level_await && self.table.entries[self.cur].kind == BlockType::Module
    }

    fn is_async_def(&self) -> bool {
        let e = &self.table.entries[self.cur];
        e.kind == BlockType::Function && e.coroutine
    }

    // ----- statements -----

    fn visit_stmts(&mut self, body: &[Stmt]) -> CompileResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn in_conditional<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> CompileResult<T>,
    ) -> CompileResult<T> {
        let saved = self.cur().in_conditional_block;
        self.cur().in_conditional_block = true;
        let r = f(self);
        // On error the table is discarded, so restoring only on success is enough; restore
        // regardless to keep the state consistent.
        self.cur().in_conditional_block = saved;
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_function(
        &mut self,
        s: &Stmt,
        fname: &Identifier,
        args: &Arguments,
        body: &[Stmt],
        decorator_list: &[Expr],
        returns: Option<&Expr>,
        type_params: &Vec<TypeParam>,
        is_async: bool,
    ) -> CompileResult<()> {
        let fname = name(fname);
        self.add_def(&fname, DEF_LOCAL, s.loc)?;
        self.visit_exprs(&args.defaults)?;
        self.visit_opt_exprs(&args.kw_defaults)?;
        self.visit_exprs(decorator_list)?;
        if !type_params.is_empty() {
            let has_kwdefaults = args.kw_defaults.iter().any(Option::is_some);
            // CPython tests the `defaults` sequence pointer, which the parser always sets: a
            // generic function's type-parameter scope always has `.defaults`.
            self.enter_type_param_block(
                &fname,
                key_of(type_params),
                true,
                has_kwdefaults,
                false,
                s.loc,
            )?;
            for tp in type_params {
                self.visit_type_param(tp)?;
            }
        }
        let new_ste = self.new_entry(fname.clone(), BlockType::Function, key_of(s), s.loc);
        if has_docstring(body) {
            self.table.entries[new_ste].has_docstring = true;
        }
        self.visit_annotations(s, args, returns)?;
        self.enter_existing_block(new_ste, true);
        if is_async {
            self.cur().coroutine = true;
        }
        self.visit_arguments(args)?;
        self.visit_stmts(body)?;
        self.exit_block();
        if !type_params.is_empty() {
            self.exit_block();
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> CompileResult<()> {
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.visit_stmt_unguarded(s))
    }

    fn visit_stmt_unguarded(&mut self, s: &Stmt) -> CompileResult<()> {
        self.enter_recursive()?;
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                ..
            } => self.visit_function(
                s,
                name,
                args,
                body,
                decorator_list,
                returns.as_deref(),
                type_params,
                false,
            )?,
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_params,
                ..
            } => self.visit_function(
                s,
                name,
                args,
                body,
                decorator_list,
                returns.as_deref(),
                type_params,
                true,
            )?,
            StmtKind::ClassDef {
                name: cname,
                bases,
                keywords,
                body,
                decorator_list,
                type_params,
            } => {
                let cname = name(cname);
                self.add_def(&cname, DEF_LOCAL, s.loc)?;
                self.visit_exprs(decorator_list)?;
                let saved_private = self.private.clone();
                if !type_params.is_empty() {
                    self.enter_type_param_block(
                        &cname,
                        key_of(type_params),
                        false,
                        false,
                        true,
                        s.loc,
                    )?;
                    self.private = Some(cname.clone());
                    self.cur().mangled_names = Some(Rc::new(RefCell::new(HashSet::new())));
                    for tp in type_params {
                        self.visit_type_param(tp)?;
                    }
                }
                self.visit_exprs(bases)?;
                self.check_keywords(keywords)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.enter_block(cname.clone(), BlockType::Class, key_of(s), s.loc)?;
                self.private = Some(cname);
                if !type_params.is_empty() {
                    self.add_def_str("__type_params__", DEF_LOCAL, s.loc)?;
                    self.add_def_str(".type_params", USE, s.loc)?;
                }
                if has_docstring(body) {
                    self.cur().has_docstring = true;
                }
                self.visit_stmts(body)?;
                self.exit_block();
                if !type_params.is_empty() {
                    self.exit_block();
                }
                self.private = saved_private;
            }
            StmtKind::TypeAlias { name: alias, type_params, value } => {
                self.visit_expr(alias)?;
                let ExprKind::Name { id, .. } = &alias.kind else {
                    return Err(CompileError::syntax("type alias name must be a Name", alias.loc));
                };
                let aname = name(id);
                let is_in_class = self.table.entries[self.cur].kind == BlockType::Class;
                let is_generic = !type_params.is_empty();
                if is_generic {
                    self.enter_type_param_block(
                        &aname,
                        key_of(type_params),
                        false,
                        false,
                        false,
                        s.loc,
                    )?;
                    for tp in type_params {
                        self.visit_type_param(tp)?;
                    }
                }
                self.enter_block(aname, BlockType::TypeAlias, key_of(s), s.loc)?;
                self.cur().can_see_class_scope = is_in_class;
                if is_in_class {
                    self.add_def_str("__classdict__", USE, value.loc)?;
                }
                self.visit_expr(value)?;
                self.exit_block();
                if is_generic {
                    self.exit_block();
                }
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.cur().annotations_used = true;
                if let ExprKind::Name { id, .. } = &target.kind {
                    let id = name(id);
                    let cur = self.lookup(&id);
                    let is_module = self.cur == self.global;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_module && *simple != 0 {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(CompileError::syntax(msg, s.loc));
                    }
                    if *simple != 0 {
                        self.add_def(&id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(&id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                let key = self.table.entries[self.cur].key + 1;
                self.visit_annotation(annotation, key)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.in_conditional(|b| {
                    b.visit_stmts(body)?;
                    b.visit_stmts(orelse)
                })?;
            }
            StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.in_conditional(|b| {
                    b.visit_stmts(body)?;
                    b.visit_stmts(orelse)
                })?;
            }
            StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.in_conditional(|b| {
                    b.visit_stmts(body)?;
                    b.visit_stmts(orelse)
                })?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                self.in_conditional(|b| {
                    for c in cases {
                        b.visit_pattern(&c.pattern)?;
                        if let Some(g) = &c.guard {
                            b.visit_expr(g)?;
                        }
                        b.visit_stmts(&c.body)?;
                    }
                    Ok(())
                })?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.in_conditional(|b| {
                    b.visit_stmts(body)?;
                    for h in handlers {
                        if let Some(t) = &h.type_ {
                            b.visit_expr(t)?;
                        }
                        if let Some(n) = &h.name {
                            b.add_def(&name(n), DEF_LOCAL, h.loc)?;
                        }
                        b.visit_stmts(&h.body)?;
                    }
                    b.visit_stmts(orelse)?;
                    b.visit_stmts(finalbody)
                })?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                for a in names {
                    self.visit_alias(a)?;
                }
                self.check_import_from(s, module.as_deref(), *level)?;
            }
            StmtKind::Global { names } => self.visit_directive(s, names, true)?,
            StmtKind::Nonlocal { names } => self.visit_directive(s, names, false)?,
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } => {
                self.in_conditional(|b| {
                    b.visit_withitems(items)?;
                    b.visit_stmts(body)
                })?;
            }
            StmtKind::AsyncWith { items, body, .. } => {
                self.raise_if_not_coroutine("'async with' outside async function", s.loc)?;
                self.in_conditional(|b| {
                    b.visit_withitems(items)?;
                    b.visit_stmts(body)
                })?;
            }
            StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.raise_if_not_coroutine("'async for' outside async function", s.loc)?;
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.in_conditional(|b| {
                    b.visit_stmts(body)?;
                    b.visit_stmts(orelse)
                })?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_directive(
        &mut self,
        s: &Stmt,
        names: &[Identifier],
        global: bool,
    ) -> CompileResult<()> {
        let what = if global { "global" } else { "nonlocal" };
        for n in names {
            let n = name(n);
            let cur = self.lookup(&n);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{n}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{n}' is used prior to {what} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{n}' can't be {what}")
                } else {
                    format!("name '{n}' is assigned to before {what} declaration")
                };
                return Err(CompileError::syntax(msg, s.loc));
            }
            self.add_def(&n, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, s.loc)?;
            self.record_directive(&n, s.loc);
        }
        Ok(())
    }

    fn check_import_from(&self, s: &Stmt, module: Option<&str>, level: i32) -> CompileResult<()> {
        if module == Some("__future__") && level == 0 {
            let after = match self.future.location {
                None => true,
                Some(fut) => {
                    s.loc.lineno > fut.lineno
                        || (s.loc.lineno == fut.end_lineno && s.loc.col_offset > fut.end_col_offset)
                }
            };
            if after {
                return Err(CompileError::syntax(
                    "from __future__ imports must occur at the beginning of the file",
                    s.loc,
                ));
            }
        }
        Ok(())
    }

    fn raise_if_not_coroutine(&mut self, msg: &str, loc: Loc) -> CompileResult<()> {
        if self.allows_top_level_await() {
            self.cur().coroutine = true;
        }
        if !self.table.entries[self.cur].coroutine {
            return Err(CompileError::syntax(msg, loc));
        }
        Ok(())
    }

    fn visit_withitems(&mut self, items: &[WithItem]) -> CompileResult<()> {
        for item in items {
            self.visit_expr(&item.context_expr)?;
            if let Some(v) = &item.optional_vars {
                self.visit_expr(v)?;
            }
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &Alias) -> CompileResult<()> {
        let full = a.asname.as_deref().unwrap_or(&a.name);
        if full == "*" {
            if self.table.entries[self.cur].kind != BlockType::Module {
                return Err(CompileError::syntax("import * only allowed at module level", a.loc));
            }
            return Ok(());
        }
        let store = full.split('.').next().unwrap_or(full);
        self.add_def(&name(store), DEF_IMPORT, a.loc)
    }

    fn check_keywords(&self, keywords: &[Keyword]) -> CompileResult<()> {
        for k in keywords {
            if let Some(arg) = &k.arg {
                self.check_name(arg, k.loc, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    // ----- annotations, arguments, type parameters -----

    fn visit_annotation(&mut self, annotation: &Expr, key: usize) -> CompileResult<()> {
        let cur_kind = self.table.entries[self.cur].kind;
        let is_unevaluated = cur_kind == BlockType::Function;
        {
            let e = &self.table.entries[self.cur];
            // A module's annotations always count as conditional (its code may stop part way);
            // a class's only inside a conditional block (checked against the oracle).
            let conditional = match cur_kind {
                BlockType::Module => true,
                BlockType::Class => e.in_conditional_block,
                _ => false,
            };
            if conditional && !e.has_conditional_annotations {
                self.cur().has_conditional_annotations = true;
                self.add_def_str("__conditional_annotations__", USE, annotation.loc)?;
            }
        }
        let parent = self.cur;
        match self.table.entries[parent].annotation_block {
            None => {
                let id = self.enter_block(
                    name("__annotate__"),
                    BlockType::Annotation,
                    key,
                    annotation.loc,
                )?;
                self.table.entries[parent].annotation_block = Some(id);
                if cur_kind == BlockType::Class && !self.future.annotations {
                    self.cur().can_see_class_scope = true;
                    self.add_def_str("__classdict__", USE, annotation.loc)?;
                }
            }
            Some(id) => self.enter_existing_block(id, false),
        }
        if is_unevaluated {
            self.cur().in_unevaluated_annotation = true;
        }
        let r = self.visit_expr(annotation);
        if is_unevaluated {
            self.cur().in_unevaluated_annotation = false;
        }
        self.exit_block();
        r
    }

    fn visit_arg_annotations(&mut self, args: &[Arg]) -> CompileResult<()> {
        for a in args {
            if let Some(ann) = &a.annotation {
                self.cur().annotations_used = true;
                self.visit_expr(ann)?;
            }
        }
        Ok(())
    }

    fn visit_annotations(
        &mut self,
        s: &Stmt,
        args: &Arguments,
        returns: Option<&Expr>,
    ) -> CompileResult<()> {
        let (is_in_class, current_type) = {
            let e = &self.table.entries[self.cur];
            (e.can_see_class_scope, e.kind)
        };
        self.enter_block(name("__annotate__"), BlockType::Annotation, key_of(args), s.loc)?;
        if is_in_class || current_type == BlockType::Class {
            self.cur().can_see_class_scope = true;
            self.add_def_str("__classdict__", USE, s.loc)?;
        }
        self.visit_arg_annotations(&args.posonlyargs)?;
        self.visit_arg_annotations(&args.args)?;
        if let Some(ann) = args.vararg.as_ref().and_then(|a| a.annotation.as_ref()) {
            self.cur().annotations_used = true;
            self.visit_expr(ann)?;
        }
        if let Some(ann) = args.kwarg.as_ref().and_then(|a| a.annotation.as_ref()) {
            self.cur().annotations_used = true;
            self.visit_expr(ann)?;
        }
        self.visit_arg_annotations(&args.kwonlyargs)?;
        if let Some(r) = returns {
            self.cur().annotations_used = true;
            self.visit_expr(r)?;
        }
        self.exit_block();
        Ok(())
    }

    fn visit_params(&mut self, args: &[Arg]) -> CompileResult<()> {
        for a in args {
            self.add_def(&name(&a.arg), DEF_PARAM, a.loc)?;
        }
        Ok(())
    }

    fn visit_arguments(&mut self, args: &Arguments) -> CompileResult<()> {
        self.visit_params(&args.posonlyargs)?;
        self.visit_params(&args.args)?;
        self.visit_params(&args.kwonlyargs)?;
        if let Some(a) = &args.vararg {
            self.add_def(&name(&a.arg), DEF_PARAM, a.loc)?;
            self.cur().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&name(&a.arg), DEF_PARAM, a.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_type_param_bound_or_default(
        &mut self,
        e: Option<&Expr>,
        tpname: &Name,
        tp: &TypeParam,
        key: usize,
        scope_info: &'static str,
    ) -> CompileResult<()> {
        if &**tpname == "__classdict__" {
            return Err(CompileError::syntax(
                format!("reserved name '{tpname}' cannot be used for type parameter"),
                tp.loc,
            ));
        }
        if let Some(e) = e {
            let is_in_class = self.table.entries[self.cur].can_see_class_scope;
            self.enter_block(tpname.clone(), BlockType::TypeVariable, key, e.loc)?;
            self.cur().can_see_class_scope = is_in_class;
            if is_in_class {
                self.add_def_str("__classdict__", USE, e.loc)?;
            }
            self.cur().scope_info = Some(scope_info);
            self.visit_expr(e)?;
            self.exit_block();
        }
        Ok(())
    }

    fn visit_type_param(&mut self, tp: &TypeParam) -> CompileResult<()> {
        self.enter_recursive()?;
        let key = key_of(tp);
        match &tp.kind {
            TypeParamKind::TypeVar { name: n, bound, default_value } => {
                let n = name(n);
                self.add_def(&n, DEF_TYPE_PARAM | DEF_LOCAL, tp.loc)?;
                let info = match bound.as_deref() {
                    Some(Expr { kind: ExprKind::Tuple { .. }, .. }) => "a TypeVar constraint",
                    _ => "a TypeVar bound",
                };
                self.visit_type_param_bound_or_default(bound.as_deref(), &n, tp, key, info)?;
                self.visit_type_param_bound_or_default(
                    default_value.as_deref(),
                    &n,
                    tp,
                    key + 1,
                    "a TypeVar default",
                )?;
            }
            TypeParamKind::TypeVarTuple { name: n, default_value } => {
                let n = name(n);
                self.add_def(&n, DEF_TYPE_PARAM | DEF_LOCAL, tp.loc)?;
                self.visit_type_param_bound_or_default(
                    default_value.as_deref(),
                    &n,
                    tp,
                    key,
                    "a TypeVarTuple default",
                )?;
            }
            TypeParamKind::ParamSpec { name: n, default_value } => {
                let n = name(n);
                self.add_def(&n, DEF_TYPE_PARAM | DEF_LOCAL, tp.loc)?;
                self.visit_type_param_bound_or_default(
                    default_value.as_deref(),
                    &n,
                    tp,
                    key,
                    "a ParamSpec default",
                )?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    // ----- patterns -----

    fn visit_pattern(&mut self, p: &Pattern) -> CompileResult<()> {
        self.enter_recursive()?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchStar { name: n } => {
                if let Some(n) = n {
                    self.add_def(&name(n), DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(&name(r), DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.visit_expr(cls)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                for (attr, q) in kwd_attrs.iter().zip(kwd_patterns) {
                    self.check_name(attr, q.loc, ExprContext::Store)?;
                }
                for q in kwd_patterns {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name: n } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = n {
                    self.add_def(&name(n), DEF_LOCAL, p.loc)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    // ----- expressions -----

    fn visit_exprs(&mut self, exprs: &[Expr]) -> CompileResult<()> {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_opt_exprs(&mut self, exprs: &[Option<Expr>]) -> CompileResult<()> {
        for e in exprs.iter().flatten() {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> CompileResult<()> {
        let ste = &self.table.entries[self.cur];
        let msg = match ste.kind {
            BlockType::Annotation => format!("{what} cannot be used within an annotation"),
            BlockType::TypeVariable => {
                format!(
                    "{what} cannot be used within {}",
                    ste.scope_info.unwrap_or("a TypeVar bound")
                )
            }
            BlockType::TypeAlias => format!("{what} cannot be used within a type alias"),
            BlockType::TypeParameters => {
                format!("{what} cannot be used within the definition of a generic")
            }
            _ => return Ok(()),
        };
        Err(CompileError::syntax(msg, e.loc))
    }

    fn raise_if_comprehension_block(&self, e: &Expr) -> CompileResult<()> {
        let msg = match self.table.entries[self.cur].comprehension {
            ComprehensionKind::List => "'yield' inside list comprehension",
            ComprehensionKind::Set => "'yield' inside set comprehension",
            ComprehensionKind::Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        Err(CompileError::syntax(msg, e.loc))
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CompileResult<()> {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        let target_name = name(id);
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let kind = self.table.entries[ste].kind;
            if self.table.entries[ste].comprehension != ComprehensionKind::None {
                let in_scope = self.lookup_entry(ste, &target_name);
                if in_scope & DEF_COMP_ITER != 0 && in_scope & DEF_LOCAL != 0 {
                    return Err(CompileError::syntax(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{target_name}'"
                        ),
                        target.loc,
                    ));
                }
                continue;
            }
            match kind {
                BlockType::Function => {
                    let in_scope = self.lookup_entry(ste, &target_name);
                    let flag = if in_scope & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(&target_name, flag, target.loc)?;
                    self.record_directive(&target_name, target.loc);
                    return self.add_def_helper(&target_name, DEF_LOCAL, ste, target.loc);
                }
                BlockType::Module => {
                    self.add_def(&target_name, DEF_GLOBAL, target.loc)?;
                    self.record_directive(&target_name, target.loc);
                    return self.add_def_helper(&target_name, DEF_GLOBAL, ste, target.loc);
                }
                BlockType::Class => {
                    return Err(CompileError::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.loc,
                    ));
                }
                BlockType::TypeParameters => {
                    return Err(CompileError::syntax(
                        "assignment expression within a comprehension cannot be used within the definition of a generic",
                        target.loc,
                    ));
                }
                BlockType::TypeAlias => {
                    return Err(CompileError::syntax(
                        "assignment expression within a comprehension cannot be used in a type alias",
                        target.loc,
                    ));
                }
                BlockType::TypeVariable => {
                    return Err(CompileError::syntax(
                        "assignment expression within a comprehension cannot be used in a TypeVar bound",
                        target.loc,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    fn handle_namedexpr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> CompileResult<()> {
        if self.table.entries[self.cur].comp_iter_expr > 0 {
            return Err(CompileError::syntax(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.loc,
            ));
        }
        if self.table.entries[self.cur].comprehension != ComprehensionKind::None {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    fn visit_expr(&mut self, e: &Expr) -> CompileResult<()> {
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.visit_expr_unguarded(e))
    }

    fn visit_expr_unguarded(&mut self, e: &Expr) -> CompileResult<()> {
        self.enter_recursive()?;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.handle_namedexpr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                self.visit_opt_exprs(&args.kw_defaults)?;
                self.enter_block(name("lambda"), BlockType::Function, key_of(e), e.loc)?;
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                self.visit_opt_exprs(keys)?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => self.handle_comprehension(
                e,
                "genexpr",
                ComprehensionKind::Generator,
                generators,
                elt,
                None,
            )?,
            ExprKind::ListComp { elt, generators } => self.handle_comprehension(
                e,
                "listcomp",
                ComprehensionKind::List,
                generators,
                elt,
                None,
            )?,
            ExprKind::SetComp { elt, generators } => self.handle_comprehension(
                e,
                "setcomp",
                ComprehensionKind::Set,
                generators,
                elt,
                None,
            )?,
            ExprKind::DictComp { key, value, generators } => self.handle_comprehension(
                e,
                "dictcomp",
                ComprehensionKind::Dict,
                generators,
                key,
                Some(value),
            )?,
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                if self.table.entries[self.cur].comprehension != ComprehensionKind::None {
                    return self.raise_if_comprehension_block(e);
                }
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.cur().generator = true;
                if self.table.entries[self.cur].comprehension != ComprehensionKind::None {
                    return self.raise_if_comprehension_block(e);
                }
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                if !self.allows_top_level_await() {
                    let ste = &self.table.entries[self.cur];
                    if !ste.kind.is_function_like() {
                        return Err(CompileError::syntax("'await' outside function", e.loc));
                    }
                    if !self.is_async_def() && ste.comprehension == ComprehensionKind::None {
                        return Err(CompileError::syntax("'await' outside async function", e.loc));
                    }
                }
                self.visit_expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                self.check_keywords(keywords)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::Interpolation { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                self.visit_exprs(values)?
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, attr, ctx } => {
                self.check_name(attr, e.loc, *ctx)?;
                self.visit_expr(value)?;
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                if !self.table.entries[self.cur].in_unevaluated_annotation {
                    let id = name(id);
                    let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                    self.add_def_ctx(&id, flag, e.loc, *ctx)?;
                    if *ctx == ExprContext::Load
                        && self.table.entries[self.cur].kind.is_function_like()
                        && &*id == "super"
                    {
                        self.add_def_str("__class__", USE, e.loc)?;
                    }
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_comprehension(&mut self, c: &Comprehension) -> CompileResult<()> {
        self.cur().comp_iter_target = true;
        self.visit_expr(&c.target)?;
        self.cur().comp_iter_target = false;
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&c.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.visit_exprs(&c.ifs)?;
        if c.is_async != 0 {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        scope_name: &str,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CompileResult<()> {
        let is_generator = kind == ComprehensionKind::Generator;
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter_block(name(scope_name), BlockType::Function, key_of(e), e.loc)?;
        self.cur().comprehension = kind;
        if outermost.is_async != 0 {
            self.cur().coroutine = true;
        }
        let loc = self.table.entries[self.cur].loc;
        self.add_def_str(".0", DEF_PARAM, loc)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.visit_comprehension(g)?;
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.cur().generator = is_generator;
        let is_async = self.table.entries[self.cur].coroutine && !is_generator;
        self.exit_block();
        if is_async
            && !self.is_async_def()
            && self.table.entries[self.cur].comprehension == ComprehensionKind::None
            && !self.allows_top_level_await()
        {
            return Err(CompileError::syntax(
                "asynchronous comprehension outside of an asynchronous function",
                e.loc,
            ));
        }
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}
