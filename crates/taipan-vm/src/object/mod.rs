//! The value representation: [`Object`] (an owned reference, one machine word) and
//! [`ObjectRef`] (a borrowed one), either a pointer to a heap object or a tagged small int; plus
//! the header, the allocation layout, deallocation with the trashcan, and the immortal statics.
//! The rules are in docs/vm.md.

pub mod alloc;
pub mod dealloc;
pub mod header;
pub mod statics;

use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

pub use header::{GcHead, HEADER_SIZE, IMMORTAL_BIT, PyObject};

use crate::types::int::INT_TYPE;
use crate::types::typeobject::PyType;

/// Smallest value a tagged int holds: -2**62.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
/// Largest value a tagged int holds: 2**62 - 1.
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

#[inline]
fn word_is_small(raw: NonNull<PyObject>) -> bool {
    raw.addr().get() & 1 == 1
}

#[inline]
fn encode_small(v: i64) -> NonNull<PyObject> {
    debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v));
    let word = ((v << 1) | 1) as usize;
    // A tagged word has its low bit set, so it is never zero; it carries no provenance and is
    // never dereferenced (docs/vm.md, "Tagged ints").
    NonNull::new(std::ptr::without_provenance_mut(word)).expect("tagged word is odd")
}

/// Marks payload types: objects whose type is `type_object()` or one of its subtypes carry a `Self`
/// at offset `HEADER_SIZE`.
///
/// # Safety
/// Every object of `type_object()` or a subtype must be allocated with a properly initialised
/// `Self` as its payload (docs/vm.md, "Object layout"). A type deriving from a built-in type
/// inherits this promise: its instances must carry the base's payload (or a `#[repr(C)]` struct
/// that starts with it).
pub unsafe trait PyPayload: Sized {
    fn type_object() -> &'static PyType;
}

/// An owned (strong) reference: one word. `Clone` adds a reference, `Drop` removes one and frees
/// the object at zero. Not `Send` nor `Sync` (docs/vm.md, "Threads and the GIL").
#[repr(transparent)]
pub struct Object {
    raw: NonNull<PyObject>,
}

/// A borrowed reference, valid for `'a`: costs nothing to make or drop.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct ObjectRef<'a> {
    raw: NonNull<PyObject>,
    _life: PhantomData<&'a Object>,
}

impl Object {
    /// A tagged int, if `v` is in the tagged range.
    #[inline]
    pub fn try_small_int(v: i64) -> Option<Object> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            Some(Object { raw: encode_small(v) })
        } else {
            None
        }
    }

    /// Takes over a reference the caller owns (a freshly allocated object, or one obtained with
    /// [`Object::into_raw`]).
    ///
    /// # Safety
    /// `raw` is a tagged word or a live object whose reference the caller owns and gives away.
    #[inline]
    pub unsafe fn from_raw(raw: NonNull<PyObject>) -> Object {
        Object { raw }
    }

    /// Gives up ownership without decrementing: the caller must later pass the word back to
    /// [`Object::from_raw`].
    #[inline]
    pub fn into_raw(self) -> NonNull<PyObject> {
        let raw = self.raw;
        std::mem::forget(self);
        raw
    }

    /// A strong reference to a static object. Immortal statics are not counted; anything else
    /// that lives for `'static` (a leaked object) gains a reference like any other clone.
    #[inline]
    pub fn from_static(header: &'static PyObject) -> Object {
        header.incref();
        Object { raw: NonNull::from(header) }
    }

    #[inline]
    pub fn as_ref(&self) -> ObjectRef<'_> {
        ObjectRef { raw: self.raw, _life: PhantomData }
    }

    #[inline]
    pub fn raw(&self) -> NonNull<PyObject> {
        self.raw
    }

    #[inline]
    pub fn type_(&self) -> &PyType {
        self.as_ref().type_()
    }

    #[inline]
    pub fn is(&self, other: &Object) -> bool {
        self.raw == other.raw
    }

    #[inline]
    pub fn id(&self) -> usize {
        self.as_ref().id()
    }

    #[inline]
    pub fn small_int(&self) -> Option<i64> {
        self.as_ref().small_int()
    }

    #[inline]
    pub fn payload<T: PyPayload>(&self) -> Option<&T> {
        self.as_ref().payload::<T>()
    }

    /// The refcount, for tests and debugging: `None` for a tagged int (which has none).
    pub fn refcnt(&self) -> Option<usize> {
        self.as_ref().refcnt()
    }
}

impl<'a> ObjectRef<'a> {
    /// Borrows a word without touching the refcount.
    ///
    /// # Safety
    /// `raw` is a tagged word or a live object that stays alive for `'a`.
    #[inline]
    pub unsafe fn from_raw(raw: NonNull<PyObject>) -> ObjectRef<'a> {
        ObjectRef { raw, _life: PhantomData }
    }

    #[inline]
    pub fn from_static(header: &'static PyObject) -> ObjectRef<'static> {
        ObjectRef { raw: NonNull::from(header), _life: PhantomData }
    }

    /// A new strong reference to the same object.
    #[inline]
    pub fn to_owned(self) -> Object {
        if let Some(h) = self.header() {
            h.incref();
        }
        Object { raw: self.raw }
    }

    #[inline]
    pub fn raw(self) -> NonNull<PyObject> {
        self.raw
    }

    #[inline]
    pub fn is_small_int(self) -> bool {
        word_is_small(self.raw)
    }

    /// The value of a tagged int.
    #[inline]
    pub fn small_int(self) -> Option<i64> {
        if word_is_small(self.raw) { Some((self.raw.addr().get() as i64) >> 1) } else { None }
    }

    /// The heap header, `None` for a tagged int.
    #[inline]
    pub fn header(self) -> Option<&'a PyObject> {
        if word_is_small(self.raw) {
            None
        } else {
            // SAFETY: a non-tagged word points to a live object, alive for 'a (docs/vm.md,
            // "Owned and borrowed references").
            Some(unsafe { self.raw.as_ref() })
        }
    }

    #[inline]
    pub fn type_(self) -> &'a PyType {
        match self.header() {
            Some(h) => h.ob_type(),
            None => &INT_TYPE.0,
        }
    }

    #[inline]
    pub fn is(self, other: ObjectRef<'_>) -> bool {
        self.raw == other.raw
    }

    /// `id()`: the address of a heap object; for a tagged int its (odd) word, which no heap object
    /// ever has.
    #[inline]
    pub fn id(self) -> usize {
        self.raw.addr().get()
    }

    pub fn refcnt(self) -> Option<usize> {
        self.header().map(PyObject::refcnt)
    }

    /// The payload, if the object's type is `T`'s type or a subtype of it.
    #[inline]
    pub fn payload<T: PyPayload>(self) -> Option<&'a T> {
        if !self.is_small_int() && self.type_().is_subtype(T::type_object()) {
            // SAFETY: checked the type just above; `PyPayload` promises the payload layout and
            // the object lives for 'a.
            Some(unsafe { self.payload_unchecked::<T>() })
        } else {
            None
        }
    }

    /// The payload without a type check.
    ///
    /// # Safety
    /// The object is a heap object (not a tagged int) of `T`'s type or a subtype.
    #[inline]
    pub unsafe fn payload_unchecked<T: PyPayload>(self) -> &'a T {
        // SAFETY: per the contract the payload is an initialised `T` at `HEADER_SIZE`, living as
        // long as the object (docs/vm.md, "Object layout").
        unsafe { alloc::payload_ptr::<T>(self.raw).as_ref() }
    }
}

impl Clone for Object {
    #[inline]
    fn clone(&self) -> Object {
        self.as_ref().to_owned()
    }
}

impl Drop for Object {
    #[inline]
    fn drop(&mut self) {
        if let Some(h) = self.as_ref().header()
            && h.decref_is_zero()
        {
            // SAFETY: the count just reached zero, so this was the last reference and nothing
            // else can reach the object (docs/vm.md, "Deallocation").
            unsafe { dealloc::dealloc(self.raw) }
        }
    }
}

impl PartialEq for ObjectRef<'_> {
    /// Identity (`is`), not Python equality.
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl fmt::Debug for Object {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_ref().fmt(f)
    }
}

impl fmt::Debug for ObjectRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match crate::ops::repr_string(*self) {
            Ok(s) => f.write_str(&s),
            Err(_) => write!(f, "<{} object at {:#x}>", self.type_().name(), self.id()),
        }
    }
}
