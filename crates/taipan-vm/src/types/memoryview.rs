//! `memoryview`: a view of a bytes or bytearray object's memory with a native `struct` format
//! (`B`, `b`, `c`, `h`, `H`, `i`, `I`, `l`, `L`, `q`, `Q`, `n`, `N`, `f`, `d`, `?`), a shape and
//! strides; indexing, slicing, item and slice assignment (writable exporters only), `cast`,
//! `tolist`, `tobytes`, `hex`, `release` and the context manager. A view of a bytearray holds an
//! export on it, which forbids resizing until the view is released.

use std::cell::Cell;

use crate::builtins::args::Args;
use crate::builtins::bytesmethods::bytes_like;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::bytearray::BytearrayPayload;
use crate::types::bytes::{bytes_data, new_bytes};
use crate::types::float::{float_value, new_float};
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::{int_value, new_int, new_int_i64};
use crate::types::list::new_list;
use crate::types::singletons::{none, not_implemented};
use crate::types::str::{Str, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::register_static_attr;
use crate::types::typeobject::{
    BinaryFn, CompareOp, HashFn, LenFn, PyType, RichCompareFn, Slots, StaticType, TypeFlags,
    UnaryFn, slot,
};

pub struct MemoryviewPayload {
    obj: Object,
    released: Cell<bool>,
    readonly: bool,
    format: char,
    itemsize: usize,
    offset: usize,
    shape: Vec<usize>,
    strides: Vec<isize>,
}

// SAFETY: every memoryview is built by `new_object` with a `MemoryviewPayload`.
unsafe impl PyPayload for MemoryviewPayload {
    fn type_object() -> &'static PyType {
        &MEMORYVIEW_TYPE.0
    }
}

fn itemsize_of(f: char) -> Option<usize> {
    Some(match f {
        'B' | 'b' | 'c' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    })
}

fn view(o: ObjectRef<'_>) -> PyResult<&MemoryviewPayload> {
    let p = o.payload::<MemoryviewPayload>().expect("a memoryview");
    if p.released.get() {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    Ok(p)
}

fn exporter_bytearray(o: ObjectRef<'_>) -> Option<&BytearrayPayload> {
    o.payload::<BytearrayPayload>()
}

/// A view of the whole of a bytes-like object.
pub fn new_memoryview(obj: ObjectRef<'_>) -> PyResult<Object> {
    if let Some(m) = obj.payload::<MemoryviewPayload>() {
        if m.released.get() {
            return Err(PyErr::value_error("operation forbidden on released memoryview object"));
        }
        return Ok(derive(m, m.offset, m.shape.clone(), m.strides.clone(), m.format, m.readonly));
    }
    let (len, readonly) = if let Some(b) = bytes_data(obj) {
        (b.len(), true)
    } else if let Some(ba) = exporter_bytearray(obj) {
        (ba.len(), false)
    } else if let Some(view) = python_buffer(obj)? {
        return Ok(view);
    } else {
        return Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            obj.type_().name()
        )));
    };
    if let Some(ba) = exporter_bytearray(obj) {
        ba.exports.set(ba.exports.get() + 1);
    }
    Ok(new_object(
        &MEMORYVIEW_TYPE.0,
        MemoryviewPayload {
            obj: obj.to_owned(),
            released: Cell::new(false),
            readonly,
            format: 'B',
            itemsize: 1,
            offset: 0,
            shape: vec![len],
            strides: vec![1],
        },
    ))
}

fn derive(
    m: &MemoryviewPayload,
    offset: usize,
    shape: Vec<usize>,
    strides: Vec<isize>,
    format: char,
    readonly: bool,
) -> Object {
    if let Some(ba) = exporter_bytearray(m.obj.as_ref()) {
        ba.exports.set(ba.exports.get() + 1);
    }
    new_object(
        &MEMORYVIEW_TYPE.0,
        MemoryviewPayload {
            obj: m.obj.clone(),
            released: Cell::new(false),
            readonly,
            format,
            itemsize: itemsize_of(format).expect("a known format"),
            offset,
            shape,
            strides,
        },
    )
}

impl MemoryviewPayload {
    fn with_data<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        let o = self.obj.as_ref();
        if let Some(b) = bytes_data(o) {
            return f(b);
        }
        exporter_bytearray(o).expect("bytes or bytearray").with(|d| f(d))
    }

    fn release(&self) {
        if !self.released.replace(true)
            && let Some(ba) = exporter_bytearray(self.obj.as_ref())
        {
            ba.exports.set(ba.exports.get().saturating_sub(1));
        }
    }

    fn count(&self) -> usize {
        self.shape.iter().product()
    }

    /// The byte offsets of every item in C order.
    fn item_offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.count());
        fn walk(m: &MemoryviewPayload, dim: usize, base: isize, out: &mut Vec<usize>) {
            if dim == m.shape.len() {
                out.push(base as usize);
                return;
            }
            for k in 0..m.shape[dim] {
                walk(m, dim + 1, base + k as isize * m.strides[dim], out);
            }
        }
        walk(self, 0, self.offset as isize, &mut out);
        out
    }

    fn to_bytes(&self) -> Vec<u8> {
        let offs = self.item_offsets();
        let n = self.itemsize;
        self.with_data(|d| {
            let mut out = Vec::with_capacity(offs.len() * n);
            for o in offs {
                out.extend_from_slice(&d[o..o + n]);
            }
            out
        })
    }

    fn unpack(&self, at: usize) -> Object {
        let n = self.itemsize;
        let raw: Vec<u8> = self.with_data(|d| d[at..at + n].to_vec());
        let mut b8 = [0u8; 8];
        b8[..n].copy_from_slice(&raw);
        let u = u64::from_le_bytes(b8);
        match self.format {
            'B' | 'H' | 'I' | 'L' | 'Q' | 'N' | 'P' => new_int(dashu_int::IBig::from(u)),
            'b' => new_int_i64(raw[0] as i8 as i64),
            'h' => new_int_i64(u as u16 as i16 as i64),
            'i' => new_int_i64(u as u32 as i32 as i64),
            'l' | 'q' | 'n' => new_int_i64(u as i64),
            'f' => new_float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
            'd' => new_float(f64::from_le_bytes(b8)),
            '?' => py_bool(raw[0] != 0),
            _ => new_bytes(&raw),
        }
    }

    fn pack(&self, v: ObjectRef<'_>) -> PyResult<Vec<u8>> {
        let n = self.itemsize;
        let fmt = self.format;
        let bad = || PyErr::type_error(format!("memoryview: invalid type for format '{fmt}'"));
        match fmt {
            'c' => match bytes_like(v) {
                Some(b) if b.len() == 1 => Ok(b.into_owned()),
                _ => {
                    Err(PyErr::value_error(format!("memoryview: invalid value for format '{fmt}'")))
                }
            },
            'f' | 'd' => {
                let x = match float_value(v) {
                    Some(x) => x,
                    None => match int_value(v) {
                        Some(i) => crate::types::int::int_to_f64(i)?,
                        None => return Err(bad()),
                    },
                };
                Ok(if fmt == 'f' {
                    (x as f32).to_le_bytes().to_vec()
                } else {
                    x.to_le_bytes().to_vec()
                })
            }
            '?' => Ok(vec![ops::is_true(v)? as u8]),
            _ => {
                let Some(i) = int_value(v) else { return Err(bad()) };
                let big = i.to_ibig().into_owned();
                let signed = fmt.is_ascii_lowercase();
                let bits = n * 8;
                let (lo, hi) = if signed {
                    (
                        -(dashu_int::IBig::from(1u8) << (bits - 1)),
                        (dashu_int::IBig::from(1u8) << (bits - 1)) - 1,
                    )
                } else {
                    (dashu_int::IBig::ZERO, (dashu_int::IBig::from(1u8) << bits) - 1)
                };
                if big < lo || big > hi {
                    return Err(PyErr::value_error(format!(
                        "memoryview: invalid value for format '{fmt}'"
                    )));
                }
                let v64: i128 = i128::try_from(&big).unwrap_or(0);
                Ok(v64.to_le_bytes()[..n].to_vec())
            }
        }
    }
}

fn index_of(m: &MemoryviewPayload, i: isize) -> PyResult<usize> {
    let n = m.shape[0] as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok((m.offset as isize + j * m.strides[0]) as usize)
}

fn len(o: ObjectRef<'_>) -> PyResult<usize> {
    let m = view(o)?;
    m.shape.first().copied().ok_or_else(|| PyErr::type_error("0-dim memory has no length"))
}

fn subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let m = view(o)?;
    if let Some(items) = tuple_items(key) {
        if items.len() != m.shape.len() {
            return Err(PyErr::type_error(format!(
                "cannot index {}-dimension view with {}-element tuple",
                m.shape.len(),
                items.len()
            )));
        }
        let mut at = m.offset as isize;
        for (d, it) in items.iter().enumerate() {
            let i = ops::index_value(it.as_ref())?
                .ok_or_else(|| PyErr::type_error("memoryview: invalid slice key"))?;
            let n = m.shape[d] as isize;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(PyErr::index_error(format!(
                    "index out of bounds on dimension {}",
                    d + 1
                )));
            }
            at += j * m.strides[d];
        }
        return Ok(m.unpack(at as usize));
    }
    if let Some(slice) = crate::types::slice::as_slice(key) {
        if m.shape.len() != 1 {
            return Err(PyErr::new(
                &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
                "multi-dimensional slicing is not implemented",
            ));
        }
        let (start, _stop, step, n) = slice.indices(m.shape[0])?;
        let offset = (m.offset as isize + start * m.strides[0]).max(0) as usize;
        return Ok(derive(m, offset, vec![n], vec![m.strides[0] * step], m.format, m.readonly));
    }
    match ops::index_value(key)? {
        Some(i) => {
            if m.shape.len() != 1 {
                return Err(PyErr::new(
                    &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
                    "multi-dimensional sub-views are not implemented",
                ));
            }
            Ok(m.unpack(index_of(m, i)?))
        }
        None => Err(PyErr::type_error("memoryview: invalid slice key")),
    }
}

fn ass_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let m = view(o)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(v) = v else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    let ba = exporter_bytearray(m.obj.as_ref()).expect("writable views are of bytearrays");
    if let Some(slice) = crate::types::slice::as_slice(key) {
        let (start, _stop, step, n) = slice.indices(m.shape[0])?;
        let src = bytes_like(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                v.type_().name()
            ))
        })?;
        if src.len() != n * m.itemsize {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let src = src.into_owned();
        ba.with(|d| {
            for k in 0..n {
                let at = (m.offset as isize + (start + k as isize * step) * m.strides[0]) as usize;
                d[at..at + m.itemsize].copy_from_slice(&src[k * m.itemsize..(k + 1) * m.itemsize]);
            }
        });
        return Ok(());
    }
    let Some(i) = ops::index_value(key)? else {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    };
    let at = index_of(m, i)?;
    let bytes = m.pack(v)?;
    ba.with(|d| d[at..at + bytes.len()].copy_from_slice(&bytes));
    Ok(())
}

fn richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(not_implemented());
    }
    let m = a.payload::<MemoryviewPayload>().expect("memoryview");
    if m.released.get() {
        return Ok(py_bool((op == CompareOp::Eq) == a.is(b)));
    }
    let equal = if let Some(other) = b.payload::<MemoryviewPayload>() {
        if other.released.get() {
            false
        } else {
            let x = tolist_value(m);
            let y = tolist_value(other);
            ops::rich_compare_bool(x.as_ref(), y.as_ref(), CompareOp::Eq)?
        }
    } else if let Some(bb) = bytes_like(b) {
        if matches!(m.format, 'B' | 'b' | 'c') && m.shape.len() == 1 {
            m.to_bytes() == *bb
        } else {
            false
        }
    } else {
        return Ok(not_implemented());
    };
    Ok(py_bool(equal == (op == CompareOp::Eq)))
}

fn hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let m = view(o)?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    Ok(crate::hash::hash_bytes(&m.to_bytes()))
}

fn iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let m = view(o)?;
    if m.shape.len() != 1 {
        return Err(PyErr::new(
            &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let items: Vec<Object> = m.item_offsets().into_iter().map(|at| m.unpack(at)).collect();
    ops::iter(new_tuple(items).as_ref())
}

fn repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let m = o.payload::<MemoryviewPayload>().expect("memoryview");
    let what = if m.released.get() { "released memory" } else { "memory" };
    Ok(new_str(&format!("<{what} at {:#x}>", o.id())))
}

/// Deallocates a memoryview, releasing its export.
///
/// # Safety
/// Called only by the deallocation path on a dead memoryview.
unsafe fn dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: the header of a dead object is still readable, and memoryviews are built by
    // `new_object` with a `MemoryviewPayload`.
    unsafe {
        crate::object::alloc::payload_ptr::<MemoryviewPayload>(obj).as_ref().release();
        dealloc_payload::<MemoryviewPayload>(obj)
    }
}

pub static MEMORYVIEW_TYPE: StaticType = StaticType(PyType::new_static(
    "memoryview",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MemoryviewPayload>(),
    0,
    TypeFlags(0),
    44,
    dealloc,
    None,
    Slots {
        iter: slot(iter as UnaryFn),
        repr: slot(repr as UnaryFn),
        hash: slot(hash as HashFn),
        richcompare: slot(richcompare as RichCompareFn),
        sq_length: slot(len as LenFn),
        mp_length: slot(len as LenFn),
        mp_subscript: slot(subscript as BinaryFn),
        mp_ass_subscript: slot(
            ass_subscript
                as fn(ObjectRef<'_>, ObjectRef<'_>, Option<ObjectRef<'_>>) -> PyResult<()>,
        ),
        ..crate::types::object::object_slots()
    },
));

/// The content of a memoryview as bytes (C order), `None` for other objects.
/// PEP 688: the view a class written in Python exports through its `__buffer__(flags)` method
/// (the native exporters are answered before this is asked). `None` when the class has no
/// `__buffer__`; a `__buffer__` that returns something other than a memoryview is CPython's
/// TypeError.
pub fn python_buffer(obj: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let ty = obj.type_();
    if !ty.has_flag(TypeFlags::HEAPTYPE) {
        return Ok(None);
    }
    let name = crate::interned!("__buffer__");
    let Some(meth) = crate::types::typelookup::type_lookup(ty, name.as_ref())? else {
        return Ok(None);
    };
    let view = ops::call(meth.as_ref(), &[obj.to_owned(), new_int_i64(0)], None)?;
    if view.payload::<MemoryviewPayload>().is_none() {
        return Err(PyErr::type_error(format!("__buffer__ returned non-memoryview object")));
    }
    Ok(Some(view))
}

/// The bytes of a Python class's exported buffer (`python_buffer`), if it exports one.
pub fn python_buffer_bytes(o: ObjectRef<'_>) -> Option<Vec<u8>> {
    let view = python_buffer(o).ok()??;
    memoryview_bytes(view.as_ref())
}

pub fn memoryview_bytes(o: ObjectRef<'_>) -> Option<Vec<u8>> {
    let m = o.payload::<MemoryviewPayload>()?;
    if m.released.get() {
        return None;
    }
    Some(m.to_bytes())
}

fn tolist_value(m: &MemoryviewPayload) -> Object {
    fn walk(m: &MemoryviewPayload, dim: usize, base: isize) -> Object {
        if dim == m.shape.len() {
            return m.unpack(base as usize);
        }
        let items = (0..m.shape[dim])
            .map(|k| walk(m, dim + 1, base + k as isize * m.strides[dim]))
            .collect();
        new_list(items)
    }
    if m.shape.is_empty() {
        return m.unpack(m.offset);
    }
    walk(m, 0, m.offset as isize)
}

// ---- methods ----

fn this(s: Option<ObjectRef<'_>>) -> PyResult<&MemoryviewPayload> {
    view(s.expect("self"))
}

fn no_args(name: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let a = Args::new(args, kw);
    a.check_method("memoryview", name, 0, 0)
}

fn tobytes(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let _ = a.take_kw("order");
    a.no_kw("tobytes")?;
    Ok(new_bytes(&this(s)?.to_bytes()))
}

fn tolist(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("tolist", args, kw)?;
    Ok(tolist_value(this(s)?))
}

fn hex(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let d = this(s)?.to_bytes();
    crate::builtins::bytesmethods::hex_of(&d, args, kw)
}

fn release(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("release", args, kw)?;
    s.expect("self").payload::<MemoryviewPayload>().expect("memoryview").release();
    Ok(none())
}

fn enter(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    no_args("__enter__", args, kw)?;
    this(s)?;
    Ok(s.expect("self").to_owned())
}

fn exit(s: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    s.expect("self").payload::<MemoryviewPayload>().expect("memoryview").release();
    Ok(none())
}

fn toreadonly(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("toreadonly", args, kw)?;
    let m = this(s)?;
    Ok(derive(m, m.offset, m.shape.clone(), m.strides.clone(), m.format, true))
}

fn is_contiguous(m: &MemoryviewPayload) -> bool {
    let mut expect = m.itemsize as isize;
    for d in (0..m.shape.len()).rev() {
        if m.shape[d] > 1 && m.strides[d] != expect {
            return false;
        }
        expect *= m.shape[d] as isize;
    }
    true
}

fn cast(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let m = this(s)?;
    let mut a = Args::new(args, kw);
    let fmt_kw = a.take_kw("format");
    let shape_kw = a.take_kw("shape");
    a.no_kw("cast")?;
    let Some(fmt) = a.pos.first().or(fmt_kw) else {
        return Err(PyErr::type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(fs) = Str::new(fmt.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "cast() argument 'format' must be str, not {}",
            fmt.type_().name()
        )));
    };
    let text = fs.to_string_lossy();
    let f = text.strip_prefix('@').unwrap_or(&text);
    let mut chars = f.chars();
    let format = match (chars.next(), chars.next()) {
        (Some(c), None) if itemsize_of(c).is_some() => c,
        _ => {
            return Err(PyErr::value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    if !is_contiguous(m) {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_fmt = |c: char| matches!(c, 'B' | 'b' | 'c');
    if !byte_fmt(m.format) && !byte_fmt(format) {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let itemsize = itemsize_of(format).expect("checked");
    let nbytes = m.count() * m.itemsize;
    let shape: Vec<usize> = match a.pos.get(1).or(shape_kw) {
        Some(sh) => {
            let items = crate::eval::helpers::iterate(sh.as_ref())?;
            if items.is_empty() || items.len() > 64 {
                return Err(PyErr::value_error(
                    "memoryview: number of dimensions must not exceed 64",
                ));
            }
            let mut v = Vec::new();
            for it in items {
                let x = ops::index_value(it.as_ref())?.ok_or_else(|| {
                    PyErr::type_error("memoryview.cast(): elements of shape must be integers")
                })?;
                if x <= 0 {
                    return Err(PyErr::value_error(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    ));
                }
                v.push(x as usize);
            }
            if v.iter().product::<usize>() * itemsize != nbytes {
                return Err(PyErr::type_error(
                    "memoryview: product(shape) * itemsize != buffer size",
                ));
            }
            v
        }
        None => {
            if nbytes % itemsize != 0 {
                return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / itemsize]
        }
    };
    let mut strides = vec![0isize; shape.len()];
    let mut acc = itemsize as isize;
    for d in (0..shape.len()).rev() {
        strides[d] = acc;
        acc *= shape[d] as isize;
    }
    Ok(derive(m, m.offset, shape, strides, format, m.readonly))
}

fn getter(name: &'static str) -> NativeFn {
    match name {
        "obj" => |_, a, _| Ok(view(a[0].as_ref())?.obj.clone()),
        "nbytes" => |_, a, _| {
            let m = view(a[0].as_ref())?;
            Ok(new_int_i64((m.count() * m.itemsize) as i64))
        },
        "readonly" => |_, a, _| Ok(py_bool(view(a[0].as_ref())?.readonly)),
        "itemsize" => |_, a, _| Ok(new_int_i64(view(a[0].as_ref())?.itemsize as i64)),
        "format" => |_, a, _| Ok(new_str(&view(a[0].as_ref())?.format.to_string())),
        "ndim" => |_, a, _| Ok(new_int_i64(view(a[0].as_ref())?.shape.len() as i64)),
        "shape" => |_, a, _| {
            let m = view(a[0].as_ref())?;
            Ok(new_tuple(m.shape.iter().map(|&x| new_int_i64(x as i64)).collect()))
        },
        "strides" => |_, a, _| {
            let m = view(a[0].as_ref())?;
            Ok(new_tuple(m.strides.iter().map(|&x| new_int_i64(x as i64)).collect()))
        },
        "suboffsets" => |_, a, _| {
            view(a[0].as_ref())?;
            Ok(new_tuple(Vec::new()))
        },
        "f_contiguous" => |_, a, _| {
            let m = view(a[0].as_ref())?;
            Ok(py_bool(m.shape.len() <= 1 && is_contiguous(m)))
        },
        _ => |_, a, _| Ok(py_bool(is_contiguous(view(a[0].as_ref())?))),
    }
}

pub(crate) fn memoryview_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let obj_kw = a.take_kw("object");
    a.no_kw("memoryview")?;
    let Some(o) = a.pos.first().or(obj_kw) else {
        return Err(PyErr::type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    new_memoryview(o.as_ref())
}

pub(crate) fn register() {
    let ty = &MEMORYVIEW_TYPE.0;
    let m: &[(&'static str, NativeFn)] = &[
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("toreadonly", toreadonly),
        ("cast", cast),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    for (n, f) in m {
        let _ = register_static_attr(ty, n, new_method_descriptor(ty, n, *f));
    }
    for n in [
        "obj",
        "nbytes",
        "readonly",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "contiguous",
        "c_contiguous",
        "f_contiguous",
    ] {
        let g = new_builtin_function(n, getter(n));
        let _ = register_static_attr(ty, n, crate::types::descriptors::new_property(g));
    }
}
