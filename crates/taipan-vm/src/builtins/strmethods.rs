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
use crate::types::str::{Str, new_str};
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
    let f: Vec<char> = text(fmt).chars().collect();
    Ok(new_str(&percent_core(&f, values, false)?))
}

/// `format % values` for a bytes or bytearray format (the result has the format's type).
pub fn bytes_percent_format(fmt: ObjectRef<'_>, values: ObjectRef<'_>) -> PyResult<Object> {
    let data = crate::builtins::bytesmethods::bytes_like(fmt).expect("bytes-like format");
    let f: Vec<char> = data.iter().map(|&b| b as char).collect();
    let out: Vec<u8> = percent_core(&f, values, true)?.chars().map(|c| c as u32 as u8).collect();
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

fn percent_core(f: &[char], values: ObjectRef<'_>, bytes_mode: bool) -> PyResult<String> {
    let mapping = as_dict(values).is_some();
    let args: Vec<Object> = match tuple_items(values) {
        Some(items) => items.to_vec(),
        None => vec![values.to_owned()],
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < f.len() {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut arg: Option<Object> = None;
        if f.get(i) == Some(&'(') {
            let close = f[i..]
                .iter()
                .position(|&c| c == ')')
                .map(|p| p + i)
                .ok_or_else(|| PyErr::value_error("incomplete format key"))?;
            let key: String = f[i + 1..close].iter().collect();
            if !mapping {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            let key = if bytes_mode {
                crate::types::bytes::new_bytes(
                    &key.chars().map(|c| c as u32 as u8).collect::<Vec<_>>(),
                )
            } else {
                new_str(&key)
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
                w = Some(w.unwrap_or(0) * 10 + d as usize);
                i += 1;
            }
            width = w.or(width);
        }
        let mut precision = None;
        if f.get(i) == Some(&'.') {
            i += 1;
            if f.get(i) == Some(&'*') {
                let p = take_arg(&mut next)?;
                precision = Some(ops::index_value(p.as_ref())?.unwrap_or(0).max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while let Some(d) = f.get(i).and_then(|c| c.to_digit(10)) {
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
            out.push('%');
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
                        use std::fmt::Write;
                        let _ = write!(out, "{n}");
                        continue;
                    }
                }
                's' => {
                    out.push_str(&ops::str_string(v.as_ref())?);
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
                let s = if conv == 's' {
                    ops::str_string(v.as_ref())?
                } else {
                    ops::repr_string(v.as_ref())?
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
                percent_format_int(&iv, flags, width, precision, c, 4300).map_err(fmt_err)?
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
                        let t = text(v.as_ref());
                        let mut cs = t.chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => c as u32,
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
    if !used_mapping && next < args.len() {
        return Err(PyErr::type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}
