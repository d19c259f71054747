//! `str % args`: printf-style formatting on `taipan_common::float_fmt`'s cores.

use taipan_common::float_fmt::{
    PercentFlags, percent_format_char, percent_format_float, percent_format_int, percent_pad_str,
};

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::float::float_value;
use crate::types::int::int_value;
use crate::types::str::{Str, StrData};
use crate::types::str_build::StrBuilder;
use crate::types::tuple::tuple_items;

fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

fn fmt_err(e: taipan_common::format_spec::FormatError) -> PyErr {
    use taipan_common::format_spec::ErrorKind;
    let msg = e.message("str");
    match e.kind() {
        ErrorKind::ValueError => PyErr::value_error(msg),
        ErrorKind::OverflowError => PyErr::overflow_error(msg),
        ErrorKind::MemoryError => PyErr::memory_error(),
    }
}

/// `format % values` for a str format.
pub fn percent_format(fmt: ObjectRef<'_>, values: ObjectRef<'_>) -> PyResult<Object> {
    let f = Str::new(fmt).expect("str format").data();
    Ok(percent_core(f, values, false)?.finish())
}

/// `format % values` for a bytes or bytearray format (the result has the format's type).
pub fn bytes_percent_format(fmt: ObjectRef<'_>, values: ObjectRef<'_>) -> PyResult<Object> {
    let data = crate::builtins::bytesmethods::bytes_like(fmt).expect("bytes-like format");
    let out = percent_core(StrData::Latin1(&data), values, true)?.into_latin1();
    if crate::types::bytes::bytes_data(fmt).is_some() {
        Ok(crate::types::bytes::new_bytes(&out))
    } else {
        Ok(crate::types::bytearray::new_bytearray(out))
    }
}

/// The bytes of a `%b`/`%s` argument of a bytes format, as Latin-1 text.
fn bytes_piece(v: ObjectRef<'_>) -> PyResult<String> {
    if let Some(b) = crate::builtins::bytesmethods::bytes_like(v) {
        return Ok(b.iter().map(|&c| c as char).collect());
    }
    if let Some(r) = crate::types::instance::call_dunder(v, "__bytes__", &[])? {
        if let Some(b) = crate::types::bytes::bytes_data(r.as_ref()) {
            return Ok(b.iter().map(|&c| c as char).collect());
        }
        return Err(PyErr::type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            r.type_().name()
        )));
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.type_().name()
    )))
}

/// The format's code points, read as chars (a lone surrogate reads as U+FFFD, which is never
/// one of the format's syntax characters).
struct Fmt<'a>(StrData<'a>);

impl Fmt<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    fn get(&self, i: usize) -> Option<&'static char> {
        // The syntax only looks at ASCII; anything else reads as one "other" char.
        const ASCII: [char; 128] = {
            let mut t = ['\0'; 128];
            let mut i = 0;
            while i < 128 {
                t[i] = i as u8 as char;
                i += 1;
            }
            t
        };
        const OTHER: char = '\u{fffd}';
        if i >= self.0.len() {
            return None;
        }
        let c = self.0.get(i);
        Some(if c < 128 { &ASCII[c as usize] } else { &OTHER })
    }

    /// The position of the next `%` at or after `i` (or the end).
    fn next_percent(&self, i: usize) -> usize {
        match self.0 {
            StrData::Latin1(b) => memchr::memchr(b'%', &b[i..]).map_or(b.len(), |p| p + i),
            d => (i..d.len()).find(|&k| d.get(k) == '%' as u32).unwrap_or(d.len()),
        }
    }

    /// Pushes the units `[from, to)` to `out`.
    fn push_range(&self, out: &mut StrBuilder, from: usize, to: usize) {
        match self.0 {
            StrData::Latin1(b) => out.push_data(StrData::Latin1(&b[from..to])),
            StrData::Ucs2(u) => out.push_data(StrData::Ucs2(&u[from..to])),
            StrData::Ucs4(u) => out.push_data(StrData::Ucs4(&u[from..to])),
        }
    }
}

fn percent_core(f: StrData<'_>, values: ObjectRef<'_>, bytes_mode: bool) -> PyResult<StrBuilder> {
    let f = Fmt(f);
    // CPython's test: anything with `__getitem__` that is not a tuple or a string is a mapping.
    let mapping = as_dict(values).is_some()
        || (tuple_items(values).is_none()
            && Str::new(values).is_none()
            && crate::builtins::bytesmethods::bytes_like(values).is_none()
            && values.type_().slots.mp_subscript.get().is_some());
    let one = [values.to_owned()];
    let args: &[Object] = match tuple_items(values) {
        Some(items) => items,
        None => &one,
    };
    let mut next = 0usize;
    let mut out = StrBuilder::with_capacity(f.len() + 8 * args.len());
    let mut i = 0;
    let mut used_mapping = false;
    while i < f.len() {
        let p = f.next_percent(i);
        if p > i {
            f.push_range(&mut out, i, p);
            i = p;
            continue;
        }
        i += 1;
        let mut arg: Option<Object> = None;
        if f.get(i) == Some(&'(') {
            // Nested parentheses count: `%((a)b)s` has the key `(a)b`.
            let mut depth = 1;
            let mut close = i + 1;
            loop {
                match f.get(close) {
                    None => return Err(PyErr::value_error("incomplete format key")),
                    Some('(') => depth += 1,
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                close += 1;
            }
            let key_data = match f.0 {
                StrData::Latin1(b) => StrData::Latin1(&b[i + 1..close]),
                StrData::Ucs2(u) => StrData::Ucs2(&u[i + 1..close]),
                StrData::Ucs4(u) => StrData::Ucs4(&u[i + 1..close]),
            };
            if !mapping {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            let key = if bytes_mode {
                crate::types::bytes::new_bytes(
                    &key_data.iter().map(|c| c as u8).collect::<Vec<_>>(),
                )
            } else {
                let mut k = StrBuilder::new();
                k.push_data(key_data);
                k.finish()
            };
            arg = Some(ops::getitem(values, key.as_ref())?);
            used_mapping = true;
            i = close + 1;
        }
        let mut flags = PercentFlags::default();
        while let Some(&c) = f.get(i) {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let take_arg = |next: &mut usize| -> PyResult<Object> {
            let v = args
                .get(*next)
                .cloned()
                .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
            *next += 1;
            Ok(v)
        };
        let mut width = None;
        if f.get(i) == Some(&'*') {
            let w = take_arg(&mut next)?;
            let w =
                ops::index_value(w.as_ref())?.ok_or_else(|| PyErr::type_error("* wants int"))?;
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs());
            i += 1;
        } else {
            let mut w = None;
            while let Some(d) = f.get(i).and_then(|c| c.to_digit(10)) {
                let so_far = w.unwrap_or(0);
                if so_far > (isize::MAX as usize - d as usize) / 10 {
                    return Err(PyErr::value_error("width too big"));
                }
                w = Some(so_far * 10 + d as usize);
                i += 1;
            }
            width = w.or(width);
        }
        let mut precision = None;
        if f.get(i) == Some(&'.') {
            i += 1;
            if f.get(i) == Some(&'*') {
                // CPython reads a `*` precision as a C int: ints only, OverflowError past it.
                let p = take_arg(&mut next)?;
                let p = match crate::types::int::int_value(p.as_ref()) {
                    None => return Err(PyErr::type_error("* wants int")),
                    Some(crate::types::int::IntVal::Small(v)) => i32::try_from(v).ok(),
                    Some(crate::types::int::IntVal::Big(_)) => None,
                }
                .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
                precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while let Some(d) = f.get(i).and_then(|c| c.to_digit(10)) {
                    if p > (i32::MAX as usize - d as usize) / 10 {
                        return Err(PyErr::value_error("precision too big"));
                    }
                    p = p * 10 + d as usize;
                    i += 1;
                }
                precision = Some(p);
            }
        }
        while matches!(f.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = f.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%' as u32);
            continue;
        }
        let v = match arg {
            Some(v) => v,
            None if used_mapping => {
                return Err(PyErr::type_error("not enough arguments for format string"));
            }
            None if mapping && args.len() == 1 => {
                used_mapping = true;
                values.to_owned()
            }
            None => take_arg(&mut next)?,
        };
        // The common plain conversions, written straight into the output.
        if !bytes_mode && width.is_none() && precision.is_none() && flags == PercentFlags::default()
        {
            match conv {
                'd' | 'i' | 'u' => {
                    if let Some(crate::types::int::IntVal::Small(n)) = int_value(v.as_ref()) {
                        out.push_i64(n);
                        continue;
                    }
                }
                's' => {
                    let r = ops::str_(v.as_ref())?;
                    out.push_obj(Str::new(r.as_ref()).expect("str() returns a str"));
                    continue;
                }
                'r' | 'a' => {
                    let r =
                        if conv == 'r' { ops::repr(v.as_ref())? } else { ops::ascii(v.as_ref())? };
                    out.push_obj(Str::new(r.as_ref()).expect("repr() returns a str"));
                    continue;
                }
                _ => {}
            }
        }
        let piece = match conv {
            's' | 'b' if bytes_mode => {
                let s = bytes_piece(v.as_ref())?;
                percent_pad_str(&s, flags, width, precision).map_err(fmt_err)?
            }
            'r' | 'a' if bytes_mode => {
                let s = ops::ascii(v.as_ref())?;
                percent_pad_str(&text(s.as_ref()), flags, width, precision).map_err(fmt_err)?
            }
            'c' if bytes_mode => {
                let c = if let Some(x) = int_value(v.as_ref()) {
                    match x.to_ibig().to_string().parse::<i64>() {
                        Ok(c) if (0..256).contains(&c) => c as u8,
                        _ => return Err(PyErr::overflow_error("%c arg not in range(256)")),
                    }
                } else if let Some(b) = crate::builtins::bytesmethods::bytes_like(v.as_ref()) {
                    if b.len() != 1 {
                        return Err(PyErr::type_error(format!(
                            "%c requires an integer in range(256) or a single byte, not a {} object of length {}",
                            v.type_().name(),
                            b.len()
                        )));
                    }
                    b[0]
                } else {
                    return Err(PyErr::type_error(format!(
                        "%c requires an integer in range(256) or a single byte, not {}",
                        v.type_().name()
                    )));
                };
                percent_pad_str(&(c as char).to_string(), flags, width, None).map_err(fmt_err)?
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => ops::str_string(v.as_ref())?,
                    'r' => ops::repr_string(v.as_ref())?,
                    _ => text(ops::ascii(v.as_ref())?.as_ref()),
                };
                percent_pad_str(&s, flags, width, precision).map_err(fmt_err)?
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let iv = match int_value(v.as_ref()) {
                    Some(x) => x.to_ibig().into_owned(),
                    None => match float_value(v.as_ref()) {
                        Some(fv) if matches!(conv, 'd' | 'i' | 'u') => {
                            taipan_common::float_ops::float_to_int(fv.trunc()).map_err(fmt_err)?
                        }
                        _ => {
                            return Err(PyErr::type_error(if matches!(conv, 'd' | 'i' | 'u') {
                                format!(
                                    "%{conv} format: a real number is required, not {}",
                                    v.type_().name()
                                )
                            } else {
                                format!(
                                    "%{conv} format: an integer is required, not {}",
                                    v.type_().name()
                                )
                            }));
                        }
                    },
                };
                let c = if conv == 'i' || conv == 'u' { 'd' } else { conv };
                if precision.is_some_and(|p| p > i32::MAX as usize - 3) {
                    return Err(PyErr::overflow_error("precision too large"));
                }
                percent_format_int(
                    &iv,
                    flags,
                    width,
                    precision,
                    c,
                    crate::types::int::max_str_digits(),
                )
                .map_err(fmt_err)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let fv = match float_value(v.as_ref()) {
                    Some(x) => x,
                    None => match int_value(v.as_ref()) {
                        Some(x) => crate::types::int::int_to_f64(x)?,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "must be real number, not {}",
                                v.type_().name()
                            )));
                        }
                    },
                };
                percent_format_float(fv, flags, width, precision, conv).map_err(fmt_err)?
            }
            'c' => {
                let c = match int_value(v.as_ref()) {
                    Some(x) => percent_format_char(&x.to_ibig()).map_err(fmt_err)?,
                    None => {
                        let t = Str::new(v.as_ref()).map(|s| s.data());
                        match t {
                            Some(d) if d.len() == 1 => d.get(0),
                            _ => {
                                return Err(PyErr::type_error(
                                    "%c requires an int or a unicode character, not a string of length 2",
                                ));
                            }
                        }
                    }
                };
                let s: String = char::from_u32(c).into_iter().collect();
                percent_pad_str(&s, flags, width, None).map_err(fmt_err)?
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if !used_mapping && !mapping && next < args.len() {
        return Err(PyErr::type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}
