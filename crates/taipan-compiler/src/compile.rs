//! The compiler's entry points ([`compile`], [`compile_source`]) and its state: the stack of
//! code units (one per code object being built: its symbol-table entry, instruction sequence,
//! constant and name tables, qualified name, first line, frame-block stack), and the helpers
//! every part of code generation uses to emit instructions, constants and names (CPython's
//! `Python/compile.c`).

use crate::codegen::FBlock;
use crate::error::{CompileError, CompileResult};
use crate::future::{FutureFeatures, future_features};
use crate::instr::{InstrSeq, Label, Location};
use crate::symtable::{self, BlockType, EntryId, Scope, SymbolTable, flags};
use crate::warnings::CompileWarning;
use taipan_bytecode::code::*;
use taipan_bytecode::opcodes::*;
use taipan_bytecode::{CodeObject, Const};
use taipan_common::PyStr;
use taipan_parser::ast::{Mod, Stmt};
use taipan_parser::{Mode, ParseOptions};

/// `compile()` flag allowing `await` and friends at module level (`ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`).
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
/// The `CO_FUTURE_*` bits a caller's flags may pass on to `co_flags` (`PyCF_MASK`).
pub const PYCF_MASK: u32 = CO_FUTURE_DIVISION
    | CO_FUTURE_ABSOLUTE_IMPORT
    | CO_FUTURE_WITH_STATEMENT
    | CO_FUTURE_PRINT_FUNCTION
    | CO_FUTURE_UNICODE_LITERALS
    | CO_FUTURE_BARRY_AS_BDFL
    | CO_FUTURE_GENERATOR_STOP
    | CO_FUTURE_ANNOTATIONS;

/// How to compile (`compile(source, filename, mode, flags, dont_inherit, optimize)`).
#[derive(Clone, Copy, Debug)]
pub struct CompileOptions {
    pub mode: Mode,
    /// `-1` (the interpreter's level, here 0), `0`, `1` (no asserts, `__debug__` false) or `2`
    /// (also no docstrings).
    pub optimize: i32,
    /// `compile(flags=...)`: `CO_FUTURE_*` bits inherited from the caller, and
    /// [`PYCF_ALLOW_TOP_LEVEL_AWAIT`].
    pub flags: u32,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions { mode: Mode::Exec, optimize: -1, flags: 0 }
    }
}

/// The kind of code unit (CPython's `COMPILE_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    Annotations,
}

/// An insertion-ordered set of names with their indexes (the `u_names`, `u_varnames`, ...
/// dicts of CPython).
#[derive(Clone, Debug, Default)]
pub struct NameTable {
    pub names: Vec<String>,
    index: crate::fxhash::FastMap<String, usize>,
}

impl NameTable {
    pub fn add(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.index.insert(name.to_string(), self.names.len());
        self.names.push(name.to_string());
        self.names.len() - 1
    }

    pub fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// A table whose entries are numbered from `offset` (the free variables follow the cells).
    fn with_names(names: impl IntoIterator<Item = String>) -> NameTable {
        let mut t = NameTable::default();
        for n in names {
            t.add(&n);
        }
        t
    }
}

/// One code object under construction (CPython's `compiler_unit` and its metadata).
pub struct Unit<'a> {
    pub ste: EntryId,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub seq: InstrSeq,
    pub consts: crate::consts::ConstTable,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: NameTable,
    pub freevars: NameTable,
    /// Names made fast locals by an inlined comprehension in a module or class body
    /// (`true` while inside it).
    pub fasthidden: Vec<(String, bool)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    pub private: Option<String>,
    pub fblocks: Vec<FBlock<'a>>,
    pub in_inlined_comp: u32,
    /// `self.X` names assigned in methods (class units only).
    pub static_attributes: Option<Vec<String>>,
    /// Simple annotated names of a module or class body (`AnnAssign` statements), with the
    /// conditional-annotation index of each (`None`: unconditional).
    pub deferred_annotations: Vec<(&'a Stmt, Option<i64>)>,
    pub in_conditional_block: u32,
    pub next_conditional_annotation_index: i64,
}

impl Unit<'_> {
    pub fn fasthidden_get(&self, name: &str) -> Option<bool> {
        self.fasthidden.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    pub fn fasthidden_set(&mut self, name: &str, v: bool) {
        match self.fasthidden.iter_mut().find(|(n, _)| n == name) {
            Some(e) => e.1 = v,
            None => self.fasthidden.push((name.to_string(), v)),
        }
    }
}

/// The identity of a constant for merging (`_PyCode_ConstantKey`): type and value, floats by
/// their bits, code objects by address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    SmallInt(i64),
    Int(String),
    Float(u64),
    Complex(u64, u64),
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Slice(Vec<ConstKey>),
    Code(Box<CodeKey>),
    /// A constant equal to no other (NaN).
    Unique(u64),
    Other(String),
}

/// What `code.__eq__` compares (so equal code objects share a constant slot, as they do in
/// CPython's constant cache).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CodeKey {
    name: Vec<u8>,
    counts: [u32; 4],
    firstlineno: i32,
    code: Vec<u8>,
    consts: Vec<ConstKey>,
    names: Vec<Vec<u8>>,
    localsplusnames: Vec<Vec<u8>>,
    linetable: Vec<u8>,
    exceptiontable: Vec<u8>,
}

fn code_key(code: &CodeObject) -> CodeKey {
    CodeKey {
        name: code.name.as_wtf8().to_vec(),
        counts: [code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags],
        firstlineno: code.firstlineno,
        code: code.code_bytes(),
        consts: code.consts.iter().map(const_key).collect(),
        names: code.names.iter().map(|n| n.as_wtf8().to_vec()).collect(),
        localsplusnames: code.localsplusnames.iter().map(|n| n.as_wtf8().to_vec()).collect(),
        linetable: code.linetable.clone(),
        exceptiontable: code.exceptiontable.clone(),
    }
}

fn next_unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

pub fn const_key(c: &Const) -> ConstKey {
    match c {
        Const::None => ConstKey::None,
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => match i64::try_from(i) {
            Ok(v) => ConstKey::SmallInt(v),
            Err(_) => ConstKey::Int(i.to_string()),
        },
        // Every NaN is its own object in CPython, and NaN != NaN: never merged.
        Const::Float(f) if f.is_nan() => ConstKey::Unique(next_unique()),
        Const::Complex { re, im } if re.is_nan() || im.is_nan() => ConstKey::Unique(next_unique()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex { re, im } => ConstKey::Complex(re.to_bits(), im.to_bits()),
        Const::Str(s) => ConstKey::Str(s.as_wtf8().to_vec()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect()),
        Const::FrozenSet(items) => {
            let mut keys: Vec<ConstKey> = items.iter().map(const_key).collect();
            keys.sort_by_key(|k| format!("{k:?}"));
            ConstKey::FrozenSet(keys)
        }
        Const::Slice(parts) => ConstKey::Slice(parts.iter().map(const_key).collect()),
        Const::Code(code) => ConstKey::Code(Box::new(code_key(code))),
        other => ConstKey::Other(other.repr()),
    }
}

/// The compiler: the symbol table, the unit stack and module-wide settings.
pub struct Compiler<'a> {
    pub st: SymbolTable,
    pub future: FutureFeatures,
    /// `CO_FUTURE_*` flags in force (from the module's future imports and the caller).
    pub future_flags: u32,
    pub filename: PyStr,
    pub optimize: i32,
    pub interactive: bool,
    pub units: Vec<Unit<'a>>,
    /// Current nesting of expression/statement visits, to refuse absurd depth.
    pub depth: u32,
    /// `SyntaxWarning`s reported so far.
    pub warnings: Vec<CompileWarning>,
    /// While positive, warnings are not reported.
    pub warnings_disabled: u32,
}

/// Code generation recursion limit (CPython raises RecursionError "during compilation" when
/// its C stack runs low, which parser-accepted source never reaches; the stack here grows on
/// demand, so this only bounds absurd hand-built trees).
const MAX_DEPTH: u32 = 100_000;
/// Stack kept free before recursing, and the size of each new stack segment (`stacker`).
pub const RED_ZONE: usize = 256 * 1024;
pub const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Compiles an AST into a module code object.
pub fn compile(module: &Mod, filename: &str, opts: &CompileOptions) -> CompileResult<CodeObject> {
    compile_with_warnings(module, filename, opts).0
}

/// [`compile`], also returning the `SyntaxWarning`s CPython would emit on the way (in its
/// order), whether or not compilation succeeded.
pub fn compile_with_warnings(
    module: &Mod,
    filename: &str,
    opts: &CompileOptions,
) -> (CompileResult<CodeObject>, Vec<CompileWarning>) {
    let mut warnings = Vec::new();
    crate::warnings::finally_warnings(module, &mut warnings);
    let optimize = if opts.optimize < 0 { 0 } else { opts.optimize };
    if !crate::preprocess::needs_rewrite(module, optimize) {
        let r = compile_tree(module, filename, opts, optimize, &mut warnings);
        return (r, warnings);
    }
    // Cloning and dropping a syntax tree recurse as deep as it nests: give them room.
    let mut tree = stacker::grow(TREE_STACK, || module.clone());
    let result = compile_owned(&mut tree, filename, opts, &mut warnings);
    stacker::grow(TREE_STACK, move || drop(tree));
    (result, warnings)
}

/// Stack for cloning or dropping a whole syntax tree.
const TREE_STACK: usize = 256 * 1024 * 1024;

fn compile_owned(
    tree: &mut Mod,
    filename: &str,
    opts: &CompileOptions,
    warnings: &mut Vec<CompileWarning>,
) -> CompileResult<CodeObject> {
    let optimize = if opts.optimize < 0 { 0 } else { opts.optimize };
    crate::preprocess::preprocess(tree, optimize)?;
    compile_tree(tree, filename, opts, optimize, warnings)
}

/// Compiles a tree the pre-pass has already been applied to (or would not change).
fn compile_tree(
    tree: &Mod,
    filename: &str,
    opts: &CompileOptions,
    optimize: i32,
    warnings: &mut Vec<CompileWarning>,
) -> CompileResult<CodeObject> {
    let mut future = future_features(tree)?;
    future.allow_top_level_await = opts.flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0;
    let st = symtable::build(tree, &future)?;
    // Only the __future__ bits of the caller's flags reach co_flags (`PyCF_MASK`).
    let mut future_flags = opts.flags & PYCF_MASK;
    if future.annotations {
        future_flags |= CO_FUTURE_ANNOTATIONS;
    }
    if future.barry_as_flufl {
        future_flags |= CO_FUTURE_BARRY_AS_BDFL;
    }
    let mut c = Compiler {
        st,
        future,
        future_flags,
        filename: PyStr::from(filename),
        optimize,
        interactive: matches!(tree, Mod::Interactive { .. }),
        units: Vec::new(),
        depth: 0,
        warnings: std::mem::take(warnings),
        warnings_disabled: 0,
    };
    let r = c.compile_mod(tree);
    *warnings = c.warnings;
    r
}

/// Parses and compiles source bytes (`compile(bytes, filename, mode)`).
pub fn compile_source(
    source: &[u8],
    filename: &str,
    opts: &CompileOptions,
) -> CompileResult<CodeObject> {
    let popts = ParseOptions { mode: opts.mode, ..ParseOptions::default() };
    let tree = taipan_parser::parse_bytes(source, &popts)?;
    compile(&tree, filename, opts)
}

/// [`compile_source`] with the compiler's `SyntaxWarning`s (the parser's own warnings are not
/// included).
pub fn compile_source_with_warnings(
    source: &[u8],
    filename: &str,
    opts: &CompileOptions,
) -> (CompileResult<CodeObject>, Vec<CompileWarning>) {
    let popts = ParseOptions { mode: opts.mode, ..ParseOptions::default() };
    // The parser's warnings come first: CPython emits them while parsing.
    let (parsed, parse_warnings) = taipan_parser::parse_bytes_with_warnings(source, &popts);
    let mut warnings: Vec<CompileWarning> = parse_warnings
        .into_iter()
        .map(|w| CompileWarning {
            msg: w.msg,
            lineno: w.lineno as i32,
            offset: w.col_offset as i32 + 1,
            end_lineno: w.end_lineno as i32,
            end_offset: w.end_col_offset as i32 + 1,
        })
        .collect();
    match parsed {
        Ok(tree) => {
            let (result, mut more) = compile_with_warnings(&tree, filename, opts);
            warnings.append(&mut more);
            (result, warnings)
        }
        Err(e) => (Err(e.into()), warnings),
    }
}

impl<'a> Compiler<'a> {
    fn compile_mod(&mut self, tree: &'a Mod) -> CompileResult<CodeObject> {
        let key = symtable::key_of(tree);
        self.enter_scope("<module>", ScopeType::Module, key, 1, None, (0, 0, 0))?;
        match tree {
            Mod::Module { body, .. } => self.codegen_module(body, false)?,
            Mod::Interactive { body } => self.codegen_module(body, true)?,
            Mod::Expression { body } => self.visit_expr(body)?,
            Mod::FunctionType { .. } => {
                return Err(CompileError::syntax(
                    "cannot compile a function type",
                    Default::default(),
                ));
            }
        }
        let add_none = !matches!(tree, Mod::Expression { .. });
        let code = self.assemble_unit(add_none)?;
        self.units.pop();
        Ok(code)
    }

    /// Reports a `SyntaxWarning` at `loc` (unless warnings are off, as they are while the
    /// exception path of a `finally` body is compiled: CPython reports those once).
    pub fn warn(&mut self, msg: impl Into<String>, loc: &taipan_parser::ast::Loc) {
        if self.warnings_disabled == 0 {
            self.warnings.push(CompileWarning::new(msg, loc));
        }
    }

    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a code unit is open")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("a code unit is open")
    }

    /// The symbol-table entry of the current unit.
    pub fn ste(&self) -> &symtable::Entry {
        self.st.entry(self.ur().ste)
    }

    pub fn enter_recursion(&mut self) -> CompileResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    pub fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    /// Opens a new code unit for the scope keyed by `key` (`_PyCompile_EnterScope` and
    /// `codegen_enter_scope`): name tables from the symbol table, qualified name, `RESUME`.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: usize,
        lineno: i32,
        private: Option<String>,
        counts: (u32, u32, u32),
    ) -> CompileResult<()> {
        let Some(ste_id) = self.st.lookup_id(key) else {
            return Err(CompileError::syntax("unknown scope (compiler bug)", Default::default()));
        };
        let ste = self.st.entry(ste_id);
        let varnames = NameTable::with_names(ste.varnames.iter().map(|n| n.to_string()));
        let mut cells: Vec<String> = ste
            .symbols
            .iter()
            .filter(|(_, f)| {
                Scope::from_flags(*f) == Some(Scope::Cell) || f & flags::DEF_COMP_CELL != 0
            })
            .map(|(n, _)| n.to_string())
            .collect();
        cells.sort();
        let mut cellvars = NameTable::with_names(cells);
        if ste.needs_class_closure {
            cellvars.add("__class__");
        }
        if ste.needs_classdict {
            cellvars.add("__classdict__");
        }
        if ste.has_conditional_annotations {
            cellvars.add("__conditional_annotations__");
        }
        let mut frees: Vec<String> = ste
            .symbols
            .iter()
            .filter(|(_, f)| {
                Scope::from_flags(*f) == Some(Scope::Free) || f & flags::DEF_FREE_CLASS != 0
            })
            .map(|(n, _)| n.to_string())
            .collect();
        frees.sort();
        let freevars = NameTable::with_names(frees);
        let private = match private {
            Some(p) => Some(p),
            None => self.units.last().and_then(|u| u.private.clone()),
        };
        let is_class = ste.kind == BlockType::Class;
        let mut seq = InstrSeq::default();
        let loc = if scope_type == ScopeType::Module {
            Location::new(0, lineno, 0, 0)
        } else {
            Location::new(lineno, lineno, 0, 0)
        };
        seq.addop(RESUME as u16, 0, loc);
        if scope_type == ScopeType::Module {
            seq.annotations_placeholder = Some(seq.instrs.len());
            seq.addop(ANNOTATIONS_PLACEHOLDER, 0, loc);
        }
        self.units.push(Unit {
            ste: ste_id,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            seq,
            consts: Default::default(),
            names: NameTable::default(),
            varnames,
            cellvars,
            freevars,
            fasthidden: Vec::new(),
            argcount: counts.0,
            posonlyargcount: counts.1,
            kwonlyargcount: counts.2,
            firstlineno: lineno,
            private,
            fblocks: Vec::new(),
            in_inlined_comp: 0,
            static_attributes: if is_class { Some(Vec::new()) } else { None },
            deferred_annotations: Vec::new(),
            in_conditional_block: 0,
            next_conditional_annotation_index: 0,
        });
        if scope_type != ScopeType::Module {
            self.set_qualname();
        }
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        let u = &self.units[n - 1];
        let mut base: Option<String> = None;
        // CPython's stack of enclosing units excludes the current one: it has n - 1 entries.
        if n > 2 {
            let mut parent = &self.units[n - 2];
            if parent.scope_type == ScopeType::Annotations {
                if n == 3 {
                    let name = u.name.clone();
                    self.u().qualname = name;
                    return;
                }
                parent = &self.units[n - 3];
            }
            let mut force_global = false;
            if matches!(
                u.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let mangled = symtable::mangle(parent.private.as_deref(), &u.name)
                    .unwrap_or_else(|| u.name.clone());
                if self.st.entry(parent.ste).scope_of(&mangled) == Some(Scope::GlobalExplicit) {
                    force_global = true;
                }
            }
            if !force_global {
                if matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                ) {
                    base = Some(format!("{}.<locals>", parent.qualname));
                } else {
                    base = Some(parent.qualname.clone());
                }
            }
        }
        let q = match base {
            Some(b) => format!("{b}.{}", u.name),
            None => u.name.clone(),
        };
        self.u().qualname = q;
    }

    // ----- emitting -----

    pub fn addop(&mut self, op: u16, arg: i32, loc: Location) {
        self.u().seq.addop(op, arg, loc);
    }

    pub fn addop_noarg(&mut self, op: u8, loc: Location) {
        self.u().seq.addop(op as u16, 0, loc);
    }

    pub fn addop_i(&mut self, op: u8, arg: i32, loc: Location) {
        self.u().seq.addop(op as u16, arg, loc);
    }

    pub fn new_label(&mut self) -> Label {
        self.u().seq.new_label()
    }

    pub fn use_label(&mut self, l: Label) {
        self.u().seq.use_label(l);
    }

    pub fn jump(&mut self, op: u16, target: Label, loc: Location) {
        self.u().seq.addop(op, target.0 as i32, loc);
    }

    /// Adds a constant to the current unit's table (merging equal ones) and returns its index.
    pub fn add_const(&mut self, c: Const) -> i32 {
        self.u().consts.add(c) as i32
    }

    /// `ADDOP_LOAD_CONST`.
    pub fn load_const(&mut self, c: Const, loc: Location) {
        let i = self.add_const(c);
        self.addop_i(LOAD_CONST, i, loc);
    }

    /// `_PyCompile_MaybeMangle`.
    pub fn mangle(&self, name: &str) -> String {
        let ste = self.ste();
        if let Some(set) = &ste.mangled_names
            && !set.borrow().contains(name)
        {
            return name.to_string();
        }
        symtable::mangle(self.ur().private.as_deref(), name).unwrap_or_else(|| name.to_string())
    }

    /// `ADDOP_NAME` for opcodes indexing `co_names` (with the `LOAD_ATTR`/`LOAD_SUPER_ATTR`
    /// oparg encodings; `method`: the method-call form).
    pub fn addop_name(&mut self, op: u8, name: &str, loc: Location) {
        let mangled = self.mangle(name);
        let i = self.u().names.add(&mangled) as i32;
        let arg = if op == LOAD_ATTR { i << 1 } else { i };
        self.addop_i(op, arg, loc);
    }

    pub fn addop_load_method(&mut self, name: &str, loc: Location) {
        let mangled = self.mangle(name);
        let i = self.u().names.add(&mangled) as i32;
        self.addop_i(LOAD_ATTR, (i << 1) | 1, loc);
    }

    /// `LOAD_SUPER_ATTR` in its four forms (`two_args`: `super(a, b)`; `method`: a call).
    pub fn addop_super_attr(&mut self, name: &str, two_args: bool, method: bool, loc: Location) {
        let mangled = self.mangle(name);
        let i = self.u().names.add(&mangled) as i32;
        let arg = (i << 2) | if two_args { 2 } else { 0 } | i32::from(method);
        self.addop_i(LOAD_SUPER_ATTR, arg, loc);
    }

    /// `ADDOP_N(..., varnames)`: an opcode on a fast local, by name.
    pub fn addop_varname(&mut self, op: u16, name: &str, loc: Location) {
        let i = self.u().varnames.add(name) as i32;
        self.addop(op, i, loc);
    }

    pub fn is_in_inlined_comp(&self) -> bool {
        self.ur().in_inlined_comp > 0
    }

    /// The scope of `name` in the current unit's symbol table entry (0 when absent).
    pub fn scope_of(&self, name: &str) -> u32 {
        self.ste().symbols.get(name).map_or(0, |f| (f >> flags::SCOPE_OFFSET) & flags::SCOPE_MASK)
    }

    /// `_PyCompile_LookupArg`: the index, in the current unit's cell/free numbering, of the
    /// variable a closure named `name` captures.
    pub fn lookup_closure_arg(&mut self, name: &str, is_free_in_child: bool) -> i32 {
        let _ = is_free_in_child;
        let scope = self.scope_of(name);
        let u = self.ur();
        if scope == Scope::Cell as u32
            && let Some(i) = u.cellvars.get(name)
        {
            return i as i32;
        }
        if let Some(i) = u.freevars.get(name) {
            return (u.cellvars.len() + i) as i32;
        }
        if let Some(i) = u.cellvars.get(name) {
            return i as i32;
        }
        0
    }

    /// Compute `co_flags` for the current unit (`compute_code_flags`).
    pub fn code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut f = 0;
        if ste.kind.is_function_like() {
            f |= CO_NEWLOCALS | CO_OPTIMIZED;
            if ste.nested {
                f |= CO_NESTED;
            }
            if ste.generator && !ste.coroutine {
                f |= CO_GENERATOR;
            }
            if ste.generator && ste.coroutine {
                f |= CO_ASYNC_GENERATOR;
            }
            if ste.varargs {
                f |= CO_VARARGS;
            }
            if ste.varkeywords {
                f |= CO_VARKEYWORDS;
            }
            if ste.has_docstring {
                f |= CO_HAS_DOCSTRING;
            }
            if ste.method {
                f |= CO_METHOD;
            }
        }
        if ste.coroutine && !ste.generator {
            f |= CO_COROUTINE;
        }
        f | self.future_flags
    }

    /// Optimises and assembles the current unit into a code object (`optimize_and_assemble`),
    /// after appending the `RETURN_VALUE` that ends every instruction stream (preceded by
    /// `LOAD_CONST None` when `add_none`), as CPython's `add_return_at_end` does.
    pub fn assemble_unit(&mut self, add_none: bool) -> CompileResult<CodeObject> {
        if add_none {
            self.load_const(Const::None, crate::instr::NO_LOCATION);
        }
        self.addop(RETURN_VALUE as u16, 0, crate::instr::NO_LOCATION);
        let flags = self.code_flags();
        let nparams = self.ste().varnames.len();
        let filename = self.filename.clone();
        let u = self.units.last_mut().expect("a code unit is open");
        if let Some(pos) = u.seq.annotations_placeholder.take()
            && pos < u.seq.instrs.len()
            && u.seq.instrs[pos].op == ANNOTATIONS_PLACEHOLDER
        {
            u.seq.instrs[pos].op = NOP as u16;
            u.seq.instrs[pos].loc = crate::instr::NO_LOCATION;
        }
        crate::assemble::optimize_and_assemble(u, flags, nparams, &filename)
    }
}
