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
    /// later while `co_code` keeps the compiler's form).
    pub units: Box<[CodeUnit]>,
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
fn load_const(c: &Const) -> PyResult<Object> {
    match c {
        Const::Code(inner) => new_code(inner.clone()),
        other => crate::convert::const_to_object(other),
    }
}

/// A code object for `code` (and, recursively, the code objects among its constants).
pub fn new_code(code: Arc<CodeObject>) -> PyResult<Object> {
    let _guard = crate::ops::RecursionGuard::enter(" while loading a constant")?;
    let consts = code.consts.iter().map(load_const).collect::<PyResult<Vec<_>>>()?;
    let names = code.names.iter().map(|n| intern_object(new_str_from_pystr(n))).collect();
    let localsplusnames =
        code.localsplusnames.iter().map(|n| intern_object(new_str_from_pystr(n))).collect();
    let payload = CodePayload {
        units: code.code.clone().into_boxed_slice(),
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

pub fn as_code(o: ObjectRef<'_>) -> Option<&CodePayload> {
    o.payload::<CodePayload>()
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
    Slots { repr: slot(code_repr as UnaryFn), ..crate::types::object::object_slots() },
));
