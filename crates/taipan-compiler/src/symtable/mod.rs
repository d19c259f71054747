//! Symbol tables: for each scope (module, class, function, lambda, comprehension, annotation,
//! type-parameter, type-alias and type-variable scopes), every name it uses and how it is bound.
//!
//! Follows CPython 3.14's `Python/symtable.c`: a first pass ([`build`]) walks the AST recording
//! raw facts per name (assigned, parameter, used, declared global/nonlocal, imported, annotated,
//! type parameter, comprehension iteration variable), creating one [`Entry`] per scope in the
//! same order and with the same flags as CPython; the second pass ([`analyze`]) decides each
//! name's scope (local, global explicit/implicit, free, cell), inlines comprehensions
//! (PEP 709), and marks the implicit `__class__`, `__classdict__` and
//! `__conditional_annotations__` cells. The flag values are CPython's (`_symtable`), so the
//! table can be compared with the oracle's `symtable` module.
//!
//! Scopes are keyed, as in CPython, by the address of the AST node that creates them (the
//! compiler looks scopes up with the same key): see [`key_of`].

mod analyze;
mod builder;

pub use builder::build;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use taipan_parser::ast::Loc;

/// A name in a symbol table (shared, cheap to clone into the analysis sets).
pub type Name = Rc<str>;

/// Symbol flags (CPython's `DEF_*` and `USE`, same values).
pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_TYPE_PARAM: u32 = 1024;
    pub const DEF_COMP_CELL: u32 = 2048;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
    /// The scope is stored in the bits from here up.
    pub const SCOPE_OFFSET: u32 = 12;
    pub const SCOPE_MASK: u32 = 15;
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Scope {
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    pub fn from_flags(f: u32) -> Option<Scope> {
        Some(match (f >> flags::SCOPE_OFFSET) & flags::SCOPE_MASK {
            1 => Scope::Local,
            2 => Scope::GlobalExplicit,
            3 => Scope::GlobalImplicit,
            4 => Scope::Free,
            5 => Scope::Cell,
            _ => return None,
        })
    }
}

/// The kind of scope (CPython's `_Py_block_ty`, same numbers as `_symtable.TYPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BlockType {
    Function = 0,
    Class = 1,
    Module = 2,
    Annotation = 3,
    TypeAlias = 4,
    TypeParameters = 5,
    TypeVariable = 6,
}

impl BlockType {
    /// Scopes that behave like functions (fast locals, cells): CPython's `_PyST_IsFunctionLike`.
    pub fn is_function_like(self) -> bool {
        !matches!(self, BlockType::Class | BlockType::Module)
    }

    /// The name `symtable.SymbolTable.get_type()` gives.
    pub fn name(self) -> &'static str {
        match self {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
            BlockType::TypeAlias => "type alias",
            BlockType::TypeParameters => "type parameters",
            BlockType::TypeVariable => "type variable",
        }
    }
}

/// Which comprehension a function scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    None,
    List,
    Dict,
    Set,
    Generator,
}

/// Index of an entry in [`SymbolTable::entries`].
pub type EntryId = usize;

/// The address of an AST node, used as the key of the scope it creates (CPython keys its
/// `st_blocks` by node pointer, sometimes plus one for a second scope of the same node).
pub fn key_of<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Names with their flags, in insertion order (CPython's `ste_symbols` dict).
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    entries: Vec<(Name, u32)>,
    index: HashMap<Name, usize>,
}

impl Symbols {
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).map(|&i| self.entries[i].1)
    }

    /// Sets the flags of `name`, appending it if new.
    pub fn set(&mut self, name: &Name, flags: u32) {
        match self.index.get(&**name) {
            Some(&i) => self.entries[i].1 = flags,
            None => {
                self.index.insert(name.clone(), self.entries.len());
                self.entries.push((name.clone(), flags));
            }
        }
    }

    pub fn remove(&mut self, name: &str) {
        if let Some(i) = self.index.remove(name) {
            self.entries.remove(i);
            for (j, (n, _)) in self.entries.iter().enumerate().skip(i) {
                self.index.insert(n.clone(), j);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Name, u32)> {
        self.entries.iter().map(|(n, f)| (n, *f))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug)]
pub struct Entry {
    pub name: Name,
    pub kind: BlockType,
    /// The key of the AST node that created the scope ([`key_of`]).
    pub key: usize,
    pub loc: Loc,
    pub symbols: Symbols,
    /// Parameters, in order.
    pub varnames: Vec<Name>,
    pub children: Vec<EntryId>,
    /// `global`/`nonlocal` declarations, for error locations.
    pub directives: Vec<(Name, Loc)>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: ComprehensionKind,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub comp_inlined: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
    pub can_see_class_scope: bool,
    pub has_conditional_annotations: bool,
    pub in_conditional_block: bool,
    pub in_unevaluated_annotation: bool,
    pub annotations_used: bool,
    pub has_docstring: bool,
    /// A function defined directly in a class body.
    pub method: bool,
    /// The `__annotate__` scope of a module, class or function.
    pub annotation_block: Option<EntryId>,
    /// In a generic class's type-parameter scope (and the scopes nested in it): the names that
    /// are mangled (the type parameters); other names there are not.
    pub mangled_names: Option<Rc<RefCell<HashSet<Name>>>>,
    /// For a type-variable scope, what it evaluates ("a TypeVar bound", ...), for errors.
    pub scope_info: Option<&'static str>,
}

impl Entry {
    /// The scope of `name` in this entry, if the name is there.
    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.symbols.get(name).and_then(Scope::from_flags)
    }
}

/// All scopes of one module.
#[derive(Debug)]
pub struct SymbolTable {
    pub entries: Vec<Entry>,
    pub top: EntryId,
    by_key: HashMap<usize, EntryId>,
}

impl SymbolTable {
    /// The scope created by the AST node with this key.
    pub fn lookup(&self, key: usize) -> Option<&Entry> {
        self.by_key.get(&key).map(|&i| &self.entries[i])
    }

    pub fn lookup_id(&self, key: usize) -> Option<EntryId> {
        self.by_key.get(&key).copied()
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id]
    }

    /// A text rendering for tests: each scope (`type name lineno`), its symbols with their
    /// flags sorted by name, its parameters, then its children, indented. The oracle's
    /// `symtable` module gives the same facts (`scripts/regen_expected.py`).
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_entry(self.top, 0, &mut out);
        out
    }

    fn dump_entry(&self, id: EntryId, depth: usize, out: &mut String) {
        use std::fmt::Write;
        let e = &self.entries[id];
        let pad = "  ".repeat(depth);
        let lineno = if e.kind == BlockType::Module { 0 } else { e.loc.lineno };
        writeln!(
            out,
            "{pad}{} {} {}{}",
            e.kind.name(),
            e.name,
            lineno,
            if e.nested { " nested" } else { "" }
        )
        .unwrap();
        let mut syms: Vec<(&Name, u32)> = e.symbols.iter().collect();
        syms.sort_by(|a, b| a.0.cmp(b.0));
        for (n, f) in syms {
            writeln!(out, "{pad}  {n} {f}").unwrap();
        }
        if !e.varnames.is_empty() {
            let names: Vec<&str> = e.varnames.iter().map(|n| &**n).collect();
            writeln!(out, "{pad}  varnames: {}", names.join(" ")).unwrap();
        }
        for &c in &e.children {
            self.dump_entry(c, depth + 1, out);
        }
    }
}

/// CPython's private-name mangling: inside class `Cls`, `__spam` becomes `_Cls__spam` (not
/// dunder names, dotted names, or when the class name is all underscores).
pub fn mangle(private: Option<&str>, name: &str) -> Option<String> {
    let private = private?;
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return None;
    }
    Some(format!("_{stripped}{name}"))
}

pub use analyze::analyze;
