//! The heap allocation of an object: `[GcHead]? PyObject payload`, built and freed here and nowhere
//! else (docs/vm.md, "Object layout").

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::ptr::NonNull;

use super::header::{GcHead, HEADER_SIZE, PyObject};
use crate::types::typeobject::PyType;

/// Size of the collector's head in front of a container's header.
pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

/// The allocation layout of an object whose payload has layout `payload`, and the offset of the
/// header inside it (0, or `GC_HEAD_SIZE` for containers).
#[inline]
pub fn object_layout(payload: Layout, gc: bool) -> (Layout, usize) {
    assert!(payload.align() <= 8, "payloads are at most 8-aligned");
    let prefix = if gc { GC_HEAD_SIZE } else { 0 };
    let size = prefix + HEADER_SIZE + payload.size();
    // A size overflow here would need an allocation larger than the address space; the callers
    // check lengths before, so this is an invariant, not an input error.
    let layout = Layout::from_size_align(size, 8).expect("object size overflow");
    (layout, prefix)
}

/// Allocates an object of type `ty` with room for a payload of layout `payload`, writes its header
/// (refcount 1) and a null collector head for containers, and returns the header pointer. The
/// payload is left uninitialised: the caller writes it before the object is used.
///
/// A heap type gains a reference, dropped again in [`free_object`].
pub fn alloc_object(ty: &PyType, payload: Layout) -> NonNull<PyObject> {
    let gc = ty.is_gc();
    let (layout, prefix) = object_layout(payload, gc);
    // SAFETY: `layout` has a non-zero size (it holds at least the header).
    let base = unsafe { alloc(layout) };
    let Some(base) = NonNull::new(base) else { handle_alloc_error(layout) };
    // SAFETY: `base` points to `layout.size()` writable bytes, 8-aligned; the collector head (if
    // any) and the header fit at the offsets computed by `object_layout` (docs/vm.md, "Object
    // layout").
    unsafe {
        if gc {
            base.cast::<GcHead>().write(GcHead::new());
        }
        let header = base.add(prefix).cast::<PyObject>();
        header.write(PyObject::new_owned(ty));
        ty.incref_if_heap();
        if gc {
            // The payload is written by the caller before control returns to the eval loop,
            // the only place a collection starts (docs/vm.md, "The cycle collector").
            crate::gc::track_new(header);
        }
        header
    }
}

/// Frees the memory of an object whose payload has already been dropped.
///
/// # Safety
/// `obj` came from [`alloc_object`] with the same `payload` layout, its refcount reached zero, its
/// payload is dropped, and nothing refers to it any more.
pub unsafe fn free_object(obj: NonNull<PyObject>, payload: Layout) {
    // SAFETY: per the contract, the header is still readable (its payload, not its header, was
    // dropped) and the type outlives its instances (docs/vm.md, "Types and slots").
    let ty: *const PyType = unsafe { obj.as_ref().type_ptr() };
    // SAFETY: the type pointer of a dead object is still valid until we drop our reference below.
    let gc = unsafe { (*ty).is_gc() };
    let (layout, prefix) = object_layout(payload, gc);
    // SAFETY: the allocation starts `prefix` bytes before the header and has `layout`, exactly as
    // `alloc_object` made it.
    unsafe {
        let base = obj.cast::<u8>().sub(prefix);
        dealloc(base.as_ptr(), layout);
        crate::types::typeobject::decref_type_if_heap(ty);
    }
}

/// Grows or shrinks the payload of a non-container object from layout `old` to `new`, moving it if
/// the allocator must; returns the (possibly new) header pointer. Used by `str`'s in-place append
/// (docs/vm.md, "str").
///
/// # Safety
/// `obj` came from [`alloc_object`] with payload layout `old`, its type has no `HAVE_GC`, and the
/// caller holds the only reference to it and no borrow of its payload (the object may move).
pub unsafe fn realloc_object(
    obj: NonNull<PyObject>,
    old: Layout,
    new: Layout,
) -> NonNull<PyObject> {
    let (old_layout, prefix) = object_layout(old, false);
    let (new_layout, _) = object_layout(new, false);
    debug_assert_eq!(prefix, 0);
    // SAFETY: per the contract the block was allocated with `old_layout` at the header (no
    // collector head), and nothing else points into it while it moves.
    let p =
        unsafe { std::alloc::realloc(obj.as_ptr().cast::<u8>(), old_layout, new_layout.size()) };
    match NonNull::new(p) {
        Some(p) => p.cast::<PyObject>(),
        None => handle_alloc_error(new_layout),
    }
}

/// The collector head in front of a container object.
///
/// # Safety
/// `obj` is a live object (or one being deallocated) whose type has `HAVE_GC`.
#[inline]
pub unsafe fn gc_head(obj: NonNull<PyObject>) -> NonNull<GcHead> {
    // SAFETY: containers are allocated with the head right before the header (docs/vm.md,
    // "Object layout").
    unsafe { obj.cast::<GcHead>().sub(1) }
}

/// The header of the container object whose collector head is `gc`.
///
/// # Safety
/// `gc` is the head of a container object allocated by [`alloc_object`] (or a static laid out the
/// same way).
#[inline]
pub unsafe fn object_of_gc(gc: NonNull<GcHead>) -> NonNull<PyObject> {
    // SAFETY: the header follows the head immediately (docs/vm.md, "Object layout").
    unsafe { gc.add(1).cast::<PyObject>() }
}

/// Pointer to the payload of `obj`, which always starts `HEADER_SIZE` bytes after the header.
#[inline]
pub fn payload_ptr<T>(obj: NonNull<PyObject>) -> NonNull<T> {
    // SAFETY: every object is allocated with its payload at `HEADER_SIZE` past the header, inside
    // the same allocation (docs/vm.md, "Object layout"); forming the pointer reads nothing.
    unsafe { obj.cast::<u8>().add(HEADER_SIZE).cast::<T>() }
}

/// Allocates an object of type `ty` (`T`'s type or a subtype) with a fixed-size payload.
pub fn new_object<T: super::PyPayload>(ty: &PyType, payload: T) -> super::Object {
    debug_assert!(ty.is_subtype(T::type_object()));
    let obj = alloc_object(ty, Layout::new::<T>());
    // SAFETY: the allocation has room for a `T` at the payload offset, and it is ours alone.
    unsafe {
        payload_ptr::<T>(obj).write(payload);
        super::Object::from_raw(obj)
    }
}

/// The deallocator of a type with a fixed-size payload `T`: drops the payload, frees the memory.
///
/// # Safety
/// `obj` is a dead object allocated by [`new_object`] with a `T` payload.
pub unsafe fn dealloc_payload<T>(obj: NonNull<PyObject>) {
    // SAFETY: per the contract, the payload is an initialised `T` nobody else can reach; the
    // memory is freed with the layout it was allocated with.
    unsafe {
        std::ptr::drop_in_place(payload_ptr::<T>(obj).as_ptr());
        free_object(obj, Layout::new::<T>());
    }
}
