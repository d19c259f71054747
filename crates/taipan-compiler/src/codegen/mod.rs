//! Code generation: AST → instruction sequence, after CPython 3.14's `Python/codegen.c`.
//!
//! This file holds what the statement and expression visitors share: the frame-block stack
//! (loops, `try`, `with`, handlers) and its unwinding for `return`/`break`/`continue`, the
//! module body (docstring, deferred annotations), name resolution (`codegen_nameop`), the
//! conditional-jump helper and the `yield from`/`await` loop. The visitors live in [`stmt`],
//! [`expr`], [`call`], [`comprehension`], [`function`], [`exceptions`] and [`pattern`].

pub mod call;
pub mod comprehension;
pub mod exceptions;
pub mod expr;
pub mod function;
pub mod pattern;
pub mod stmt;

use crate::compile::{Compiler, ScopeType};
use crate::error::{CompileError, CompileResult};
use crate::instr::{Label, Location, NO_LOCATION};
use crate::symtable::{BlockType, Scope};
use taipan_bytecode::Const;
use taipan_bytecode::opcodes::*;
use taipan_common::PyStr;
use taipan_parser::ast::{BoolOp, CmpOp, Constant, Expr, ExprContext, ExprKind, Stmt, StmtKind};

/// Maximum nesting of frame blocks (`CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 21;

/// `RESUME` opargs.
pub const RESUME_AFTER_YIELD: i32 = 1;
pub const RESUME_AFTER_YIELD_FROM: i32 = 2;
pub const RESUME_AFTER_AWAIT: i32 = 3;

/// `CALL_INTRINSIC_1` operands.
pub const INTRINSIC_PRINT: i32 = 1;
pub const INTRINSIC_IMPORT_STAR: i32 = 2;
pub const INTRINSIC_STOPITERATION_ERROR: i32 = 3;
pub const INTRINSIC_ASYNC_GEN_WRAP: i32 = 4;
pub const INTRINSIC_UNARY_POSITIVE: i32 = 5;
pub const INTRINSIC_LIST_TO_TUPLE: i32 = 6;
pub const INTRINSIC_TYPEVAR: i32 = 7;
pub const INTRINSIC_PARAMSPEC: i32 = 8;
pub const INTRINSIC_TYPEVARTUPLE: i32 = 9;
pub const INTRINSIC_SUBSCRIPT_GENERIC: i32 = 10;
pub const INTRINSIC_TYPEALIAS: i32 = 11;
/// `CALL_INTRINSIC_2` operands.
pub const INTRINSIC_PREP_RERAISE_STAR: i32 = 1;
pub const INTRINSIC_TYPEVAR_WITH_BOUND: i32 = 2;
pub const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: i32 = 3;
pub const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: i32 = 4;
pub const INTRINSIC_SET_TYPEPARAM_DEFAULT: i32 = 5;

/// `SET_FUNCTION_ATTRIBUTE` flags.
pub const MAKE_FUNCTION_DEFAULTS: i32 = 0x01;
pub const MAKE_FUNCTION_KWDEFAULTS: i32 = 0x02;
pub const MAKE_FUNCTION_ANNOTATIONS: i32 = 0x04;
pub const MAKE_FUNCTION_CLOSURE: i32 = 0x08;
pub const MAKE_FUNCTION_ANNOTATE: i32 = 0x10;

/// `LOAD_COMMON_CONSTANT` operands.
pub const CONSTANT_ASSERTIONERROR: i32 = 0;
pub const CONSTANT_NOTIMPLEMENTEDERROR: i32 = 1;
pub const CONSTANT_BUILTIN_TUPLE: i32 = 2;
pub const CONSTANT_BUILTIN_ALL: i32 = 3;
pub const CONSTANT_BUILTIN_ANY: i32 = 4;

/// `LOAD_SPECIAL` operands.
pub const SPECIAL_ENTER: i32 = 0;
pub const SPECIAL_EXIT: i32 = 1;
pub const SPECIAL_AENTER: i32 = 2;
pub const SPECIAL_AEXIT: i32 = 3;

/// The `.format` parameter value above which `__annotate__` raises `NotImplementedError`.
const ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS: i64 = 2;

/// Kinds of frame block (`COMPILE_FBLOCK_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
    AsyncForLoop,
}

/// What a frame block carries for its unwinding.
#[derive(Clone, Copy, Debug)]
pub enum FBlockDatum<'a> {
    None,
    /// A `try`'s `finally` body, re-emitted on every exit through it.
    FinalBody(&'a [Stmt]),
    /// The `as` name of an `except` clause, cleared on exit.
    Name(&'a str),
}

#[derive(Clone, Copy, Debug)]
pub struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<Label>,
    pub exit: Option<Label>,
    pub loc: Location,
    pub datum: FBlockDatum<'a>,
}

/// `LOC(x)` for an expression.
pub fn loc_e(e: &Expr) -> Location {
    Location::of(&e.loc)
}

/// `LOC(x)` for a statement.
pub fn loc_s(s: &Stmt) -> Location {
    Location::of(&s.loc)
}

/// The constant a `Constant` node holds, as a code-object constant.
pub fn const_of(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(dashu_int::IBig::from(i.clone())),
        Constant::Float(f) => Const::Float(*f),
        Constant::Complex { real, imag } => Const::Complex { re: *real, im: *imag },
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.to_vec()),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Tuple(items) => Const::Tuple(items.iter().map(const_of).collect()),
    }
}

/// `inspect.cleandoc`-like docstring cleaning the compiler does (`_PyCompile_CleanDoc`):
/// tabs expanded, the first line's leading spaces and the common margin of the others removed.
pub fn clean_doc(doc: &PyStr) -> PyStr {
    let mut cps: Vec<u32> = Vec::new();
    let mut col = 0usize;
    for c in doc.code_points() {
        match c {
            0x09 => {
                let n = 8 - col % 8;
                cps.extend(std::iter::repeat_n(0x20, n));
                col += n;
            }
            0x0A | 0x0D => {
                cps.push(c);
                col = 0;
            }
            _ => {
                cps.push(c);
                col += 1;
            }
        }
    }
    let nl = 0x0A;
    let sp = 0x20;
    let n = cps.len();
    let mut p = 0;
    while p < n {
        p += 1;
        if cps[p - 1] == nl {
            break;
        }
    }
    let mut margin = usize::MAX;
    while p < n {
        let s = p;
        while p < n && cps[p] == sp {
            p += 1;
        }
        if p < n && cps[p] != nl {
            margin = margin.min(p - s);
        }
        while p < n {
            p += 1;
            if cps[p - 1] == nl {
                break;
            }
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut p = 0;
    while p < n && cps[p] == sp {
        p += 1;
    }
    if p == 0 && margin == 0 {
        return PyStr::from_code_points(cps);
    }
    let mut out = Vec::with_capacity(n);
    while p < n {
        let ch = cps[p];
        out.push(ch);
        p += 1;
        if ch == nl {
            break;
        }
    }
    while p < n {
        for _ in 0..margin {
            if p >= n || cps[p] != sp {
                break;
            }
            p += 1;
        }
        while p < n {
            let ch = cps[p];
            out.push(ch);
            p += 1;
            if ch == nl {
                break;
            }
        }
    }
    PyStr::from_code_points(out)
}

/// The docstring of a body, if it starts with one.
pub fn docstring_of(body: &[Stmt]) -> Option<&PyStr> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr { value }) => match &value.kind {
            ExprKind::Constant { value: Constant::Str(s), .. } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn error(&self, msg: impl Into<String>, loc: Location) -> CompileError {
        CompileError::syntax(
            msg,
            taipan_parser::ast::Loc::new(
                loc.lineno.max(0) as u32,
                loc.col.max(0) as u32,
                loc.end_lineno.max(0) as u32,
                loc.end_col.max(0) as u32,
            ),
        )
    }

    // ----- frame blocks -----

    pub fn push_fblock(
        &mut self,
        loc: Location,
        kind: FBlockKind,
        block: Option<Label>,
        exit: Option<Label>,
        datum: FBlockDatum<'a>,
    ) -> CompileResult<()> {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", loc));
        }
        self.u().fblocks.push(FBlock { kind, block, exit, loc, datum });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    fn unwind_fblock(
        &mut self,
        ploc: &mut Location,
        info: &FBlock<'a>,
        preserve_tos: bool,
    ) -> CompileResult<()> {
        use FBlockKind::*;
        match info.kind {
            WhileLoop
            | ExceptionHandler
            | ExceptionGroupHandler
            | AsyncComprehensionGenerator
            | StopIteration => {}
            ForLoop => {
                if preserve_tos {
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.addop_noarg(POP_TOP, *ploc);
            }
            AsyncForLoop => {
                if preserve_tos {
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.addop_noarg(POP_TOP, *ploc);
            }
            TryExcept => self.addop(POP_BLOCK, 0, *ploc),
            FinallyTry => {
                self.addop(POP_BLOCK, 0, *ploc);
                if preserve_tos {
                    self.push_fblock(*ploc, PopValue, None, None, FBlockDatum::None)?;
                }
                if let FBlockDatum::FinalBody(body) = info.datum {
                    self.visit_stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                *ploc = NO_LOCATION;
            }
            FinallyEnd => {
                if preserve_tos {
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.addop_noarg(POP_TOP, *ploc);
                if preserve_tos {
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.addop(POP_BLOCK, 0, *ploc);
                self.addop_noarg(POP_EXCEPT, *ploc);
            }
            With | AsyncWith => {
                *ploc = info.loc;
                self.addop(POP_BLOCK, 0, *ploc);
                if preserve_tos {
                    self.addop_i(SWAP, 3, *ploc);
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.call_exit_with_nones(*ploc);
                if info.kind == AsyncWith {
                    self.addop_i(GET_AWAITABLE, 2, *ploc);
                    self.load_const(Const::None, *ploc);
                    self.add_yield_from(*ploc, true);
                }
                self.addop_noarg(POP_TOP, *ploc);
                *ploc = NO_LOCATION;
            }
            HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.addop(POP_BLOCK, 0, *ploc);
                }
                if preserve_tos {
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.addop(POP_BLOCK, 0, *ploc);
                self.addop_noarg(POP_EXCEPT, *ploc);
                if let Some(n) = name {
                    self.load_const(Const::None, *ploc);
                    self.nameop(n, ExprContext::Store, *ploc)?;
                    self.nameop(n, ExprContext::Del, *ploc)?;
                }
            }
            PopValue => {
                if preserve_tos {
                    self.addop_i(SWAP, 2, *ploc);
                }
                self.addop_noarg(POP_TOP, *ploc);
            }
        }
        Ok(())
    }

    /// Unwinds the frame-block stack; with `want_loop`, stops at the innermost loop and
    /// returns it.
    pub fn unwind_fblock_stack(
        &mut self,
        ploc: &mut Location,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CompileResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                *ploc,
            ));
        }
        if want_loop
            && matches!(
                top.kind,
                FBlockKind::WhileLoop | FBlockKind::ForLoop | FBlockKind::AsyncForLoop
            )
        {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(ploc, &top, preserve_tos)?;
        let r = self.unwind_fblock_stack(ploc, preserve_tos, want_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    pub fn call_exit_with_nones(&mut self, loc: Location) {
        self.load_const(Const::None, loc);
        self.load_const(Const::None, loc);
        self.load_const(Const::None, loc);
        self.addop_i(CALL, 3, loc);
    }

    /// The `SEND` loop of `yield from` and `await` (`codegen_add_yield_from`).
    pub fn add_yield_from(&mut self, loc: Location, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.jump(SEND as u16, exit, loc);
        self.jump(SETUP_FINALLY, fail, loc);
        self.addop_i(YIELD_VALUE, 1, loc);
        self.addop(POP_BLOCK, 0, NO_LOCATION);
        self.addop_i(
            RESUME,
            if is_await { RESUME_AFTER_AWAIT } else { RESUME_AFTER_YIELD_FROM },
            loc,
        );
        self.jump(JUMP_NO_INTERRUPT, send, loc);
        self.use_label(fail);
        self.addop_noarg(CLEANUP_THROW, loc);
        self.use_label(exit);
        self.addop_noarg(END_SEND, loc);
    }

    pub fn pop_except_and_reraise(&mut self, loc: Location) {
        self.addop_i(COPY, 3, loc);
        self.addop_noarg(POP_EXCEPT, loc);
        self.addop_i(RERAISE, 1, loc);
    }

    pub fn addop_yield(&mut self, loc: Location) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.addop_i(CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, loc);
        }
        self.addop_i(YIELD_VALUE, 0, loc);
        self.addop_i(RESUME, RESUME_AFTER_YIELD, loc);
    }

    // ----- module and class bodies -----

    /// `_PyCodegen_Module`.
    pub fn codegen_module(&mut self, body: &'a [Stmt], interactive: bool) -> CompileResult<()> {
        // `start_location`: the first statement's location.
        let loc = body.first().map_or(Location::new(1, 1, 0, 0), loc_s);
        if self.ste().has_conditional_annotations {
            self.addop_i(BUILD_SET, 0, loc);
            let i = self.u().names.add("__conditional_annotations__") as i32;
            self.addop_i(STORE_NAME, i, loc);
        }
        self.codegen_body(loc, body, interactive)
    }

    /// `codegen_body`: docstring, statements, deferred annotations.
    pub fn codegen_body(
        &mut self,
        loc: Location,
        body: &'a [Stmt],
        interactive: bool,
    ) -> CompileResult<()> {
        let future_annotations = self.future.annotations;
        if future_annotations && self.ste().annotations_used {
            self.addop_noarg(SETUP_ANNOTATIONS, loc);
        }
        if body.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if !interactive
            && self.ste().has_docstring
            && let Some(doc) = docstring_of(body)
        {
            first = 1;
            let cleaned = clean_doc(doc);
            let StmtKind::Expr { value } = &body[0].kind else { unreachable!() };
            self.load_const(Const::Str(cleaned), loc_e(value));
            self.nameop("__doc__", ExprContext::Store, NO_LOCATION)?;
        }
        for s in &body[first..] {
            self.visit_stmt(s)?;
        }
        if !future_annotations {
            self.process_deferred_annotations(loc)?;
        }
        Ok(())
    }

    /// `codegen_process_deferred_annotations`: the `__annotate__` function of a module or
    /// class body, from the simple annotated names collected while compiling it.
    fn process_deferred_annotations(&mut self, loc: Location) -> CompileResult<()> {
        let deferred = std::mem::take(&mut self.u().deferred_annotations);
        if deferred.is_empty() {
            return Ok(());
        }
        let scope_type = self.ur().scope_type;
        let is_module = scope_type == ScopeType::Module;
        // The module's __annotate__ goes where its placeholder is: build it in a separate
        // sequence and splice it in afterwards.
        let saved = if is_module { Some(std::mem::take(&mut self.u().seq)) } else { None };
        let ste = self.ste();
        let key = ste.key + 1;
        let is_class = ste.kind == BlockType::Class;
        let name = ste
            .annotation_block
            .map(|b| self.st.entry(b).name.to_string())
            .unwrap_or_else(|| "__annotate__".into());
        self.setup_annotations_scope(loc, key, &name)?;
        self.addop_i(BUILD_MAP, 0, loc);
        for (st, cond) in deferred {
            let StmtKind::AnnAssign { target, annotation, .. } = &st.kind else { continue };
            let ExprKind::Name { id, .. } = &target.kind else { continue };
            let mangled = self.mangle(id);
            let sloc = loc_s(st);
            let not_set = self.new_label();
            if let Some(idx) = cond {
                self.load_const(Const::int(idx), sloc);
                if scope_type == ScopeType::Class {
                    let i = self.u().freevars.add("__conditional_annotations__");
                    let n = self.ur().cellvars.len();
                    self.addop_i(LOAD_DEREF, (n + i) as i32, sloc);
                } else {
                    let i = self.u().names.add("__conditional_annotations__") as i32;
                    self.addop_i(LOAD_GLOBAL, i << 1, sloc);
                }
                self.addop_i(CONTAINS_OP, 0, sloc);
                self.jump(POP_JUMP_IF_FALSE as u16, not_set, sloc);
            }
            self.visit_expr(annotation)?;
            self.addop_i(COPY, 2, sloc);
            self.load_const(Const::Str(PyStr::from(mangled.as_str())), sloc);
            self.addop_noarg(STORE_SUBSCR, loc);
            self.use_label(not_set);
        }
        self.leave_annotations_scope(loc)?;
        let store_name = if is_class { "__annotate_func__" } else { "__annotate__" };
        self.nameop(store_name, ExprContext::Store, loc)?;
        if let Some(mut outer) = saved {
            let inner = std::mem::replace(&mut self.u().seq, InstrSeqPlaceholder::take());
            if let Some(pos) = outer.annotations_placeholder.take() {
                outer.splice(pos, inner);
            }
            self.u().seq = outer;
        }
        Ok(())
    }

    /// `codegen_setup_annotations_scope`: enters an `__annotate__`-style scope and emits its
    /// `if format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError` prologue.
    pub fn setup_annotations_scope(
        &mut self,
        loc: Location,
        key: usize,
        name: &str,
    ) -> CompileResult<()> {
        self.enter_scope(name, ScopeType::Annotations, key, loc.lineno, None, (0, 1, 0))?;
        self.addop_i(LOAD_FAST, 0, loc);
        self.load_const(Const::int(ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS), loc);
        self.addop_i(COMPARE_OP, (4 << 5) | 4, loc);
        let body = self.new_label();
        self.jump(POP_JUMP_IF_FALSE as u16, body, loc);
        self.addop_i(LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR, loc);
        self.addop_i(RAISE_VARARGS, 1, loc);
        self.use_label(body);
        Ok(())
    }

    /// `codegen_leave_annotations_scope`: returns the annotations dict, assembles the scope
    /// (its first parameter shown as `format`) and makes the function.
    pub fn leave_annotations_scope(&mut self, loc: Location) -> CompileResult<()> {
        self.addop_noarg(RETURN_VALUE, loc);
        let mut code = self.assemble_unit(true)?;
        if let Some(first) = code.localsplusnames.first_mut() {
            *first = PyStr::from("format");
        }
        self.units.pop();
        self.make_closure(loc, code, 0)
    }

    // ----- names -----

    /// `codegen_nameop`: load, store or delete a name with the opcode its scope calls for.
    pub fn nameop(&mut self, name: &str, ctx: ExprContext, loc: Location) -> CompileResult<()> {
        let mangled = self.mangle(name);
        let scope = self.scope_of(&mangled);
        let function_like = self.ste().kind.is_function_like();
        let is_class = self.ste().kind == BlockType::Class;
        let can_see_class_scope = self.ste().can_see_class_scope;
        #[derive(PartialEq)]
        enum Op {
            Fast,
            Deref,
            Global,
            Name,
        }
        let optype = match scope {
            s if s == Scope::Free as u32 || s == Scope::Cell as u32 => Op::Deref,
            s if s == Scope::Local as u32 => {
                if function_like || self.ur().fasthidden_get(&mangled) == Some(true) {
                    Op::Fast
                } else {
                    Op::Name
                }
            }
            s if s == Scope::GlobalImplicit as u32 => {
                if function_like {
                    Op::Global
                } else {
                    Op::Name
                }
            }
            s if s == Scope::GlobalExplicit as u32 => Op::Global,
            _ => Op::Name,
        };
        match optype {
            Op::Fast => {
                let op = match ctx {
                    ExprContext::Load => LOAD_FAST,
                    ExprContext::Store => STORE_FAST,
                    ExprContext::Del => DELETE_FAST,
                };
                self.addop_varname(op as u16, &mangled, loc);
            }
            Op::Deref => {
                let arg = if scope == Scope::Free as u32 {
                    let i = self.u().freevars.add(&mangled);
                    self.ur().cellvars.len() + i
                } else {
                    self.u().cellvars.add(&mangled)
                } as i32;
                let op = match ctx {
                    ExprContext::Load => {
                        if is_class && !self.is_in_inlined_comp() {
                            self.addop_noarg(LOAD_LOCALS, loc);
                            LOAD_FROM_DICT_OR_DEREF
                        } else if can_see_class_scope {
                            self.load_classdict_freevar(loc);
                            LOAD_FROM_DICT_OR_DEREF
                        } else {
                            LOAD_DEREF
                        }
                    }
                    ExprContext::Store => STORE_DEREF,
                    ExprContext::Del => DELETE_DEREF,
                };
                self.addop_i(op, arg, loc);
            }
            Op::Global => {
                let arg = self.u().names.add(&mangled) as i32;
                match ctx {
                    ExprContext::Load => {
                        if can_see_class_scope && scope == Scope::GlobalImplicit as u32 {
                            self.load_classdict_freevar(loc);
                            self.addop_i(LOAD_FROM_DICT_OR_GLOBALS, arg, loc);
                        } else {
                            self.addop_i(LOAD_GLOBAL, arg << 1, loc);
                        }
                    }
                    ExprContext::Store => self.addop_i(STORE_GLOBAL, arg, loc),
                    ExprContext::Del => self.addop_i(DELETE_GLOBAL, arg, loc),
                }
            }
            Op::Name => {
                let arg = self.u().names.add(&mangled) as i32;
                match ctx {
                    ExprContext::Load => {
                        if is_class && self.is_in_inlined_comp() {
                            self.addop_i(LOAD_GLOBAL, arg << 1, loc);
                        } else {
                            self.addop_i(LOAD_NAME, arg, loc);
                        }
                    }
                    ExprContext::Store => self.addop_i(STORE_NAME, arg, loc),
                    ExprContext::Del => self.addop_i(DELETE_NAME, arg, loc),
                }
            }
        }
        Ok(())
    }

    fn load_classdict_freevar(&mut self, loc: Location) {
        let i = self.u().freevars.add("__classdict__");
        let n = self.ur().cellvars.len();
        self.addop_i(LOAD_DEREF, (n + i) as i32, loc);
    }

    // ----- conditional jumps -----

    /// `codegen_jump_if`: jump to `next` if `e`'s truth equals `cond`.
    pub fn jump_if(
        &mut self,
        loc: Location,
        e: &'a Expr,
        next: Label,
        cond: bool,
    ) -> CompileResult<()> {
        self.enter_recursion()?;
        let r =
            stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
                self.jump_if_inner(loc, e, next, cond)
            });
        self.leave_recursion();
        r
    }

    fn jump_if_inner(
        &mut self,
        loc: Location,
        e: &'a Expr,
        next: Label,
        cond: bool,
    ) -> CompileResult<()> {
        match &e.kind {
            ExprKind::UnaryOp { op: taipan_parser::ast::UnaryOp::Not, operand } => {
                return self.jump_if(loc, operand, next, !cond);
            }
            ExprKind::BoolOp { op, values } if values.len() >= 2 => {
                let n = values.len() - 1;
                let cond2 = *op == BoolOp::Or;
                let mut next2 = next;
                if cond2 != cond {
                    next2 = self.new_label();
                }
                for v in &values[..n] {
                    self.jump_if(loc, v, next2, cond2)?;
                }
                self.jump_if(loc, &values[n], next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(loc, test, next2, false)?;
                self.jump_if(loc, body, next, cond)?;
                self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(next2);
                self.jump_if(loc, orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators }
                if ops.len() > 1 && ops.len() == comparators.len() =>
            {
                self.check_compare(e);
                let n = ops.len() - 1;
                let eloc = loc_e(e);
                let cleanup = self.new_label();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.addop_i(SWAP, 2, eloc);
                    self.addop_i(COPY, 2, eloc);
                    self.addcompare(ops[i], eloc);
                    self.addop_noarg(TO_BOOL, eloc);
                    self.jump(POP_JUMP_IF_FALSE as u16, cleanup, eloc);
                }
                self.visit_expr(&comparators[n])?;
                self.addcompare(ops[n], eloc);
                self.addop_noarg(TO_BOOL, eloc);
                let op = if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE };
                self.jump(op as u16, next, eloc);
                let end = self.new_label();
                self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(cleanup);
                self.addop_noarg(POP_TOP, eloc);
                if !cond {
                    self.jump(JUMP_NO_INTERRUPT, next, NO_LOCATION);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let eloc = loc_e(e);
        self.addop_noarg(TO_BOOL, eloc);
        let op = if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE };
        self.jump(op as u16, next, eloc);
        Ok(())
    }

    /// `codegen_addcompare`.
    pub fn addcompare(&mut self, op: CmpOp, loc: Location) {
        // (Py_LT .. Py_GE) << 5 | comparison mask
        let cmp = match op {
            CmpOp::Lt => (0, 2),
            CmpOp::LtE => (1, 2 | 8),
            CmpOp::Eq => (2, 8),
            CmpOp::NotEq => (3, 1 | 2 | 4),
            CmpOp::Gt => (4, 4),
            CmpOp::GtE => (5, 4 | 8),
            CmpOp::Is => return self.addop_i(IS_OP, 0, loc),
            CmpOp::IsNot => return self.addop_i(IS_OP, 1, loc),
            CmpOp::In => return self.addop_i(CONTAINS_OP, 0, loc),
            CmpOp::NotIn => return self.addop_i(CONTAINS_OP, 1, loc),
        };
        self.addop_i(COMPARE_OP, (cmp.0 << 5) | cmp.1, loc);
    }
}

/// Helper giving an empty instruction sequence for `mem::replace`.
struct InstrSeqPlaceholder;

impl InstrSeqPlaceholder {
    fn take() -> crate::instr::InstrSeq {
        crate::instr::InstrSeq::default()
    }
}
