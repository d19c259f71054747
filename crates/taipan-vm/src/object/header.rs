//! The object header every heap object starts with, the cycle collector's head that container
//! objects carry in front of it, and the refcount operations (see docs/vm.md, "Object layout",
//! "Immortality").

use std::cell::Cell;
use std::ptr;

use crate::types::typeobject::PyType;

/// Set in the refcount of an immortal object. Such an object is never written after it is built:
/// increments and decrements test this bit and do nothing (docs/vm.md, "Immortality").
pub const IMMORTAL_BIT: usize = 1 << 63;
/// The refcount immortal statics are built with.
pub const IMMORTAL_REFCNT: usize = IMMORTAL_BIT | (1 << 62);

/// The two-word header at the start of every heap object: a non-atomic refcount and the type.
/// The payload follows at offset `HEADER_SIZE` in the same allocation.
#[repr(C)]
pub struct PyObject {
    refcnt: Cell<usize>,
    ob_type: Cell<*const PyType>,
}

/// Size of [`PyObject`]; the payload of every object starts this many bytes after the header.
pub const HEADER_SIZE: usize = std::mem::size_of::<PyObject>();

const _: () = assert!(HEADER_SIZE == 16);
const _: () = assert!(std::mem::size_of::<GcHead>() == 16);

impl PyObject {
    /// A header for an immortal static of type `ty`.
    pub const fn new_immortal(ty: &'static PyType) -> PyObject {
        PyObject { refcnt: Cell::new(IMMORTAL_REFCNT), ob_type: Cell::new(ty as *const PyType) }
    }

    /// A header for a fresh heap object holding one reference.
    pub(crate) fn new_owned(ty: *const PyType) -> PyObject {
        PyObject { refcnt: Cell::new(1), ob_type: Cell::new(ty) }
    }

    /// The raw refcount (tests and debugging; includes `IMMORTAL_BIT` for immortals).
    #[inline]
    pub fn refcnt(&self) -> usize {
        self.refcnt.get()
    }

    #[inline]
    pub fn is_immortal(&self) -> bool {
        self.refcnt.get() & IMMORTAL_BIT != 0
    }

    /// The object's type.
    #[inline]
    pub fn ob_type(&self) -> &PyType {
        // SAFETY: the type pointer of a live object always points to a live type: static types
        // are immortal and an instance holds a strong reference to its heap type (docs/vm.md, "Types and slots").
        unsafe { &*self.ob_type.get() }
    }

    #[inline]
    pub(crate) fn type_ptr(&self) -> *const PyType {
        self.ob_type.get()
    }

    /// `obj.__class__ = ty`: stores the new type (taking a reference to it if it is a heap type)
    /// and returns the old type pointer, whose reference the caller now owns.
    ///
    /// # Safety
    /// The object is a mortal heap object whose payload is laid out as `ty`'s instances are
    /// (same deallocator, size and flags that select the payload).
    pub(crate) unsafe fn swap_type(&self, ty: &PyType) -> *const PyType {
        ty.incref_if_heap();
        self.ob_type.replace(ty as *const PyType)
    }

    /// Adds one reference. Immortal objects are left untouched.
    #[inline]
    pub(crate) fn incref(&self) {
        let rc = self.refcnt.get();
        if rc & IMMORTAL_BIT == 0 {
            self.refcnt.set(rc + 1);
        }
    }

    /// Overwrites the count: only the collector and the finaliser path use it, to resurrect a dead
    /// object for the length of its `__del__` (docs/vm.md, "The cycle collector").
    #[inline]
    pub(crate) fn set_refcnt(&self, n: usize) {
        debug_assert!(!self.is_immortal());
        self.refcnt.set(n)
    }

    /// Removes one reference and tells whether that was the last one (the caller must then
    /// deallocate). Immortal objects are left untouched and never reach zero.
    #[inline]
    pub(crate) fn decref_is_zero(&self) -> bool {
        let rc = self.refcnt.get();
        if rc & IMMORTAL_BIT != 0 {
            return false;
        }
        debug_assert!(rc > 0, "decref of a dead object");
        self.refcnt.set(rc - 1);
        rc == 1
    }
}

/// The cycle collector's links, placed immediately before the [`PyObject`] header of container
/// objects (types with `TypeFlags::HAVE_GC`). A tracked container is in one of the collector's
/// circular generation lists (`next` non-null); an untracked one has a null `next`, which the
/// trashcan may then use to chain deferred deallocations (docs/vm.md, "The cycle collector").
#[repr(C)]
pub struct GcHead {
    pub(crate) next: Cell<*mut GcHead>,
    /// The previous link (8-aligned) with the flag bits `crate::gc::FINALIZED`, `COLLECTING`
    /// and `WEAKREFS` in its three low bits; during a collection the upper bits hold the
    /// collector's copy of the refcount instead.
    pub(crate) prev: Cell<usize>,
}

impl GcHead {
    pub const fn new() -> GcHead {
        GcHead { next: Cell::new(ptr::null_mut()), prev: Cell::new(0) }
    }
}

impl Default for GcHead {
    fn default() -> Self {
        GcHead::new()
    }
}
