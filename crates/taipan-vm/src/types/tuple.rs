//! `tuple`: an immutable sequence with its items inline after the length (one allocation), a
//! container (collector head, traverse, trashcan), the immortal empty tuple, CPython's tuple hash,
//! lexicographic comparison.

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::hash::TupleHasher;
use crate::object::alloc::{alloc_object, free_object, payload_ptr};
use crate::object::statics::StaticGcObject;
use crate::object::{Object, ObjectRef, PyObject, PyPayload};
use crate::ops;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, HashFn, LenFn, PyType, RichCompareFn, SeqItemFn, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

/// The fixed part of a tuple's payload; `len` owned `Object`s follow it.
#[repr(C)]
pub struct TupleHead {
    len: usize,
}

const HEAD_SIZE: usize = std::mem::size_of::<TupleHead>();

// SAFETY: every tuple is made by `new_tuple` (or is the static empty tuple) with a `TupleHead`
// followed by `len` initialised items.
unsafe impl PyPayload for TupleHead {
    fn type_object() -> &'static PyType {
        &TUPLE_TYPE.0
    }
}

fn items_layout(n: usize) -> Layout {
    let bytes = n.checked_mul(std::mem::size_of::<Object>()).expect("tuple too long");
    Layout::from_size_align(HEAD_SIZE + bytes, 8).expect("tuple too long")
}

/// The items of a tuple object, `None` for other objects.
#[inline]
pub fn tuple_items(o: ObjectRef<'_>) -> Option<&[Object]> {
    if o.is_small_int() || !o.type_().has_flag(TypeFlags::TUPLE_SUBCLASS) {
        return None;
    }
    // SAFETY: a tuple's head is followed by `len` initialised items that never change for the
    // tuple's life; the slice borrows the tuple (docs/vm.md, "Object layout").
    unsafe {
        let len = o.payload_unchecked::<TupleHead>().len;
        let items = payload_ptr::<u8>(o.raw()).add(HEAD_SIZE).cast::<Object>();
        Some(std::slice::from_raw_parts(items.as_ptr(), len))
    }
}

/// A new tuple owning `items`.
pub fn new_tuple(items: Vec<Object>) -> Object {
    if items.is_empty() {
        return empty_tuple();
    }
    new_tuple_of_type(&TUPLE_TYPE.0, items)
}

/// A new tuple of type `ty` (`tuple` or a Python subclass of it) owning `items`.
pub fn new_tuple_of_type(ty: &crate::types::typeobject::PyType, items: Vec<Object>) -> Object {
    let mut items = std::mem::ManuallyDrop::new(items);
    // SAFETY: the vector's items are moved into the tuple exactly once; the vector then forgets
    // them (length zero) and only its buffer is freed.
    unsafe {
        let t = tuple_moving(ty, items.as_ptr(), items.len());
        items.set_len(0);
        std::mem::ManuallyDrop::drop(&mut items);
        t
    }
}

/// A new exact tuple of the `N` items of an array (no intermediate vector: `zip` and
/// `enumerate` build a pair per step).
pub fn new_tuple_array<const N: usize>(items: [Object; N]) -> Object {
    if N == 0 {
        return empty_tuple();
    }
    let items = std::mem::ManuallyDrop::new(items);
    // SAFETY: the array's items are moved into the tuple exactly once and never dropped here.
    unsafe { tuple_moving(&TUPLE_TYPE.0, items.as_ptr(), N) }
}

/// A tuple of type `ty` holding the `n` objects at `src`, whose references it takes over.
///
/// # Safety
/// `src` points to `n` initialised objects that the caller gives up (it must not drop them).
unsafe fn tuple_moving(
    ty: &crate::types::typeobject::PyType,
    src: *const Object,
    n: usize,
) -> Object {
    debug_assert!(ty.has_flag(TypeFlags::TUPLE_SUBCLASS));
    let obj = alloc_object(ty, items_layout(n));
    // SAFETY: the allocation has room for the head and `n` items; the items' references move
    // from `src` (per the contract) into the tuple.
    unsafe {
        payload_ptr::<TupleHead>(obj).write(TupleHead { len: n });
        let dst = payload_ptr::<u8>(obj).add(HEAD_SIZE).cast::<Object>();
        std::ptr::copy_nonoverlapping(src, dst.as_ptr(), n);
        let t = Object::from_raw(obj);
        crate::gc::maybe_untrack_tuple(t.as_ref(), tuple_items(t.as_ref()).expect("tuple"));
        t
    }
}

/// A new tuple of borrowed items (each gains a reference).
pub fn new_tuple_from_refs(items: &[ObjectRef<'_>]) -> Object {
    new_tuple(items.iter().map(|o| (*o).to_owned()).collect())
}

/// `()`.
pub static EMPTY_TUPLE: StaticGcObject<TupleHead> =
    StaticGcObject::new(&TUPLE_TYPE.0, TupleHead { len: 0 });

#[inline]
pub fn empty_tuple() -> Object {
    EMPTY_TUPLE.object()
}

/// Deallocates a tuple, releasing its items last to first as CPython does.
///
/// # Safety
/// Called only by the deallocation path on a dead tuple made by `new_tuple`.
unsafe fn tuple_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the payload is a head and `len` owned items; drop them, then free with the layout
    // `new_tuple` used.
    unsafe {
        let len = payload_ptr::<TupleHead>(obj).as_ref().len;
        let items = payload_ptr::<u8>(obj).add(HEAD_SIZE).cast::<Object>();
        for i in (0..len).rev() {
            std::ptr::drop_in_place(items.add(i).as_ptr());
        }
        free_object(obj, items_layout(len));
    }
}

fn tuple_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    for it in tuple_items(o).expect("tuple") {
        visit(it.as_ref());
    }
}

fn tuple_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let items = tuple_items(o).expect("tuple");
    if items.is_empty() {
        return Ok(crate::types::str::new_str("()"));
    }
    let Some(_guard) = ops::ReprGuard::enter(o) else {
        return Ok(crate::types::str::new_str("(...)"));
    };
    let mut out = String::from("(");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(it.as_ref())?);
    }
    out.push_str(if items.len() == 1 { ",)" } else { ")" });
    Ok(crate::types::str::new_str(&out))
}

fn tuple_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let items = tuple_items(o).expect("tuple");
    let _depth = ops::RecursionGuard::enter(" in hash")?;
    let mut h = TupleHasher::new(items.len());
    for it in items {
        h.add(ops::hash(it.as_ref())?);
    }
    Ok(h.finish())
}

/// Lexicographic comparison of two item sequences read through `get` (which re-reads the
/// containers at each step, since a comparison may run code that mutates a list).
pub fn compare_sequences(
    a_len: &dyn Fn() -> usize,
    b_len: &dyn Fn() -> usize,
    a_get: &dyn Fn(usize) -> Option<Object>,
    b_get: &dyn Fn(usize) -> Option<Object>,
    op: CompareOp,
) -> PyResult<Object> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && a_len() != b_len() {
        return Ok(crate::types::bool::py_bool(op == CompareOp::Ne));
    }
    let _depth = ops::RecursionGuard::enter(" in comparison")?;
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (a_get(i), b_get(i)) else { break };
        if !ops::rich_compare_bool(x.as_ref(), y.as_ref(), CompareOp::Eq)? {
            // First differing items decide, except for == and != which are settled.
            return match op {
                CompareOp::Eq => Ok(crate::types::bool::py_bool(false)),
                CompareOp::Ne => Ok(crate::types::bool::py_bool(true)),
                _ => ops::rich_compare(x.as_ref(), y.as_ref(), op),
            };
        }
        i += 1;
    }
    Ok(crate::types::bool::py_bool(op.matches(a_len().cmp(&b_len()))))
}

fn tuple_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (tuple_items(a), tuple_items(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    compare_sequences(&|| x.len(), &|| y.len(), &|i| x.get(i).cloned(), &|i| y.get(i).cloned(), op)
}

fn tuple_len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(tuple_items(o).expect("tuple").len())
}

fn tuple_item(o: ObjectRef<'_>, i: isize) -> PyResult<Object> {
    let items = tuple_items(o).expect("tuple");
    usize::try_from(i)
        .ok()
        .and_then(|i| items.get(i))
        .cloned()
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn tuple_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let items = tuple_items(o).expect("tuple");
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(items.len())?;
        if step == 1 && n == items.len() && std::ptr::eq(o.type_(), &TUPLE_TYPE.0) {
            return Ok(o.to_owned());
        }
        return Ok(new_tuple(
            (0..n).map(|k| items[(start + k as isize * step) as usize].clone()).collect(),
        ));
    }
    match ops::index_value(key)? {
        Some(i) => tuple_item(o, if i < 0 { i + items.len() as isize } else { i }),
        None => Err(PyErr::type_error(format!(
            "tuple indices must be integers or slices, not {}",
            key.type_().name()
        ))),
    }
}

fn tuple_concat(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let x = tuple_items(a).expect("tuple");
    let Some(y) = tuple_items(b) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.type_().name()
        )));
    };
    Ok(new_tuple(x.iter().chain(y).cloned().collect()))
}

fn tuple_repeat(a: ObjectRef<'_>, n: isize) -> PyResult<Object> {
    let x = tuple_items(a).expect("tuple");
    if n <= 0 || x.is_empty() {
        return Ok(empty_tuple());
    }
    let total = x.len().checked_mul(n as usize).ok_or_else(PyErr::memory_error)?;
    if total > isize::MAX as usize / 8 {
        return Err(PyErr::memory_error());
    }
    let mut items = Vec::new();
    items.try_reserve_exact(total).map_err(|_| PyErr::memory_error())?;
    items.extend(x.iter().cycle().take(total).cloned());
    Ok(new_tuple(items))
}

fn tuple_contains(a: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    for it in tuple_items(a).expect("tuple") {
        if ops::rich_compare_bool(it.as_ref(), v, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub static TUPLE_TYPE: StaticType = StaticType(PyType::new_static(
    "tuple",
    Some(&crate::types::object::OBJECT_TYPE.0),
    HEAD_SIZE,
    std::mem::size_of::<Object>(),
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::TUPLE_SUBCLASS),
    15,
    tuple_dealloc,
    Some(tuple_traverse),
    Slots {
        iter: slot(crate::types::iter::TUPLE_ITER),
        repr: slot(tuple_repr as UnaryFn),
        hash: slot(tuple_hash as HashFn),
        richcompare: slot(tuple_richcompare as RichCompareFn),
        sq_length: slot(tuple_len as LenFn),
        sq_concat: slot(tuple_concat as BinaryFn),
        sq_repeat: slot(tuple_repeat as fn(ObjectRef<'_>, isize) -> PyResult<Object>),
        sq_item: slot(tuple_item as SeqItemFn),
        sq_contains: slot(tuple_contains as ContainsFn),
        mp_length: slot(tuple_len as LenFn),
        mp_subscript: slot(tuple_subscript as BinaryFn),
        ..crate::types::object::object_slots()
    },
));
