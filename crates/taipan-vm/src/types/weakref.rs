//! `weakref.ReferenceType`, `weakref.ProxyType` and `weakref.CallableProxyType`: references that
//! do not keep their referent alive. Which weak references point at an object is kept in a
//! per-interpreter table keyed by the referent's address; the referent's collector head carries
//! the `WEAKREFS` flag so that its deallocation knows to clear them (docs/vm.md, "Weak
//! references").

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::gc::{COLLECTING, WEAKREFS, object_flags, set_object_flag};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyObject, PyPayload};
use crate::types::singletons::none;
use crate::types::str::new_str;
use crate::types::typeobject::{
    BinaryFn, CallFn, CompareOp, ContainsFn, GetAttrFn, HashFn, InquiryFn, LenFn, PyType,
    RichCompareFn, SetAttrFn, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct WeakrefPayload {
    /// The referent (borrowed: it removes us from the table when it dies), `None` once dead.
    referent: Cell<Option<NonNull<PyObject>>>,
    callback: RefCell<Option<Object>>,
    /// The referent's hash, computed on first use (-1: not yet).
    hash: Cell<isize>,
}

// SAFETY: weakref objects (and subclasses) are built only by `new_weakref` with a
// `WeakrefPayload`; the proxy types carry it too (see `as_weakref`).
unsafe impl PyPayload for WeakrefPayload {
    fn type_object() -> &'static PyType {
        &REF_TYPE.0
    }
}

/// Referent address -> the weak references to it, in CPython's list order: the plain
/// reference without callback first, then the plain proxy, then the others newest first.
static TABLE: crate::gil::GilLazy<RefCell<HashMap<usize, Vec<NonNull<PyObject>>>>> =
    crate::gil::GilLazy::new(|| RefCell::new(HashMap::new()));

pub fn as_weakref(o: ObjectRef<'_>) -> Option<&WeakrefPayload> {
    if o.is_small_int() || !(o.type_().is_subtype(&REF_TYPE.0) || is_proxy(o)) {
        return None;
    }
    // SAFETY: references and both proxy types carry a `WeakrefPayload`.
    Some(unsafe { o.payload_unchecked::<WeakrefPayload>() })
}

impl WeakrefPayload {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Object> {
        // SAFETY: a non-null referent is alive: it clears this field before it is freed.
        self.referent.get().map(|p| unsafe { ObjectRef::from_raw(p) }.to_owned())
    }
}

fn is_proxy(o: ObjectRef<'_>) -> bool {
    if o.is_small_int() {
        return false;
    }
    let t = o.type_();
    std::ptr::eq(t, &PROXY_TYPE.0) || std::ptr::eq(t, &CALLABLE_PROXY_TYPE.0)
}

/// Set on a class whose `__slots__` leave out `__weakref__` (and whose bases give none): its
/// instances refuse weak references.
pub const NO_WEAKREF: TypeFlags = TypeFlags(1 << 43);

/// Set on a static type whose instances accept weak references (CPython's non-zero
/// `tp_weaklistoffset`) beyond the few `weakrefable` lists; only GC types can carry it (the
/// `WEAKREFS` object flag lives in the GC header).
pub const WEAKREFABLE: TypeFlags = TypeFlags(1 << 44);

/// Whether instances of `ty` accept weak references (CPython's `tp_weaklistoffset != 0`).
pub fn weakrefable(ty: &PyType) -> bool {
    if !ty.is_gc() || ty.has_flag(NO_WEAKREF) {
        return false;
    }
    if ty.has_flag(TypeFlags::HEAPTYPE) || ty.has_flag(WEAKREFABLE) {
        return true;
    }
    let allowed: [&PyType; 13] = [
        &crate::types::typeobject::TYPE_TYPE.0,
        &crate::types::pyfunction::FUNCTION_TYPE.0,
        &crate::types::function::BUILTIN_FUNCTION_TYPE.0,
        &crate::types::pyfunction::METHOD_TYPE.0,
        &crate::types::set::SET_TYPE.0,
        &crate::types::set::FROZENSET_TYPE.0,
        &crate::types::generator::GENERATOR_TYPE.0,
        &crate::types::coroutine::COROUTINE_TYPE.0,
        &crate::types::asyncgen::ASYNC_GENERATOR_TYPE.0,
        &crate::types::code::CODE_TYPE.0,
        &crate::types::module::MODULE_TYPE.0,
        &REF_TYPE.0,
        &PROXY_TYPE.0,
    ];
    allowed.iter().any(|t| std::ptr::eq(*t, ty)) || std::ptr::eq(ty, &CALLABLE_PROXY_TYPE.0)
}

/// `weakref.ref(obj, callback)` (`proxy` with `kind` a proxy type): reuses the plain reference
/// when there is no callback, as CPython does.
pub fn new_weakref(
    kind: &PyType,
    obj: ObjectRef<'_>,
    callback: Option<Object>,
) -> PyResult<Object> {
    if !weakrefable(obj.type_()) {
        return Err(PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            obj.type_().name()
        )));
    }
    let callback = callback.filter(|c| !crate::types::singletons::is_none(c.as_ref()));
    let key = obj.id();
    let plain_ref = |l: &[NonNull<PyObject>], t: &PyType| -> Option<Object> {
        l.iter()
            // SAFETY: every entry of the table is a live weakref object (each removes itself
            // when freed).
            .map(|p| unsafe { ObjectRef::from_raw(*p) })
            .find(|w| {
                std::ptr::eq(w.type_(), t)
                    && as_weakref(*w).is_some_and(|p| p.callback.borrow().is_none())
            })
            .map(|w| w.to_owned())
    };
    let real_kind: &PyType =
        if std::ptr::eq(kind, &PROXY_TYPE.0) && obj.type_().slots.call.get().is_some() {
            &CALLABLE_PROXY_TYPE.0
        } else {
            kind
        };
    if callback.is_none()
        && !real_kind.has_flag(TypeFlags::HEAPTYPE)
        && let Some(existing) =
            TABLE.with(|t| t.borrow().get(&key).and_then(|l| plain_ref(l, real_kind)))
    {
        return Ok(existing);
    }
    // Only the exact `ref` and proxy types without a callback are the shared "basic" references.
    let plain = callback.is_none() && !real_kind.has_flag(TypeFlags::HEAPTYPE);
    let payload = WeakrefPayload {
        referent: Cell::new(Some(obj.raw())),
        callback: RefCell::new(callback),
        hash: Cell::new(-1),
    };
    let w = if real_kind.is_subtype(&REF_TYPE.0) {
        new_object(real_kind, payload)
    } else {
        let raw = crate::object::alloc::alloc_object(
            real_kind,
            std::alloc::Layout::new::<WeakrefPayload>(),
        );
        // SAFETY: a proxy type's instances carry a `WeakrefPayload` (see `as_weakref`); the
        // allocation has room for it and is ours alone until returned.
        unsafe {
            crate::object::alloc::payload_ptr::<WeakrefPayload>(raw).write(payload);
            Object::from_raw(raw)
        }
    };
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let list = t.entry(key).or_default();
        // Plain references first (the reference, then the proxy), then the others newest first.
        let n_plain = list
            .iter()
            // SAFETY: live weakref objects, as above.
            .take_while(|p| {
                let r = unsafe { ObjectRef::from_raw(**p) };
                !r.type_().has_flag(TypeFlags::HEAPTYPE)
                    && as_weakref(r).is_some_and(|w| w.callback.borrow().is_none())
            })
            .count();
        let at = if plain && std::ptr::eq(real_kind, &REF_TYPE.0) { 0 } else { n_plain };
        list.insert(at, w.raw());
    });
    set_object_flag(obj, WEAKREFS, true);
    Ok(w)
}

/// The weak references to `o`, in list order.
pub fn weakrefs_of(o: ObjectRef<'_>) -> Vec<Object> {
    TABLE.with(|t| {
        t.borrow()
            .get(&o.id())
            // SAFETY: live weakref objects, as above.
            .map(|l| l.iter().map(|p| unsafe { ObjectRef::from_raw(*p) }.to_owned()).collect())
            .unwrap_or_default()
    })
}

/// Detaches every weak reference from `o` (which is dying) and returns them with their callbacks.
fn detach_all(o: ObjectRef<'_>) -> Vec<(Object, Option<Object>)> {
    // At thread exit the table may already be gone (its weak references went with it).
    let list =
        TABLE.try_with(|t| t.borrow_mut().remove(&o.id())).ok().flatten().unwrap_or_default();
    set_object_flag(o, WEAKREFS, false);
    list.into_iter()
        .filter_map(|p| {
            // SAFETY: a weakref leaves the table in its own deallocation, so every entry is
            // allocated (vm.md, "Trashcan": a dead one may be waiting on the pending list).
            let r = unsafe { ObjectRef::from_raw(p) };
            let pl = as_weakref(r).expect("weakref");
            pl.referent.set(None);
            // A dead weakref whose deallocation the trashcan deferred must not be revived:
            // taking a reference and dropping it would deallocate it a second time.
            if r.refcnt() == Some(0) {
                return None;
            }
            let w = r.to_owned();
            let cb = pl.callback.borrow_mut().take();
            Some((w, cb))
        })
        .collect()
}

/// Called when `o`'s refcount reached zero: clears the weak references to it and calls their
/// callbacks (newest first), printing what they raise.
pub(crate) fn clear_weakrefs(o: ObjectRef<'_>) {
    for (w, cb) in detach_all(o) {
        if let Some(cb) = cb {
            // A weakref that dies in the meantime (its only owner was another callback) is
            // skipped, as CPython does when the refcount of the weakref is 1.
            if w.refcnt() == Some(1) {
                continue;
            }
            if let Err(e) = crate::ops::call(cb.as_ref(), &[w], None) {
                crate::gc::write_unraisable(
                    e,
                    "Exception ignored while calling weakref callback",
                    Some(cb.as_ref()),
                );
            }
        }
    }
}

/// The collector's part: clears the weak references to the garbage object `o`; the callbacks of
/// references that are not garbage themselves are pushed to `out` to be called.
pub(crate) fn clear_for_collector(o: ObjectRef<'_>, out: &mut Vec<(Object, Object)>) {
    for (w, cb) in detach_all(o) {
        if let Some(cb) = cb
            && object_flags(w.as_ref()) & COLLECTING == 0
        {
            out.push((w, cb));
        }
    }
}

fn remove_from_table(w: ObjectRef<'_>) {
    let Some(p) = as_weakref(w) else { return };
    let Some(referent) = p.referent.take() else { return };
    let key = referent.addr().get();
    // At thread exit the table may already be gone.
    let emptied = TABLE
        .try_with(|t| {
            let mut t = t.borrow_mut();
            if let Some(l) = t.get_mut(&key) {
                l.retain(|x| *x != w.raw());
                if l.is_empty() {
                    t.remove(&key);
                    return true;
                }
            }
            false
        })
        .unwrap_or(false);
    if emptied {
        // SAFETY: the referent is alive (it was still set).
        set_object_flag(unsafe { ObjectRef::from_raw(referent) }, WEAKREFS, false);
    }
}

/// # Safety
/// Called only by the deallocation path on a dead weak reference.
unsafe fn weakref_dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the object is dead but whole; it leaves the table before its memory goes.
    unsafe {
        remove_from_table(ObjectRef::from_raw(obj));
        dealloc_payload::<WeakrefPayload>(obj);
    }
}

fn weakref_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(cb) = as_weakref(o).expect("weakref").callback.borrow().as_ref() {
        visit(cb.as_ref());
    }
}

fn weakref_clear(o: ObjectRef<'_>) {
    remove_from_table(o);
    let cb = as_weakref(o).expect("weakref").callback.borrow_mut().take();
    drop(cb);
}

fn weakref_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kwnames);
    a.no_kw_at_all("weakref")?;
    a.count("weakref", 0, 0)?;
    Ok(as_weakref(o).expect("weakref").get().unwrap_or_else(none))
}

fn weakref_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let kind = if is_proxy(o) { "weakproxy" } else { "weakref" };
    Ok(new_str(&match as_weakref(o).expect("weakref").get() {
        None => format!("<{kind} at {:#x}; dead>", o.id()),
        Some(r) => format!("<{kind} at {:#x}; to '{}' at {:#x}>", o.id(), r.type_().name(), r.id()),
    }))
}

fn weakref_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let p = as_weakref(o).expect("weakref");
    if p.hash.get() != -1 {
        return Ok(p.hash.get());
    }
    let r = p.get().ok_or_else(|| PyErr::type_error("weak object has gone away"))?;
    let h = crate::ops::hash(r.as_ref())?;
    p.hash.set(h);
    Ok(h)
}

fn weakref_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(pa), Some(pb)) = (as_weakref(a), as_weakref(b)) else {
        return Ok(crate::types::singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || is_proxy(b) {
        return Ok(crate::types::singletons::not_implemented());
    }
    match (pa.get(), pb.get()) {
        (Some(x), Some(y)) => crate::ops::rich_compare(x.as_ref(), y.as_ref(), op),
        _ => {
            let same = a.is(b);
            Ok(crate::types::bool::py_bool(same == (op == CompareOp::Eq)))
        }
    }
}

/// `ref.__callback__` (a member of `ReferenceType`, also on subclasses).
pub(crate) fn callback_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(as_weakref(o).expect("weakref").callback.borrow().clone().unwrap_or_else(none))
}

fn weakref_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if crate::types::str::Str::new(name).and_then(|s| s.as_str()) == Some("__callback__") {
        return callback_get(o);
    }
    crate::attr::generic_getattr(o, name)
}

/// # Safety
/// Only for the static types below.
unsafe fn weakref_dealloc_fn(obj: NonNull<PyObject>) {
    // SAFETY: forwarded.
    unsafe { weakref_dealloc(obj) }
}

pub static REF_TYPE: StaticType = StaticType(PyType::new_static(
    "weakref.ReferenceType",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<WeakrefPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
    900,
    weakref_dealloc_fn,
    Some(weakref_traverse),
    Slots {
        repr: slot(weakref_repr as UnaryFn),
        hash: slot(weakref_hash as HashFn),
        richcompare: slot(weakref_richcompare as RichCompareFn),
        call: slot(weakref_call as CallFn),
        getattr: slot(weakref_getattr as GetAttrFn),
        clear: slot(weakref_clear as crate::types::typeobject::ClearFn),
        init: slot(weakref_init as crate::types::typeobject::InitFn),
        ..crate::types::object::object_slots()
    },
));

/// `ref.__init__(ob, callback=None)`: checks the arguments `__new__` already used (so that a
/// subclass's `__init__` can call it with them).
fn weakref_init(_: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    check_ref_args("__init__", args, kw)
}

/// The argument check `ref.__new__` and `ref.__init__` share: `(ob, callback=None)`, no keywords.
pub(crate) fn check_ref_args(
    fname: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let a = crate::builtins::args::Args::new(args, kw);
    if !a.kw.is_empty() {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    a.count(fname, 1, 2)
}

// ---- proxies: every operation goes to the referent, ReferenceError once it is dead ----

fn referent(o: ObjectRef<'_>) -> PyResult<Object> {
    as_weakref(o).expect("proxy").get().ok_or_else(|| {
        PyErr::new(
            &crate::types::exceptions::REFERENCE_ERROR,
            "weakly-referenced object no longer exists",
        )
    })
}

/// A proxy operand stands for its referent.
fn unwrap(o: ObjectRef<'_>) -> PyResult<Object> {
    if is_proxy(o) { referent(o) } else { Ok(o.to_owned()) }
}

fn proxy_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    crate::attr::getattr(referent(o)?.as_ref(), name)
}

fn proxy_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    crate::attr::setattr(referent(o)?.as_ref(), name, v)
}

fn proxy_str(o: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::str_(referent(o)?.as_ref())
}

fn proxy_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::ops::call(referent(o)?.as_ref(), args, kwnames)
}

fn proxy_bool(o: ObjectRef<'_>) -> PyResult<bool> {
    crate::ops::is_true(referent(o)?.as_ref())
}

fn proxy_len(o: ObjectRef<'_>) -> PyResult<usize> {
    crate::ops::len(referent(o)?.as_ref())
}

fn proxy_getitem(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::getitem(referent(o)?.as_ref(), k)
}

fn proxy_contains(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<bool> {
    crate::ops::contains(referent(o)?.as_ref(), k)
}

fn proxy_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::iter(referent(o)?.as_ref())
}

fn proxy_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    crate::ops::rich_compare(unwrap(a)?.as_ref(), unwrap(b)?.as_ref(), op)
}

fn proxy_add(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::binary_op(unwrap(a)?.as_ref(), unwrap(b)?.as_ref(), crate::ops::BinOp::Add)
}

fn proxy_sub(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::binary_op(unwrap(a)?.as_ref(), unwrap(b)?.as_ref(), crate::ops::BinOp::Sub)
}

fn proxy_mul(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::binary_op(unwrap(a)?.as_ref(), unwrap(b)?.as_ref(), crate::ops::BinOp::Mul)
}

const fn proxy_slots(call: bool) -> Slots {
    Slots {
        repr: slot(weakref_repr as UnaryFn),
        str: slot(proxy_str as UnaryFn),
        richcompare: slot(proxy_richcompare as RichCompareFn),
        getattr: slot(proxy_getattr as GetAttrFn),
        setattr: slot(proxy_setattr as SetAttrFn),
        call: if call {
            slot(proxy_call as CallFn)
        } else {
            crate::types::typeobject::Slot::empty()
        },
        iter: slot(proxy_iter as UnaryFn),
        nb_bool: slot(proxy_bool as InquiryFn),
        nb_add: slot(proxy_add as BinaryFn),
        nb_subtract: slot(proxy_sub as BinaryFn),
        nb_multiply: slot(proxy_mul as BinaryFn),
        sq_length: slot(proxy_len as LenFn),
        mp_length: slot(proxy_len as LenFn),
        mp_subscript: slot(proxy_getitem as BinaryFn),
        sq_contains: slot(proxy_contains as ContainsFn),
        clear: slot(weakref_clear as crate::types::typeobject::ClearFn),
        ..Slots::empty()
    }
}

pub static PROXY_TYPE: StaticType = StaticType(PyType::new_static(
    "weakref.ProxyType",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<WeakrefPayload>(),
    0,
    TypeFlags::HAVE_GC,
    901,
    weakref_dealloc_fn,
    Some(weakref_traverse),
    proxy_slots(false),
));

pub static CALLABLE_PROXY_TYPE: StaticType = StaticType(PyType::new_static(
    "weakref.CallableProxyType",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<WeakrefPayload>(),
    0,
    TypeFlags::HAVE_GC,
    902,
    weakref_dealloc_fn,
    Some(weakref_traverse),
    proxy_slots(true),
));
