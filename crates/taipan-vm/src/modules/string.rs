//! The `_string` module `string.Formatter` is built on: `formatter_parser` (the markup of a
//! format string as `(literal, field_name, format_spec, conversion)` tuples, lazily, with
//! `str.format`'s errors) and `formatter_field_name_split` (a field name's first part and an
//! iterator over its `.attr` / `[key]` parts), as CPython's `Objects/stringlib/unicode_format.h`.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::native_iter::{NATIVE_ITER_BASE, native_iter_type, new_native_iter};
use crate::types::singletons::none;
use crate::types::str::{Str, new_str_from_code_points};
use crate::types::tuple::new_tuple;

native_iter_type!(FORMATTER_ITER_TYPE, "formatteriterator", &NATIVE_ITER_BASE.0, 1104);
native_iter_type!(FIELDNAME_ITER_TYPE, "fieldnameiterator", &NATIVE_ITER_BASE.0, 1105);

const fn ch(c: char) -> u32 {
    c as u32
}

fn verr(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

fn str_arg(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Vec<u32>> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 1)?;
    match Str::new(args[0].as_ref()) {
        Some(s) => Ok(s.data().iter().collect()),
        None => Err(PyErr::type_error(format!("expected str, got {}", args[0].type_().name()))),
    }
}

/// One piece of a format string: literal text, then maybe a field.
struct Piece {
    literal: (usize, usize),
    field: Option<Field>,
}

struct Field {
    name: (usize, usize),
    spec: (usize, usize),
    conversion: Option<u32>,
}

/// The piece starting at `*pos` (None at the end), advancing `*pos`.
fn next_piece(t: &[u32], pos: &mut usize) -> PyResult<Option<Piece>> {
    let n = t.len();
    if *pos >= n {
        return Ok(None);
    }
    let start = *pos;
    let mut c = 0;
    let mut markup = false;
    while *pos < n {
        c = t[*pos];
        *pos += 1;
        if c == ch('{') || c == ch('}') {
            markup = true;
            break;
        }
    }
    let at_end = *pos >= n;
    let mut len = *pos - start;
    if c == ch('}') && markup && (at_end || t[*pos] != c) {
        return Err(verr("Single '}' encountered in format string"));
    }
    if at_end && markup && c == ch('{') {
        return Err(verr("Single '{' encountered in format string"));
    }
    if !at_end && markup {
        if t[*pos] == c {
            // A doubled brace: the literal keeps one, and no field follows.
            *pos += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal = (start, start + len);
    if !markup {
        return Ok(Some(Piece { literal, field: None }));
    }
    Ok(Some(Piece { literal, field: Some(parse_field(t, pos)?) }))
}

/// The field after a `{` (name, then `!conversion`, then `:spec` with nested braces).
fn parse_field(t: &[u32], pos: &mut usize) -> PyResult<Field> {
    let n = t.len();
    let name_start = *pos;
    let mut c = 0;
    while *pos < n {
        c = t[*pos];
        *pos += 1;
        if c == ch('{') {
            return Err(verr("unexpected '{' in field name"));
        }
        if c == ch('[') {
            while *pos < n && t[*pos] != ch(']') {
                *pos += 1;
            }
            continue;
        }
        if c == ch('}') || c == ch(':') || c == ch('!') {
            break;
        }
    }
    let name = (name_start, pos.saturating_sub(1).max(name_start));
    let mut conversion = None;
    if c == ch('!') || c == ch(':') {
        if c == ch('!') {
            if *pos >= n {
                return Err(verr("end of string while looking for conversion specifier"));
            }
            conversion = Some(t[*pos]);
            *pos += 1;
            if *pos < n {
                let d = t[*pos];
                *pos += 1;
                if d == ch('}') {
                    return Ok(Field { name, spec: (0, 0), conversion });
                }
                if d != ch(':') {
                    return Err(verr("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < n {
            let d = t[*pos];
            *pos += 1;
            if d == ch('{') {
                count += 1;
            } else if d == ch('}') {
                count -= 1;
                if count == 0 {
                    return Ok(Field { name, spec: (spec_start, *pos - 1), conversion });
                }
            }
        }
        return Err(verr("unmatched '{' in format spec"));
    }
    if c != ch('}') || *pos > n {
        return Err(verr("expected '}' before end of string"));
    }
    Ok(Field { name, spec: (0, 0), conversion })
}

fn sub(t: &[u32], (a, b): (usize, usize)) -> Object {
    new_str_from_code_points(&t[a..b])
}

fn formatter_parser(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let t = str_arg("formatter_parser", args, kw)?;
    let mut pos = 0usize;
    Ok(new_native_iter(
        &FORMATTER_ITER_TYPE,
        Box::new(move || {
            let Some(piece) = next_piece(&t, &mut pos)? else { return Ok(None) };
            let literal = sub(&t, piece.literal);
            Ok(Some(match piece.field {
                None => new_tuple(vec![literal, none(), none(), none()]),
                Some(f) => new_tuple(vec![
                    literal,
                    sub(&t, f.name),
                    sub(&t, f.spec),
                    match f.conversion {
                        Some(c) => new_str_from_code_points(&[c]),
                        None => none(),
                    },
                ]),
            }))
        }),
    ))
}

/// A run of decimal digits as an index (`None` if empty or not all digits).
fn integer(t: &[u32]) -> PyResult<Option<i64>> {
    if t.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for &c in t {
        let Some(d) = char::from_u32(c).and_then(taipan_common::format_spec::decimal_value) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(i64::from(d)))
            .ok_or_else(|| verr("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

fn formatter_field_name_split(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let t = str_arg("formatter_field_name_split", args, kw)?;
    let first_end = t.iter().position(|&c| c == ch('.') || c == ch('[')).unwrap_or(t.len());
    let first = match integer(&t[..first_end])? {
        Some(i) => new_int_i64(i),
        None => new_str_from_code_points(&t[..first_end]),
    };
    let mut i = first_end;
    let rest = new_native_iter(
        &FIELDNAME_ITER_TYPE,
        Box::new(move || {
            let n = t.len();
            if i >= n {
                return Ok(None);
            }
            let c = t[i];
            i += 1;
            let is_attr = c == ch('.');
            let (start, end);
            if is_attr {
                start = i;
                while i < n && t[i] != ch('.') && t[i] != ch('[') {
                    i += 1;
                }
                end = i;
            } else if c == ch('[') {
                start = i;
                while i < n && t[i] != ch(']') {
                    i += 1;
                }
                if i >= n {
                    return Err(verr("Missing ']' in format string"));
                }
                end = i;
                i += 1;
            } else {
                return Err(verr("Only '.' or '[' may follow ']' in format field specifier"));
            }
            let part = &t[start..end];
            let value = if is_attr { None } else { integer(part)? };
            if part.is_empty() {
                return Err(verr("Empty attribute in format string"));
            }
            let value = match value {
                Some(k) => new_int_i64(k),
                None => new_str_from_code_points(part),
            };
            Ok(Some(new_tuple(vec![py_bool(is_attr), value])))
        }),
    );
    Ok(new_tuple(vec![first, rest]))
}

/// Makes the `_string` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_string");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 2] = [
        ("formatter_parser", formatter_parser),
        ("formatter_field_name_split", formatter_field_name_split),
    ];
    for (n, f) in fns {
        d.set_str(n, new_builtin_function(n, f))?;
    }
    Ok(m)
}
