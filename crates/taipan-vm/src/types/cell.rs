//! `cell`: the box a closure shares a variable through (`MAKE_CELL`, `LOAD_DEREF`,
//! `STORE_DEREF`). An empty cell is an unbound variable.

use std::cell::RefCell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::str::new_str;
use crate::types::typeobject::{PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

pub struct CellPayload {
    /// The content. Read and written by cloning or swapping whole values, never borrowed across a
    /// call that could run Python code (docs/vm.md, "Interior mutability").
    value: RefCell<Option<Object>>,
}

// SAFETY: cells are built only by `new_cell` with a `CellPayload`.
unsafe impl PyPayload for CellPayload {
    fn type_object() -> &'static PyType {
        &CELL_TYPE.0
    }
}

impl CellPayload {
    pub fn get(&self) -> Option<Object> {
        self.value.borrow().clone()
    }

    /// Stores `v`, returning the old content for the caller to drop outside the borrow.
    pub fn set(&self, v: Option<Object>) -> Option<Object> {
        self.value.replace(v)
    }
}

pub fn new_cell(v: Option<Object>) -> Object {
    new_object(&CELL_TYPE.0, CellPayload { value: RefCell::new(v) })
}

pub fn as_cell(o: ObjectRef<'_>) -> Option<&CellPayload> {
    o.payload::<CellPayload>()
}

/// `types.CellType(contents)`: a cell, empty without the argument.
fn cell_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if kw.and_then(crate::types::tuple::tuple_items).is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("cell() takes no keyword arguments"));
    }
    match args {
        [] => Ok(new_cell(None)),
        [v] => Ok(new_cell(Some(v.clone()))),
        _ => {
            Err(PyErr::type_error(format!("cell expected at most 1 argument, got {}", args.len())))
        }
    }
}

/// Registers `cell`'s constructor.
pub(crate) fn register_constructor() {
    crate::eval::typecall::register_constructor(&CELL_TYPE.0, cell_new);
}

fn cell_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let c = as_cell(o).expect("cell");
    Ok(new_str(&match c.get() {
        None => format!("<cell at {:#x}: empty>", o.id()),
        Some(v) => {
            format!("<cell at {:#x}: {} object at {:#x}>", o.id(), v.type_().name(), v.id())
        }
    }))
}

fn cell_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if crate::types::str::Str::new(name).and_then(|s| s.as_str()) == Some("cell_contents") {
        return as_cell(o)
            .expect("cell")
            .get()
            .ok_or_else(|| crate::error::PyErr::value_error("Cell is empty"));
    }
    crate::attr::generic_getattr(o, name)
}

fn cell_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    if crate::types::str::Str::new(name).and_then(|s| s.as_str()) == Some("cell_contents") {
        let old = as_cell(o).expect("cell").set(v.map(|v| v.to_owned()));
        drop(old);
        return Ok(());
    }
    crate::attr::setattr(o, name, v)
}

fn cell_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(v) = as_cell(o).expect("cell").get() {
        visit(v.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead cell.
unsafe fn cell_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: cells carry a `CellPayload`.
    unsafe { dealloc_payload::<CellPayload>(obj) }
}

/// `clear` (the collector breaking a cycle): empties the cell.
fn cell_gc_clear(o: ObjectRef<'_>) {
    let old = as_cell(o).expect("cell").set(None);
    drop(old);
}

pub static CELL_TYPE: StaticType = StaticType(PyType::new_static(
    "cell",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<CellPayload>(),
    0,
    TypeFlags::HAVE_GC,
    201,
    cell_dealloc,
    Some(cell_traverse),
    Slots {
        repr: slot(cell_repr as UnaryFn),
        clear: slot(cell_gc_clear as crate::types::typeobject::ClearFn),
        getattr: slot(cell_getattr as crate::types::typeobject::GetAttrFn),
        setattr: slot(cell_setattr as crate::types::typeobject::SetAttrFn),
        ..crate::types::object::object_slots()
    },
));
