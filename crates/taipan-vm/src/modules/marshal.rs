//! The `marshal` module: `dumps`/`dump`/`loads`/`load` in CPython 3.14's format (version 5 and
//! the older ones `dumps` can be asked for).
//!
//! Writing follows CPython's writer object by object, so simple values come out byte for byte
//! as CPython writes them: an object referenced from elsewhere (a reference count above one, a
//! tagged int, an immortal) is flagged `FLAG_REF` and written once, later occurrences as a
//! reference; set elements are ordered by their own marshalled bytes. A value holding code
//! objects is written through `taipan_bytecode::marshal` (one reference numbering for the whole
//! stream). Reading is `taipan_bytecode::marshal::loads_prefix`, which rejects truncated or
//! corrupt data with CPython's messages, never a panic.

use std::collections::HashMap;

use dashu_int::IBig;
use taipan_bytecode::Const;
use taipan_bytecode::marshal as fmt;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::NativeFn;
use crate::types::module::{module_dict, new_module};
use crate::types::str::{Str, new_str};

const VERSION: i64 = 5;
const FLAG_REF: u8 = 0x80;
const MAX_DEPTH: usize = 2000;

fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

fn is_exact(o: ObjectRef<'_>, ty: &crate::types::typeobject::StaticType) -> bool {
    std::ptr::eq(o.type_(), &ty.0)
}

fn is_stop_iteration(o: ObjectRef<'_>) -> bool {
    o.is(crate::types::exceptions::STOP_ITERATION.0.as_object())
}

/// A str's code points in UTF-8, lone surrogates encoded like any other code point
/// (Python's `surrogatepass`).
fn utf8_surrogatepass(s: Str<'_>) -> Vec<u8> {
    if let Some(t) = s.as_str() {
        return t.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len() * 2);
    for i in 0..s.len() {
        let c = s.char_at(i);
        match c {
            0..=0x7f => out.push(c as u8),
            0x80..=0x7ff => {
                out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8])
            }
            0x800..=0xffff => out.extend_from_slice(&[
                0xe0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]),
            _ => out.extend_from_slice(&[
                0xf0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3f) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]),
        }
    }
    out
}

/// `repr`-free float text of the version 0/1 formats: C's `%.17g`.
fn float_text(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{:.16e}", v);
    let (mant, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent digits");
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..17).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(digits);
        } else {
            let e = exp as usize;
            if digits.len() <= e + 1 {
                out.push_str(digits);
                for _ in digits.len()..=e {
                    out.push('0');
                }
            } else {
                out.push_str(&digits[..=e]);
                out.push('.');
                out.push_str(&digits[e + 1..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    }
    out
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    allow_code: bool,
    refs: HashMap<usize, u32>,
    /// What the ref table points at stays alive while writing.
    keep: Vec<Object>,
    depth: usize,
}

impl Writer {
    fn new(version: i64, allow_code: bool) -> Writer {
        Writer {
            out: Vec::new(),
            version,
            allow_code,
            refs: HashMap::new(),
            keep: Vec::new(),
            depth: 0,
        }
    }

    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.long(n);
        Ok(())
    }

    fn double(&mut self, v: f64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn text_float(&mut self, v: f64) {
        let t = float_text(v);
        self.out.push(t.len() as u8);
        self.out.extend_from_slice(t.as_bytes());
    }

    /// CPython's `w_ref`: the flag for a shared object, or a back-reference if already written.
    /// `extra`: references the writer itself holds (copies taken out of a list, dict or set),
    /// which CPython's writer does not have.
    fn reference(&mut self, o: ObjectRef<'_>, extra: usize) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        if o.refcnt().is_some_and(|n| n <= 1 + extra) {
            return Some(0);
        }
        let key = o.id();
        if let Some(&i) = self.refs.get(&key) {
            self.out.push(b'r');
            self.long(i as i32);
            return None;
        }
        let i = self.refs.len() as u32;
        self.refs.insert(key, i);
        self.keep.push(o.to_owned());
        Some(FLAG_REF)
    }

    fn object(&mut self, o: ObjectRef<'_>) -> PyResult<()> {
        self.object_with(o, 0)
    }

    /// Writes an item the writer holds an extra reference to.
    fn item(&mut self, o: &Object) -> PyResult<()> {
        self.object_with(o.as_ref(), 1)
    }

    fn object_with(&mut self, o: ObjectRef<'_>, extra: usize) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::value_error("object too deeply nested to marshal"));
        }
        let r = self.object_inner(o, extra);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, o: ObjectRef<'_>, extra: usize) -> PyResult<()> {
        use crate::types::singletons::{ELLIPSIS, is_none};
        if is_none(o) {
            self.out.push(b'N');
            return Ok(());
        }
        if is_stop_iteration(o) {
            self.out.push(b'S');
            return Ok(());
        }
        if o.is(ELLIPSIS.object().as_ref()) {
            self.out.push(b'.');
            return Ok(());
        }
        if let Some(b) = crate::types::bool::bool_value(o)
            && is_exact(o, &crate::types::bool::BOOL_TYPE)
        {
            self.out.push(if b { b'T' } else { b'F' });
            return Ok(());
        }
        let Some(flag) = self.reference(o, extra) else {
            return Ok(());
        };
        if is_exact(o, &crate::types::int::INT_TYPE) {
            let v = crate::types::int::int_value(o).expect("int").to_ibig().into_owned();
            match i32::try_from(&v) {
                Ok(small) => {
                    self.out.push(b'i' | flag);
                    self.long(small);
                }
                Err(_) => {
                    self.out.push(b'l' | flag);
                    self.big_int(&v)?;
                }
            }
        } else if is_exact(o, &crate::types::float::FLOAT_TYPE) {
            let v = crate::types::float::float_value(o).expect("float");
            if self.version > 1 {
                self.out.push(b'g' | flag);
                self.double(v);
            } else {
                self.out.push(b'f' | flag);
                self.text_float(v);
            }
        } else if is_exact(o, &crate::types::complex::COMPLEX_TYPE) {
            let (re, im) = crate::types::complex::complex_value(o).expect("complex");
            if self.version > 1 {
                self.out.push(b'y' | flag);
                self.double(re);
                self.double(im);
            } else {
                self.out.push(b'x' | flag);
                self.text_float(re);
                self.text_float(im);
            }
        } else if let Some(s) = Str::new(o).filter(|_| crate::types::str_build::is_exact_str(o)) {
            if self.version >= 4 && s.is_ascii() {
                let b = s.raw_bytes();
                let interned = s.is_interned();
                if b.len() < 256 {
                    self.out.push(if interned { b'Z' } else { b'z' } | flag);
                    self.out.push(b.len() as u8);
                } else {
                    self.out.push(if interned { b'A' } else { b'a' } | flag);
                    self.size(b.len())?;
                }
                self.out.extend_from_slice(b);
            } else {
                let b = utf8_surrogatepass(s);
                // One-character Latin-1 strs are interned statics in CPython.
                let interned = s.is_interned() || (s.len() == 1 && s.char_at(0) < 256);
                let ty = if self.version >= 3 && interned { b't' } else { b'u' };
                self.out.push(ty | flag);
                self.size(b.len())?;
                self.out.extend_from_slice(&b);
            }
        } else if is_exact(o, &crate::types::tuple::TUPLE_TYPE) {
            let items = crate::types::tuple::tuple_items(o).expect("tuple");
            if self.version >= 4 && items.len() < 256 {
                self.out.push(b')' | flag);
                self.out.push(items.len() as u8);
            } else {
                self.out.push(b'(' | flag);
                self.size(items.len())?;
            }
            for it in items {
                self.object(it.as_ref())?;
            }
        } else if is_exact(o, &crate::types::list::LIST_TYPE) {
            let items = crate::types::list::as_list(o).expect("list").to_vec();
            self.out.push(b'[' | flag);
            self.size(items.len())?;
            for it in &items {
                self.item(it)?;
            }
        } else if is_exact(o, &crate::types::dict::DICT_TYPE) {
            self.out.push(b'{' | flag);
            for (k, v) in as_dict(o).expect("dict").items() {
                self.item(&k)?;
                self.item(&v)?;
            }
            self.out.push(b'0');
        } else if is_exact(o, &crate::types::set::SET_TYPE)
            || is_exact(o, &crate::types::set::FROZENSET_TYPE)
        {
            let frozen = is_exact(o, &crate::types::set::FROZENSET_TYPE);
            let items = crate::types::set::as_set(o).expect("set").to_vec();
            self.out.push(if frozen { b'>' } else { b'<' } | flag);
            self.size(items.len())?;
            // Elements in the order of their own marshalled bytes, so equal sets give equal
            // output whatever their table order.
            let mut keyed = Vec::with_capacity(items.len());
            for it in items {
                let mut w = Writer::new(self.version, self.allow_code);
                w.item(&it)?;
                keyed.push((w.out, it));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, it) in &keyed {
                self.item(it)?;
            }
        } else if is_exact(o, &crate::types::slice::SLICE_TYPE) && self.version >= 5 {
            let s = crate::types::slice::as_slice(o).expect("slice");
            self.out.push(b':' | flag);
            self.object(s.start.as_ref())?;
            self.object(s.stop.as_ref())?;
            self.object(s.step.as_ref())?;
        } else if let Some(data) = crate::builtins::bytesmethods::bytes_like(o) {
            self.out.push(b's' | flag);
            self.size(data.len())?;
            self.out.extend_from_slice(&data);
        } else {
            return Err(unmarshallable());
        }
        Ok(())
    }

    fn big_int(&mut self, v: &IBig) -> PyResult<()> {
        let neg = *v < IBig::ZERO;
        let mag = if neg { -v.clone() } else { v.clone() };
        let bytes = dashu_int::UBig::try_from(mag).map_err(|_| unmarshallable())?.to_le_bytes();
        let mut digits: Vec<u16> = Vec::new();
        let (mut acc, mut bits) = (0u32, 0u32);
        for &b in bytes.iter() {
            acc |= (b as u32) << bits;
            bits += 8;
            while bits >= 15 {
                digits.push((acc & 0x7fff) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        if bits > 0 {
            digits.push(acc as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        let n = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        self.long(if neg { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }
}

/// Whether a value holds a code object anywhere (those go through the bytecode crate's
/// writer).
fn holds_code(o: ObjectRef<'_>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    if is_exact(o, &crate::types::code::CODE_TYPE) {
        return true;
    }
    if let Some(items) = crate::types::tuple::tuple_items(o) {
        return items.iter().any(|i| holds_code(i.as_ref(), depth + 1));
    }
    if let Some(l) = crate::types::list::as_list(o) {
        return l.to_vec().iter().any(|i| holds_code(i.as_ref(), depth + 1));
    }
    if let Some(d) = as_dict(o) {
        return d
            .items()
            .iter()
            .any(|(k, v)| holds_code(k.as_ref(), depth + 1) || holds_code(v.as_ref(), depth + 1));
    }
    if let Some(s) = crate::types::set::as_set(o) {
        return s.to_vec().iter().any(|i| holds_code(i.as_ref(), depth + 1));
    }
    false
}

/// A value as a bytecode-crate constant (for values holding code objects).
fn to_const(o: ObjectRef<'_>, depth: usize) -> PyResult<Const> {
    use crate::types::singletons::{ELLIPSIS, is_none};
    if depth > MAX_DEPTH {
        return Err(PyErr::value_error("object too deeply nested to marshal"));
    }
    let all = |items: &[Object]| -> PyResult<Vec<Const>> {
        items.iter().map(|i| to_const(i.as_ref(), depth + 1)).collect()
    };
    Ok(if is_none(o) {
        Const::None
    } else if is_stop_iteration(o) {
        Const::StopIteration
    } else if o.is(ELLIPSIS.object().as_ref()) {
        Const::Ellipsis
    } else if is_exact(o, &crate::types::bool::BOOL_TYPE) {
        Const::Bool(crate::types::bool::bool_value(o).expect("bool"))
    } else if is_exact(o, &crate::types::int::INT_TYPE) {
        Const::Int(crate::types::int::int_value(o).expect("int").to_ibig().into_owned())
    } else if is_exact(o, &crate::types::float::FLOAT_TYPE) {
        Const::Float(crate::types::float::float_value(o).expect("float"))
    } else if is_exact(o, &crate::types::complex::COMPLEX_TYPE) {
        let (re, im) = crate::types::complex::complex_value(o).expect("complex");
        Const::Complex { re, im }
    } else if let Some(s) = Str::new(o).filter(|_| crate::types::str_build::is_exact_str(o)) {
        Const::Str(taipan_common::PyStr::from_code_points((0..s.len()).map(|i| s.char_at(i))))
    } else if is_exact(o, &crate::types::tuple::TUPLE_TYPE) {
        Const::Tuple(all(crate::types::tuple::tuple_items(o).expect("tuple"))?)
    } else if is_exact(o, &crate::types::list::LIST_TYPE) {
        Const::List(all(&crate::types::list::as_list(o).expect("list").to_vec())?)
    } else if is_exact(o, &crate::types::dict::DICT_TYPE) {
        let mut pairs = Vec::new();
        for (k, v) in as_dict(o).expect("dict").items() {
            pairs.push((to_const(k.as_ref(), depth + 1)?, to_const(v.as_ref(), depth + 1)?));
        }
        Const::Dict(pairs)
    } else if is_exact(o, &crate::types::set::SET_TYPE) {
        Const::Set(all(&crate::types::set::as_set(o).expect("set").to_vec())?)
    } else if is_exact(o, &crate::types::set::FROZENSET_TYPE) {
        Const::FrozenSet(all(&crate::types::set::as_set(o).expect("set").to_vec())?)
    } else if is_exact(o, &crate::types::slice::SLICE_TYPE) {
        let s = crate::types::slice::as_slice(o).expect("slice");
        Const::Slice(Box::new([
            to_const(s.start.as_ref(), depth + 1)?,
            to_const(s.stop.as_ref(), depth + 1)?,
            to_const(s.step.as_ref(), depth + 1)?,
        ]))
    } else if let Some(c) = o.payload::<crate::types::code::CodePayload>() {
        Const::Code(c.code.clone())
    } else if let Some(data) = crate::builtins::bytesmethods::bytes_like(o) {
        Const::Bytes(data.into_owned())
    } else {
        return Err(unmarshallable());
    })
}

fn const_holds_code(c: &Const) -> bool {
    match c {
        Const::Code(_) => true,
        Const::Tuple(v) | Const::List(v) | Const::Set(v) | Const::FrozenSet(v) => {
            v.iter().any(const_holds_code)
        }
        Const::Dict(p) => p.iter().any(|(k, v)| const_holds_code(k) || const_holds_code(v)),
        Const::Slice(p) => p.iter().any(const_holds_code),
        _ => false,
    }
}

/// A read constant as an object (code objects and sets included).
fn from_const(c: &Const) -> PyResult<Object> {
    let _guard = crate::ops::RecursionGuard::enter(" while loading a constant")?;
    let all = |v: &[Const]| v.iter().map(from_const).collect::<PyResult<Vec<_>>>();
    Ok(match c {
        Const::Tuple(v) => crate::types::tuple::new_tuple(all(v)?),
        Const::List(v) => crate::types::list::new_list(all(v)?),
        Const::Set(v) => crate::types::set::new_set(all(v)?)?,
        Const::FrozenSet(v) => crate::types::set::new_frozenset(all(v)?)?,
        Const::Dict(pairs) => {
            let d = crate::types::dict::new_dict();
            for (k, v) in pairs {
                as_dict(d.as_ref()).expect("dict").set_item(from_const(k)?, from_const(v)?)?;
            }
            d
        }
        Const::Slice(p) => {
            let [a, b, s] = &**p;
            crate::types::slice::new_slice(from_const(a)?, from_const(b)?, from_const(s)?)
        }
        Const::Code(code) => crate::types::code::new_code(code.clone())?,
        other => crate::types::code::load_const(other)?,
    })
}

/// `version` and `allow_code` of `dumps`/`dump` (positional `version` at `at`).
fn options(name: &str, a: &mut Args<'_>, at: usize, max: usize) -> PyResult<(i64, bool)> {
    let allow = a.take_kw("allow_code").cloned();
    a.no_kw(name)?;
    a.count(name, at, max)?;
    let version = match a.pos.get(at) {
        Some(v) => crate::modules::posix::int_arg(v.as_ref())?,
        None => VERSION,
    };
    let allow_code = match allow {
        Some(v) => crate::ops::is_true(v.as_ref())?,
        None => true,
    };
    Ok((version, allow_code))
}

fn dumps_value(o: ObjectRef<'_>, version: i64, allow_code: bool) -> PyResult<Object> {
    if holds_code(o, 0) {
        if !allow_code {
            return Err(PyErr::value_error("marshalling code objects is disallowed"));
        }
        let c = to_const(o, 0)?;
        return Ok(crate::types::bytes::new_bytes(&fmt::dumps(&c)));
    }
    let mut w = Writer::new(version, allow_code);
    w.object(o)?;
    Ok(crate::types::bytes::new_bytes(&w.out))
}

fn dumps(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let (version, allow_code) = options("dumps", &mut a, 1, 2)?;
    dumps_value(a.pos[0].as_ref(), version, allow_code)
}

fn dump(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let (version, allow_code) = options("dump", &mut a, 2, 3)?;
    let data = dumps_value(a.pos[0].as_ref(), version, allow_code)?;
    let write = crate::attr::getattr(a.pos[1].as_ref(), crate::interned!("write").as_ref())?;
    crate::ops::call(write.as_ref(), &[data], None)?;
    Ok(crate::types::singletons::none())
}

fn read_error(e: fmt::Error) -> PyErr {
    if e.message.starts_with("EOF") || e.message == "marshal data too short" {
        PyErr::new(&crate::types::exceptions::EOF_ERROR, &e.message)
    } else {
        PyErr::value_error(e.message)
    }
}

/// Reads one value from `data`: the object and the bytes it took.
fn load_bytes(data: &[u8], allow_code: bool) -> PyResult<(Object, usize)> {
    let mut r = super::marshal_read::Reader::new(data);
    match r.object() {
        Ok(v) => return Ok((v, r.pos)),
        Err(super::marshal_read::Error::Py(e)) => return Err(e),
        Err(super::marshal_read::Error::Code) => {}
    }
    let (c, used) = fmt::loads_prefix(data).map_err(read_error)?;
    if !allow_code && const_holds_code(&c) {
        return Err(PyErr::value_error("unmarshalling code objects is disallowed"));
    }
    Ok((from_const(&c)?, used))
}

fn allow_code_kw(name: &str, a: &mut Args<'_>) -> PyResult<bool> {
    let allow = a.take_kw("allow_code").cloned();
    a.no_kw(name)?;
    let given = a.pos.len() + usize::from(allow.is_some());
    if given > 2 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 2 arguments ({given} given)"
        )));
    }
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{name}() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    match allow {
        Some(v) => crate::ops::is_true(v.as_ref()),
        None => Ok(true),
    }
}

fn loads(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let allow_code = allow_code_kw("loads", &mut a)?;
    let arg = a.pos[0].as_ref();
    let data = crate::builtins::bytesmethods::bytes_like(arg).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", arg.type_().name()))
    })?;
    Ok(load_bytes(&data, allow_code)?.0)
}

/// `load(file)`: reads what the file has left, takes one value from it and seeks the file
/// back to just after that value (CPython reads exactly the value's bytes).
fn load(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let allow_code = allow_code_kw("load", &mut a)?;
    let file = a.pos[0].as_ref();
    let read = crate::attr::getattr(file, crate::interned!("read").as_ref())?;
    let chunk = crate::ops::call(read.as_ref(), &[], None)?;
    let Some(data) = crate::types::bytes::bytes_data(chunk.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "file.read() returned not bytes but {}",
            chunk.type_().name()
        )));
    };
    let (value, used) = load_bytes(data, allow_code)?;
    let extra = data.len() - used;
    if extra > 0 {
        let seek = crate::attr::getattr(file, crate::interned!("seek").as_ref())?;
        crate::ops::call(
            seek.as_ref(),
            &[crate::types::int::new_int_i64(-(extra as i64)), crate::types::int::new_int_i64(1)],
            None,
        )?;
    }
    Ok(value)
}

/// Makes the `marshal` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("marshal");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str(
            "This module contains functions that can read and write Python values in\n\
             a binary format. The format is specific to Python, but independent of\n\
             machine architecture issues.\n\n\
             Not all Python object types are supported; in general, only objects\n\
             whose value is independent from a particular invocation of Python can be\n\
             written and read by this module. The following types are supported:\n\
             None, integers, floating-point numbers, strings, bytes, bytearrays,\n\
             tuples, lists, sets, dictionaries, and code objects, where it\n\
             should be understood that tuples, lists and dictionaries are only\n\
             supported as long as the values contained therein are themselves\n\
             supported; and recursive lists and dictionaries should not be written\n\
             (they will cause infinite loops).\n\n\
             Variables:\n\n\
             version -- indicates the format that the module uses. Version 0 is the\n    \
             historical format, version 1 shares interned strings and version 2\n    \
             uses a binary format for floating-point numbers.\n    \
             Version 3 shares common object references (New in version 3.4).\n\n\
             Functions:\n\n\
             dump() -- write value to a file\n\
             load() -- read value from a file\n\
             dumps() -- marshal value as a bytes object\n\
             loads() -- read value from a bytes-like object",
        ),
    )?;
    let fns: &[(&'static str, NativeFn)] =
        &[("dump", dump), ("load", load), ("dumps", dumps), ("loads", loads)];
    for &(name, f) in fns {
        d.set_str(name, crate::types::function::new_bound_builtin(name, f, m.clone()))?;
    }
    d.set_str("version", crate::types::int::new_int_i64(VERSION))?;
    Ok(m)
}
