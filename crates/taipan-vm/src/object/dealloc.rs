//! The deallocation path: what runs when a refcount reaches zero, and the trashcan that keeps
//! freeing a deep chain of containers from recursing without bound (docs/vm.md, "Deallocation").

use std::cell::Cell;
use std::ptr::{self, NonNull};

use super::alloc::{gc_head, object_of_gc};
use super::header::{GcHead, PyObject};

/// How many container deallocations may nest on the Rust stack before further ones are deferred.
pub const TRASHCAN_DEPTH: usize = 50;

thread_local! {
    /// Nesting depth of container deallocations on this thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Deferred containers, chained through their collector heads' `next` links.
    static PENDING: Cell<*mut GcHead> = const { Cell::new(ptr::null_mut()) };
}

/// Deallocates an object whose refcount just reached zero.
///
/// # Safety
/// `obj` is a heap object whose last reference was just dropped; nothing refers to it.
#[inline(never)]
pub unsafe fn dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the header stays valid until the type's dealloc frees it.
    let ty = unsafe { obj.as_ref().ob_type() };
    // The commonest death (arithmetic temporaries): an exact float goes straight back to the
    // float free list, without the call through the type's `dealloc` slot.
    // SAFETY: the object is a dead exact float, its type just checked.
    if std::ptr::eq(ty, &crate::types::float::FLOAT_TYPE.0)
        && unsafe { crate::types::float::free_list_push(obj) }
    {
        return;
    }
    let free = ty.dealloc;
    if !ty.is_gc() {
        // SAFETY: leaf objects own no references to other objects that could recurse back here
        // deeply; `free` is this type's own deallocator and the object is dead.
        unsafe { free(obj) };
        return;
    }
    // SAFETY: as above, a dead container.
    unsafe { dealloc_container(obj, free) }
}

/// The container part of [`dealloc`], out of line so that the leaf and float paths above need
/// no stack frame.
///
/// # Safety
/// As for [`dealloc`]; the object's type has `HAVE_GC` and `free` is its `dealloc` slot.
#[inline(never)]
unsafe fn dealloc_container(obj: NonNull<PyObject>, free: crate::types::typeobject::DeallocFn) {
    // SAFETY: the header stays valid until the type's dealloc frees it.
    let ty = unsafe { obj.as_ref().ob_type() };
    // SAFETY: a dying container: it leaves the collector's lists first, so that its `next` is
    // free for the trashcan and no collection can see it (docs/vm.md, "The cycle collector").
    let flags = unsafe { crate::gc::untrack_dying(obj) };
    if (ty.slots.finalize.get().is_some() || flags & crate::gc::WEAKREFS != 0)
        // SAFETY: the count reached zero and the object is untracked.
        && unsafe { crate::gc::before_free(obj) }
    {
        return;
    }
    let depth = DEPTH.get();
    if depth >= TRASHCAN_DEPTH {
        // SAFETY: a container carries a collector head; a dead object is in no collector list, so
        // its `next` link is free for chaining it onto the pending list (docs/vm.md, "Trashcan").
        unsafe {
            let gc = gc_head(obj);
            gc.as_ref().next.set(PENDING.get());
            PENDING.set(gc.as_ptr());
        }
        return;
    }
    DEPTH.set(depth + 1);
    // SAFETY: as above, the object is dead and `free` is its type's deallocator.
    unsafe { free(obj) };
    if depth == 0 {
        // The outermost deallocation drains what was deferred, still counted at depth 1 so that
        // each drained object may nest again up to the limit before deferring in turn.
        loop {
            let head = PENDING.get();
            let Some(gc) = NonNull::new(head) else { break };
            // SAFETY: every pending entry is a dead container chained above; unlinking it before
            // freeing keeps the list consistent if freeing it defers more.
            unsafe {
                PENDING.set(gc.as_ref().next.get());
                gc.as_ref().next.set(ptr::null_mut());
                let dead = object_of_gc(gc);
                let free = dead.as_ref().ob_type().dealloc;
                free(dead);
            }
        }
    }
    DEPTH.set(depth);
}
