//! `slice`: start/stop/step objects and CPython's index arithmetic for applying a slice to a
//! sequence of known length (`PySlice_Unpack` + `PySlice_AdjustIndices`).

use crate::error::{PyErr, PyResult};
use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::alloc::{free_object, gc_head, new_object, payload_ptr};
use crate::object::{GcHead, Object, ObjectRef, PyObject, PyPayload};
use crate::types::singletons::is_none;
use crate::types::typeobject::{PyType, Slots, StaticType, TypeFlags, UnaryFn, slot};

pub struct SlicePayload {
    pub start: Object,
    pub stop: Object,
    pub step: Object,
}

// SAFETY: slices are built only by `new_slice`, with a `SlicePayload`.
unsafe impl PyPayload for SlicePayload {
    fn type_object() -> &'static PyType {
        &SLICE_TYPE.0
    }
}

/// The memory of one dead slice, kept for the next `new_slice` (CPython keeps one too): most
/// slices live only for one subscript. The entry is a whole slice allocation (collector head,
/// header, payload) that nothing refers to and whose payload is already dropped.
static CACHED: crate::gil::GilCell<Cell<Option<NonNull<PyObject>>>> =
    crate::gil::GilCell::new(Cell::new(None));

pub fn new_slice(start: Object, stop: Object, step: Object) -> Object {
    if let Some(p) = CACHED.take() {
        // SAFETY: `p` is a dead slice's allocation, laid out for a `SlicePayload` with a collector
        // head, now ours alone (docs/vm.md, "Object layout"); writing a null head, a fresh header
        // and the payload makes it a new slice, tracked as `alloc_object` tracks one (docs/vm.md,
        // "The cycle collector").
        unsafe {
            gc_head(p).write(GcHead::new());
            p.write(PyObject::new_owned(&SLICE_TYPE.0));
            payload_ptr::<SlicePayload>(p).write(SlicePayload { start, stop, step });
            crate::gc::track_new(p);
            return Object::from_raw(p);
        }
    }
    new_object(&SLICE_TYPE.0, SlicePayload { start, stop, step })
}

pub fn as_slice(o: ObjectRef<'_>) -> Option<&SlicePayload> {
    o.payload::<SlicePayload>()
}

/// A slice bound as an isize, clamped like CPython (`_PyEval_SliceIndex`).
#[inline]
fn bound(o: ObjectRef<'_>) -> PyResult<isize> {
    if let Some(v) = o.small_int() {
        return Ok(v as isize);
    }
    match crate::ops::index_value_clamped(o)? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

impl SlicePayload {
    /// `(start, stop, step, length)` for a sequence of `len` items.
    #[inline]
    pub fn indices(&self, len: usize) -> PyResult<(isize, isize, isize, usize)> {
        let step = if is_none(self.step.as_ref()) { 1 } else { bound(self.step.as_ref())? };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        // Keep -step representable.
        let step = step.max(-isize::MAX);
        let len = len as isize;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let adjust = |o: &Object, default: isize| -> PyResult<isize> {
            if is_none(o.as_ref()) {
                return Ok(default);
            }
            let v = bound(o.as_ref())?;
            Ok(if v < 0 { (v + len).max(lower) } else { v.min(upper) })
        };
        let start = adjust(&self.start, if step < 0 { upper } else { lower })?;
        let stop = adjust(&self.stop, if step < 0 { lower } else { upper })?;
        let n = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok((start, stop, step, n as usize))
    }
}

fn slice_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let s = as_slice(o).expect("slice");
    let text = format!(
        "slice({}, {}, {})",
        crate::ops::repr_string(s.start.as_ref())?,
        crate::ops::repr_string(s.stop.as_ref())?,
        crate::ops::repr_string(s.step.as_ref())?
    );
    Ok(crate::types::str::new_str(&text))
}

fn as_triple(o: ObjectRef<'_>) -> Option<Object> {
    let s = as_slice(o)?;
    Some(crate::types::tuple::new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()]))
}

/// `slice.__reduce__()`: `(slice, (start, stop, step))`.
pub(crate) fn slice_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).check_method("slice", "__reduce__", 0, 0)?;
    let me = s.expect("a slice");
    let triple = as_triple(me).ok_or_else(|| PyErr::type_error("descriptor requires a slice"))?;
    Ok(crate::types::tuple::new_tuple(vec![SLICE_TYPE.0.as_object().to_owned(), triple]))
}

/// Slices compare as the tuples `(start, stop, step)`.
fn slice_richcompare(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: crate::types::typeobject::CompareOp,
) -> PyResult<Object> {
    let (Some(x), Some(y)) = (as_triple(a), as_triple(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    crate::ops::rich_compare(x.as_ref(), y.as_ref(), op)
}

/// Since 3.12 a slice hashes as the tuple of its fields would.
fn slice_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    crate::ops::hash(as_triple(o).expect("slice").as_ref())
}

fn slice_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let s = as_slice(o).expect("slice");
    visit(s.start.as_ref());
    visit(s.stop.as_ref());
    visit(s.step.as_ref());
}

/// Deallocates a slice.
///
/// # Safety
/// Called only by the deallocation path on a dead slice.
unsafe fn slice_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: slices carry a `SlicePayload`, which is moved out before the memory is kept or
    // freed; `slice` cannot be subclassed, so the layout is always this one.
    let payload = unsafe { payload_ptr::<SlicePayload>(obj).read() };
    if CACHED.get().is_none() {
        CACHED.set(Some(obj));
    } else {
        // SAFETY: the payload was moved out above; the memory has a slice's layout.
        unsafe { free_object(obj, Layout::new::<SlicePayload>()) }
    }
    // The bounds are released last: their deallocation may run Python code, which may make
    // and free slices itself.
    drop(payload);
}

pub static SLICE_TYPE: StaticType = StaticType(PyType::new_static(
    "slice",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<SlicePayload>(),
    0,
    TypeFlags::HAVE_GC,
    14,
    slice_dealloc,
    Some(slice_traverse),
    Slots {
        repr: slot(slice_repr as UnaryFn),
        richcompare: slot(slice_richcompare as crate::types::typeobject::RichCompareFn),
        hash: slot(slice_hash as crate::types::typeobject::HashFn),
        ..crate::types::object::object_slots()
    },
));
