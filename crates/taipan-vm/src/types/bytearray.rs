//! `bytearray`: a mutable byte string (a `Vec<u8>` behind a `RefCell`, never borrowed across a
//! call into Python code), with item and slice assignment and deletion, the mutation methods
//! (`append`, `extend`, `insert`, `pop`, `remove`, `clear`, `copy`, `reverse`), the export count
//! that forbids resizing while a buffer is exported, and comparison with bytes.

use std::cell::{Cell, RefCell};

use crate::builtins::args::Args;
use crate::builtins::bytesmethods::{byte_value, bytes_like};
use crate::error::{PyErr, PyResult};
use crate::eval::helpers::iterate;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::singletons::{none, not_implemented};
use crate::types::typelookup::register_static_attr;
use crate::types::typeobject::{
    BinaryFn, CompareOp, ContainsFn, LenFn, PyType, RichCompareFn, SeqItemFn, Slot, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

pub struct BytearrayPayload {
    data: RefCell<Vec<u8>>,
    /// Live buffer exports (memoryviews); the array cannot change size while any exist.
    pub(crate) exports: Cell<usize>,
}

// SAFETY: every bytearray (and subclass instance) is built by `new_object` with a
// `BytearrayPayload`.
unsafe impl PyPayload for BytearrayPayload {
    fn type_object() -> &'static PyType {
        &BYTEARRAY_TYPE.0
    }
}

pub fn new_bytearray(data: Vec<u8>) -> Object {
    new_object(
        &BYTEARRAY_TYPE.0,
        BytearrayPayload { data: RefCell::new(data), exports: Cell::new(0) },
    )
}

fn payload(o: ObjectRef<'_>) -> Option<&BytearrayPayload> {
    o.payload::<BytearrayPayload>()
}

/// A copy of a bytearray's content, `None` for other objects.
pub fn bytearray_data(o: ObjectRef<'_>) -> Option<Vec<u8>> {
    payload(o).map(|p| p.data.borrow().clone())
}

fn me(o: ObjectRef<'_>) -> &BytearrayPayload {
    payload(o).expect("a bytearray")
}

impl BytearrayPayload {
    pub(crate) fn len(&self) -> usize {
        self.data.borrow().len()
    }

    /// Runs `f` on the content; `f` must not call into Python code.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        f(&mut self.data.borrow_mut())
    }

    fn check_resize(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr::new(
                &crate::types::exceptions::BUFFER_ERROR,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }
}

fn repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let d = me(o).data.borrow().clone();
    let name = o.type_().name();
    Ok(crate::types::str::new_str(&format!("{name}({})", taipan_common::repr::repr_bytes(&d))))
}

fn richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
        return Ok(not_implemented());
    };
    Ok(py_bool(op.matches(x.as_ref().cmp(y.as_ref()))))
}

fn len(o: ObjectRef<'_>) -> PyResult<usize> {
    Ok(me(o).len())
}

fn item(o: ObjectRef<'_>, i: isize) -> PyResult<Object> {
    let d = me(o).data.borrow();
    if i < 0 || i as usize >= d.len() {
        return Err(PyErr::index_error("bytearray index out of range"));
    }
    Ok(new_int_i64(d[i as usize] as i64))
}

fn subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let p = me(o);
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(p.len())?;
        let d = p.data.borrow();
        let v: Vec<u8> = (0..n).map(|k| d[(start + k as isize * step) as usize]).collect();
        return Ok(new_bytearray(v));
    }
    match ops::index_value(key)? {
        Some(i) => item(o, if i < 0 { i + p.len() as isize } else { i }),
        None => Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.type_().name()
        ))),
    }
}

/// The bytes a slice assignment stores: a bytes-like object or an iterable of ints.
fn assigned_bytes(v: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.into_owned());
    }
    if crate::types::int::int_value(v).is_some() || crate::types::str::Str::new(v).is_some() {
        return Err(PyErr::type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    let items = iterate(v).map_err(|_| {
        PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
    })?;
    items.iter().map(|x| byte_value(x.as_ref())).collect()
}

fn ass_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let p = me(o);
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let new = match v {
            Some(v) => Some(assigned_bytes(v)?),
            None => None,
        };
        let (start, _stop, step, n) = slice.indices(p.len())?;
        return match new {
            None => {
                if n > 0 {
                    p.check_resize()?;
                }
                p.with(|d| {
                    let mut idx: Vec<usize> =
                        (0..n).map(|k| (start + k as isize * step) as usize).collect();
                    idx.sort_unstable_by(|a, b| b.cmp(a));
                    for i in idx {
                        d.remove(i);
                    }
                });
                Ok(())
            }
            Some(new) if step == 1 => {
                if new.len() != n {
                    p.check_resize()?;
                }
                let s = start as usize;
                p.with(|d| {
                    d.splice(s..s + n, new);
                });
                Ok(())
            }
            Some(new) => {
                if new.len() != n {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        new.len(),
                        n
                    )));
                }
                p.with(|d| {
                    for (k, b) in new.into_iter().enumerate() {
                        d[(start + k as isize * step) as usize] = b;
                    }
                });
                Ok(())
            }
        };
    }
    let Some(i) = ops::index_value(key)? else {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.type_().name()
        )));
    };
    let b = match v {
        Some(v) => Some(byte_value(v)?),
        None => None,
    };
    let n = p.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("bytearray index out of range"));
    }
    match b {
        Some(b) => p.with(|d| d[i as usize] = b),
        None => {
            p.check_resize()?;
            p.with(|d| {
                d.remove(i as usize);
            });
        }
    }
    Ok(())
}

fn concat(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let x = bytes_like(a).expect("bytearray");
    let Some(y) = bytes_like(b) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            b.type_().name(),
            a.type_().name()
        )));
    };
    let mut out = x.into_owned();
    out.extend_from_slice(&y);
    Ok(new_bytearray(out))
}

fn repeat(a: ObjectRef<'_>, n: isize) -> PyResult<Object> {
    let x = me(a).data.borrow().clone();
    if n <= 0 || x.is_empty() {
        return Ok(new_bytearray(Vec::new()));
    }
    let total = x.len().checked_mul(n as usize).ok_or_else(PyErr::memory_error)?;
    if total > isize::MAX as usize / 2 {
        return Err(PyErr::memory_error());
    }
    Ok(new_bytearray(x.repeat(n as usize)))
}

fn contains(a: ObjectRef<'_>, v: ObjectRef<'_>) -> PyResult<bool> {
    let hay = me(a).data.borrow().clone();
    if let Some(needle) = bytes_like(v) {
        return Ok(memchr::memmem::find(&hay, &needle).is_some());
    }
    match ops::index_value(v)? {
        Some(b) if (0..256).contains(&b) => Ok(hay.contains(&(b as u8))),
        Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_().name()
        ))),
    }
}

fn iter(o: ObjectRef<'_>) -> PyResult<Object> {
    // Iterates over a snapshot of the content.
    let d = me(o).data.borrow().clone();
    let items = d.iter().map(|&b| new_int_i64(b as i64)).collect();
    ops::iter(crate::types::tuple::new_tuple(items).as_ref())
}

fn bool_(o: ObjectRef<'_>) -> PyResult<bool> {
    Ok(me(o).len() > 0)
}

/// Deallocates a bytearray.
///
/// # Safety
/// Called only by the deallocation path on a dead bytearray.
unsafe fn dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: bytearrays are built by `new_object` with a `BytearrayPayload`.
    unsafe { dealloc_payload::<BytearrayPayload>(obj) }
}

pub static BYTEARRAY_TYPE: StaticType = StaticType(PyType::new_static(
    "bytearray",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<BytearrayPayload>(),
    0,
    TypeFlags::BASETYPE,
    43,
    dealloc,
    None,
    Slots {
        iter: slot(iter as UnaryFn),
        repr: slot(repr as UnaryFn),
        hash: Slot::empty(),
        richcompare: slot(richcompare as RichCompareFn),
        nb_bool: slot(bool_ as crate::types::typeobject::InquiryFn),
        sq_length: slot(len as LenFn),
        sq_concat: slot(concat as BinaryFn),
        sq_repeat: slot(repeat as fn(ObjectRef<'_>, isize) -> PyResult<Object>),
        sq_item: slot(item as SeqItemFn),
        sq_contains: slot(contains as ContainsFn),
        mp_length: slot(len as LenFn),
        mp_subscript: slot(subscript as BinaryFn),
        init: slot(bytearray_init as crate::types::typeobject::InitFn),
        mp_ass_subscript: slot(
            ass_subscript
                as fn(ObjectRef<'_>, ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<()>,
        ),
        ..crate::types::object::object_slots()
    },
));

// ---- construction and mutation methods ----

/// `bytearray.resize(size)`: truncates, or pads with zero bytes.
pub(crate) fn resize(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kw);
    a.no_kw_at_all("resize")?;
    a.count("resize", 1, 1)?;
    let o = args[0].as_ref();
    let Some(n) = crate::ops::index_value(o)? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        )));
    };
    if n < 0 {
        return Err(PyErr::value_error(format!("Can only resize to positive sizes, got {n}")));
    }
    let p = me(s.expect("a bytearray"));
    p.check_resize()?;
    let n = n as usize;
    let mut d = p.data.borrow_mut();
    let cur = d.len();
    if n > cur && d.try_reserve_exact(n - cur).is_err() {
        return Err(PyErr::memory_error());
    }
    d.resize(n, 0);
    Ok(crate::types::singletons::none())
}

pub(crate) fn bytearray_new(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if args.is_empty() {
        return Ok(new_bytearray(Vec::new()));
    }
    let b = crate::builtins::constructors::bytes_new(s, args, kw).map_err(|e| {
        if e.matches(&crate::types::exceptions::VALUE_ERROR)
            && e.message().contains("bytes must be in range")
        {
            PyErr::value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    Ok(new_bytearray(bytes_like(b.as_ref()).expect("bytes").into_owned()))
}

/// `bytearray.__init__(self, [source[, encoding[, errors]]])` (the `init` slot): empties the
/// array (which fails while a buffer is exported), then fills it as `bytearray(...)` would; a
/// failing source leaves it empty.
pub(crate) fn bytearray_init(
    o: ObjectRef<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let p = me(o);
    if p.len() != 0 {
        p.check_resize()?;
        p.with(|d| d.clear());
    }
    let v = bytearray_new(None, args, kw)?;
    let data = bytearray_data(v.as_ref()).expect("a bytearray");
    if !data.is_empty() {
        p.check_resize()?;
    }
    p.with(|d| *d = data);
    Ok(())
}

/// A blank instance of `ty`, a Python subclass of bytearray (its `__init__` fills it).
fn new_blank(ty: &PyType) -> Object {
    new_object(ty, BytearrayPayload { data: RefCell::new(Vec::new()), exports: Cell::new(0) })
}

/// Whether `o` is a bytearray (or a subclass instance).
pub fn is_bytearray(o: ObjectRef<'_>) -> bool {
    payload(o).is_some()
}

/// `a += b` (`add`) or `a *= b` on a bytearray, in place.
pub fn inplace(a: ObjectRef<'_>, b: ObjectRef<'_>, add: bool) -> PyResult<Object> {
    let p = me(a);
    if add {
        let Some(y) = bytes_like(b) else {
            return Err(PyErr::type_error(format!(
                "can't concat {} to {}",
                b.type_().name(),
                a.type_().name()
            )));
        };
        if !y.is_empty() {
            p.check_resize()?;
        }
        let y = y.into_owned();
        p.with(|d| d.extend_from_slice(&y));
        return Ok(a.to_owned());
    }
    let Some(n) = ops::index_value(b)? else {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            b.type_().name()
        )));
    };
    let cur = p.data.borrow().clone();
    let total = cur.len().checked_mul(n.max(0) as usize).ok_or_else(PyErr::memory_error)?;
    if total > isize::MAX as usize / 2 {
        return Err(PyErr::memory_error());
    }
    if total != cur.len() {
        p.check_resize()?;
    }
    p.with(|d| *d = cur.repeat(n.max(0) as usize));
    Ok(a.to_owned())
}

fn this(s: Option<ObjectRef<'_>>) -> &BytearrayPayload {
    me(s.expect("self"))
}

fn counted<'a>(
    name: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'_>>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Object]> {
    let a = Args::new(args, kw);
    a.check_method("bytearray", name, min, max)?;
    Ok(args)
}

fn append(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = counted("append", args, kw, 1, 1)?;
    let b = byte_value(args[0].as_ref())?;
    let p = this(s);
    p.check_resize()?;
    p.with(|d| d.push(b));
    Ok(none())
}

fn extend(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = counted("extend", args, kw, 1, 1)?;
    let v = args[0].as_ref();
    let new = if let Some(b) = bytes_like(v) {
        b.into_owned()
    } else {
        if crate::types::str::Str::new(v).is_some() {
            return Err(PyErr::type_error("expected iterable of integers; got: 'str'"));
        }
        let items = iterate(v).map_err(|_| {
            PyErr::type_error(format!("can't extend bytearray with {}", v.type_().name()))
        })?;
        items.iter().map(|x| byte_value(x.as_ref())).collect::<PyResult<Vec<u8>>>()?
    };
    let p = this(s);
    if !new.is_empty() {
        p.check_resize()?;
    }
    p.with(|d| d.extend_from_slice(&new));
    Ok(none())
}

fn pop(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let args = counted("pop", args, kw, 0, 1)?;
    let p = this(s);
    let n = p.len() as isize;
    let i = match args.first() {
        Some(i) => ops::index_value(i.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                i.type_().name()
            ))
        })?,
        None => -1,
    };
    if n == 0 {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    p.check_resize()?;
    Ok(new_int_i64(p.with(|d| d.remove(i as usize)) as i64))
}

fn insert(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = counted("insert", args, kw, 2, 2)?;
    let i = ops::index_value(args[0].as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        ))
    })?;
    let b = byte_value(args[1].as_ref())?;
    let p = this(s);
    p.check_resize()?;
    let n = p.len() as isize;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    p.with(|d| d.insert(i, b));
    Ok(none())
}

fn remove(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = counted("remove", args, kw, 1, 1)?;
    let b = byte_value(args[0].as_ref())?;
    let p = this(s);
    let Some(i) = p.with(|d| d.iter().position(|&x| x == b)) else {
        return Err(PyErr::value_error("value not found in bytearray"));
    };
    p.check_resize()?;
    p.with(|d| d.remove(i));
    Ok(none())
}

fn clear(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    counted("clear", args, kw, 0, 0)?;
    let p = this(s);
    p.check_resize()?;
    p.with(Vec::clear);
    Ok(none())
}

fn copy(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    counted("copy", args, kw, 0, 0)?;
    Ok(new_bytearray(this(s).data.borrow().clone()))
}

fn reverse(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    counted("reverse", args, kw, 0, 0)?;
    this(s).with(|d| d.reverse());
    Ok(none())
}

pub(crate) fn register() {
    let ty = &BYTEARRAY_TYPE.0;
    crate::eval::typecall::register_subclass_new(&BYTEARRAY_TYPE.0, new_blank);
    crate::builtins::bytesmethods::register_on(ty);
    let m: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
    ];
    for (n, f) in m {
        let _ = register_static_attr(ty, n, new_method_descriptor(ty, n, *f));
    }
}
