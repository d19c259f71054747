//! `code`: the run-time code object. It wraps the compiler's `taipan_bytecode::CodeObject` and
//! holds what the eval loop needs ready as objects: the constants (nested code objects included),
//! the interned names, the interned local names, and a lazily decoded location table.

use std::cell::OnceCell;
use std::sync::Arc;

use taipan_bytecode::linetable::Positions;
use taipan_bytecode::{CodeObject, CodeUnit, Const};

use crate::error::PyResult;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::str::{intern_object, new_str, new_str_from_pystr};
use crate::types::typeobject::{PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

pub struct CodePayload {
    pub code: Arc<CodeObject>,
    /// The code units the loop runs (a private copy, so that specialisation can rewrite it
    /// later while `co_code` keeps the compiler's form), followed by one `RESERVED` unit.
    pub units: Box<[CodeUnit]>,
    /// The inline caches: one word per code unit (`eval/specialize.rs`; docs/vm.md, "Inline
    /// caches").
    pub ic: Box<[std::cell::Cell<u64>]>,
    pub consts: Vec<Object>,
    /// `co_names`, interned.
    pub names: Vec<Object>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Vec<Object>,
    pub name: Object,
    pub qualname: Object,
    pub filename: Object,
    /// Number of slots for locals, cells and free variables.
    pub nlocalsplus: usize,
    positions: OnceCell<Vec<Positions>>,
}

// SAFETY: code objects are built only by `new_code` with a `CodePayload`.
unsafe impl PyPayload for CodePayload {
    fn type_object() -> &'static PyType {
        &CODE_TYPE.0
    }
}

impl CodePayload {
    /// The source span of the instruction at code-unit index `i`.
    pub fn position(&self, i: usize) -> Positions {
        let p = self.positions.get_or_init(|| {
            taipan_bytecode::linetable::co_positions(
                &self.code.linetable,
                self.code.firstlineno,
                self.code.code.len(),
            )
        });
        p.get(i).copied().unwrap_or_default()
    }

    pub fn flags(&self) -> u32 {
        self.code.flags
    }
}

/// Converts one constant, making nested code objects.
pub(crate) fn load_const(c: &Const) -> PyResult<Object> {
    match c {
        Const::Code(inner) => new_code(inner.clone()),
        Const::FrozenSet(items) => crate::types::set::new_frozenset(
            items.iter().map(load_const).collect::<PyResult<Vec<_>>>()?,
        ),
        Const::Set(items) => {
            crate::types::set::new_set(items.iter().map(load_const).collect::<PyResult<Vec<_>>>()?)
        }
        Const::Tuple(items)
            if items.iter().any(|i| matches!(i, Const::FrozenSet(_) | Const::Set(_))) =>
        {
            Ok(crate::types::tuple::new_tuple(
                items.iter().map(load_const).collect::<PyResult<Vec<_>>>()?,
            ))
        }
        other => crate::convert::const_to_object(other),
    }
}

/// A code object for `code` (and, recursively, the code objects among its constants).
pub fn new_code(code: Arc<CodeObject>) -> PyResult<Object> {
    new_code_with(code, None)
}

/// A code object for `code` whose constants are `consts` when given (`code.replace`: any
/// objects, at least as many as the bytecode indexes), else loaded from `code.consts`.
pub(crate) fn new_code_with(
    code: Arc<CodeObject>,
    consts: Option<Vec<Object>>,
) -> PyResult<Object> {
    let _guard = crate::ops::RecursionGuard::enter(" while loading a constant")?;
    let consts = match consts {
        Some(c) => c,
        None => code.consts.iter().map(load_const).collect::<PyResult<Vec<_>>>()?,
    };
    let names = code.names.iter().map(|n| intern_object(new_str_from_pystr(n))).collect();
    let localsplusnames =
        code.localsplusnames.iter().map(|n| intern_object(new_str_from_pystr(n))).collect();
    let payload = CodePayload {
        // One `RESERVED` unit past the end: the loop fetches without a bounds check
        // (docs/vm.md, "The code-unit bound"), and a frame running past its last instruction
        // meets it and raises SystemError.
        units: code
            .code
            .iter()
            .copied()
            .chain([CodeUnit { op: taipan_bytecode::opcodes::RESERVED, arg: 0 }])
            .collect(),
        ic: new_inline_caches(&code.code),
        consts,
        names,
        localsplusnames,
        name: intern_object(new_str_from_pystr(&code.name)),
        qualname: new_str_from_pystr(&code.qualname),
        filename: new_str_from_pystr(&code.filename),
        nlocalsplus: code.localsplusnames.len(),
        positions: OnceCell::new(),
        code,
    };
    Ok(new_object(&CODE_TYPE.0, payload))
}

/// The inline-cache words of `units`: one per unit plus the `RESERVED` one, then a block of
/// `SUPER_WORDS` for each `LOAD_SUPER_ATTR`, whose CACHE word holds its block's offset
/// (`eval/specialize.rs`).
fn new_inline_caches(units: &[CodeUnit]) -> Box<[std::cell::Cell<u64>]> {
    use crate::eval::specialize::SUPER_WORDS;
    use taipan_bytecode::opcodes::LOAD_SUPER_ATTR;
    let supers = units.iter().filter(|u| u.op == LOAD_SUPER_ATTR).count();
    let ic: Box<[std::cell::Cell<u64>]> =
        (0..=units.len() + supers * SUPER_WORDS).map(|_| std::cell::Cell::new(0)).collect();
    let mut at = units.len() + 1;
    for (i, u) in units.iter().enumerate() {
        if u.op == LOAD_SUPER_ATTR && i + 1 < units.len() {
            ic[i + 1].set(at as u64);
            at += SUPER_WORDS;
        }
    }
    ic
}

#[inline]
pub fn as_code(o: ObjectRef<'_>) -> Option<&CodePayload> {
    // `code` cannot be subclassed: the exact type test is the subtype test (the eval loop
    // asks at every frame switch).
    if !o.is_small_int() && std::ptr::eq(o.type_(), &CODE_TYPE.0) {
        // SAFETY: docs/vm.md, "Object layout": an object of type `code` is made only with a
        // `CodePayload`.
        Some(unsafe { o.payload_unchecked::<CodePayload>() })
    } else {
        None
    }
}

fn code_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let c = as_code(o).expect("code");
    Ok(new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name.to_string_lossy(),
        o.id(),
        c.code.filename.to_string_lossy(),
        c.code.firstlineno
    )))
}

fn code_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let c = as_code(o).expect("code");
    let names = |v: Vec<&taipan_common::PyStr>| {
        crate::types::tuple::new_tuple(v.into_iter().map(new_str_from_pystr).collect())
    };
    use crate::types::int::new_int_i64;
    Ok(match crate::types::str::Str::new(name).and_then(|s| s.as_str()) {
        Some("co_name") => c.name.clone(),
        Some("co_qualname") => c.qualname.clone(),
        Some("co_filename") => c.filename.clone(),
        Some("co_firstlineno") => new_int_i64(c.code.firstlineno as i64),
        Some("co_argcount") => new_int_i64(c.code.argcount as i64),
        Some("co_posonlyargcount") => new_int_i64(c.code.posonlyargcount as i64),
        Some("co_kwonlyargcount") => new_int_i64(c.code.kwonlyargcount as i64),
        Some("co_flags") => new_int_i64(c.code.flags as i64),
        Some("co_nlocals") => new_int_i64(c.code.nlocals() as i64),
        Some("co_stacksize") => new_int_i64(c.code.stacksize as i64),
        Some("co_consts") => crate::types::tuple::new_tuple(c.consts.clone()),
        Some("co_names") => crate::types::tuple::new_tuple(c.names.clone()),
        Some("co_varnames") => names(c.code.varnames()),
        Some("co_cellvars") => names(c.code.cellvars()),
        Some("co_freevars") => names(c.code.freevars()),
        Some("co_code") | Some("_co_code_adaptive") => {
            crate::types::bytes::new_bytes(&c.code.code_bytes())
        }
        Some("co_linetable") => crate::types::bytes::new_bytes(&c.code.linetable),
        Some("co_exceptiontable") => crate::types::bytes::new_bytes(&c.code.exceptiontable),
        Some("co_nlocalsplus") => new_int_i64(c.nlocalsplus as i64),
        Some("co_localsplusnames") => crate::types::tuple::new_tuple(c.localsplusnames.clone()),
        Some("co_localspluskinds") => crate::types::bytes::new_bytes(&c.code.localspluskinds),
        _ => return crate::attr::generic_getattr(o, name),
    })
}

fn code_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    for c in &as_code(o).expect("code").consts {
        visit(c.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead code object.
unsafe fn code_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: code objects carry a `CodePayload`.
    unsafe { dealloc_payload::<CodePayload>(obj) }
}

pub static CODE_TYPE: StaticType = StaticType(PyType::new_static(
    "code",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<CodePayload>(),
    0,
    TypeFlags::HAVE_GC,
    200,
    code_dealloc,
    Some(code_traverse),
    Slots {
        repr: slot(code_repr as UnaryFn),
        getattr: slot(code_getattr as crate::types::typeobject::GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

fn opt_int(v: Option<i32>) -> Object {
    v.map_or_else(crate::types::singletons::none, |v| crate::types::int::new_int_i64(v as i64))
}

pub(crate) fn code_self<'a>(
    s: Option<ObjectRef<'a>>,
    args: &'a [Object],
    name: &str,
) -> PyResult<(&'a CodePayload, &'a [Object])> {
    let (o, rest) = crate::builtins::args::split_self(s, args, "code", name)?;
    let c = as_code(o).ok_or_else(|| {
        crate::error::PyErr::type_error(format!(
            "descriptor '{name}' for 'code' objects doesn't apply to a '{}' object",
            o.type_().name()
        ))
    })?;
    Ok((c, rest))
}

/// `code.co_positions()`: an iterator of `(line, end_line, col, end_col)` per code unit.
fn co_positions(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, rest) = code_self(s, args, "co_positions")?;
    crate::builtins::args::Args::new(rest, kw).check_method("code", "co_positions", 0, 0)?;
    let items: Vec<Object> = c
        .code
        .positions()
        .into_iter()
        .map(|p| {
            crate::types::tuple::new_tuple(vec![
                opt_int(p.line),
                opt_int(p.end_line),
                opt_int(p.col),
                opt_int(p.end_col),
            ])
        })
        .collect();
    crate::ops::iter(crate::types::list::new_list(items).as_ref())
}

/// `code.co_lines()`: an iterator of `(start, end, line)` byte ranges.
fn co_lines(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, rest) = code_self(s, args, "co_lines")?;
    crate::builtins::args::Args::new(rest, kw).check_method("code", "co_lines", 0, 0)?;
    let items: Vec<Object> = c
        .code
        .lines()
        .into_iter()
        .map(|r| {
            crate::types::tuple::new_tuple(vec![
                crate::types::int::new_int_i64(r.start as i64),
                crate::types::int::new_int_i64(r.end as i64),
                opt_int(r.line),
            ])
        })
        .collect();
    crate::ops::iter(crate::types::list::new_list(items).as_ref())
}

/// `code._varname_from_oparg(i)`: the name of fast local `i`.
fn varname_from_oparg(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (c, rest) = code_self(s, args, "_varname_from_oparg")?;
    let a = crate::builtins::args::Args::new(rest, kw);
    let v = a.bind("_varname_from_oparg", &["oparg"], 1)?;
    let i = crate::ops::index_value(v[0].expect("bound").as_ref())?.unwrap_or(-1);
    usize::try_from(i)
        .ok()
        .and_then(|i| c.localsplusnames.get(i).cloned())
        .ok_or_else(|| crate::error::PyErr::index_error("tuple index out of range"))
}

/// Registers the code object's methods (`co_positions`, `co_lines`, `_varname_from_oparg`,
/// `replace`/`__replace__`).
pub(crate) fn register_methods() {
    use crate::types::function::{NativeFn, new_method_descriptor};
    use crate::types::typelookup::register_static_attr;
    for (name, f) in [
        ("co_positions", co_positions as NativeFn),
        ("co_lines", co_lines),
        ("_varname_from_oparg", varname_from_oparg),
        ("replace", crate::types::code_replace::code_replace),
        ("__replace__", crate::types::code_replace::code_replace),
    ] {
        let _ =
            register_static_attr(&CODE_TYPE.0, name, new_method_descriptor(&CODE_TYPE.0, name, f));
    }
}
