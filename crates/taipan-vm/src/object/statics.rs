//! Immortal statics: objects built at compile time that live for the whole process (None, True,
//! False, NotImplemented, Ellipsis, the empty tuple, str and bytes constants). Their refcount
//! carries `IMMORTAL_BIT`, so nothing ever writes to them (docs/vm.md, "Immortality").

use super::header::{GcHead, PyObject};
use super::{Object, ObjectRef};
use crate::types::typeobject::PyType;

/// An immortal object with a payload `T`, laid out like a heap object (header, then payload at
/// `HEADER_SIZE`).
#[repr(C)]
pub struct StaticObject<T> {
    pub header: PyObject,
    pub payload: T,
}

// SAFETY: an immortal static is never written after it is built (its refcount operations test
// `IMMORTAL_BIT` first and its payload's caches are skipped for immortals), so sharing it between
// threads only ever reads (docs/vm.md, "Immortality").
unsafe impl<T> Sync for StaticObject<T> {}

impl<T> StaticObject<T> {
    pub const fn new(ty: &'static PyType, payload: T) -> StaticObject<T> {
        StaticObject { header: PyObject::new_immortal(ty), payload }
    }

    /// A strong reference (free: immortal objects are not counted).
    #[inline]
    pub fn object(&'static self) -> Object {
        Object::from_static(&self.header)
    }

    #[inline]
    pub fn as_ref(&'static self) -> ObjectRef<'static> {
        ObjectRef::from_static(&self.header)
    }
}

/// An immortal container: a collector head in front of the header, as for heap containers, so
/// code that finds the head of any container finds a valid (and always unlinked) one here too.
#[repr(C)]
pub struct StaticGcObject<T> {
    pub gc: GcHead,
    pub header: PyObject,
    pub payload: T,
}

// SAFETY: as for `StaticObject`: never written after it is built; the collector never links
// immortal objects into its lists (docs/vm.md, "Immortality").
unsafe impl<T> Sync for StaticGcObject<T> {}

impl<T> StaticGcObject<T> {
    pub const fn new(ty: &'static PyType, payload: T) -> StaticGcObject<T> {
        StaticGcObject { gc: GcHead::new(), header: PyObject::new_immortal(ty), payload }
    }

    #[inline]
    pub fn object(&'static self) -> Object {
        Object::from_static(&self.header)
    }

    #[inline]
    pub fn as_ref(&'static self) -> ObjectRef<'static> {
        ObjectRef::from_static(&self.header)
    }
}
