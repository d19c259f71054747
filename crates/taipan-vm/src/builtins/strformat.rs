//! `str.format` and `str.format_map`: CPython's markup grammar (literal text with `{{`/`}}`,
//! `{field!conv:spec}` with nested `{}` in the spec, two levels deep), field names with `.attr`
//! and `[key]`/`[index]` parts, automatic and manual numbering and their errors. Each value is
//! formatted through `format()` (`eval::helpers::format_value`), so the numeric and string
//! mini-language comes from `taipan_common`'s shared cores.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::str::{STR_TYPE, Str, new_str_from_code_points};
use crate::types::typelookup::register_static_attr;

pub(crate) fn register() {
    let m: &[(&'static str, NativeFn)] = &[("format", format), ("format_map", format_map)];
    for (n, f) in m {
        let _ = register_static_attr(&STR_TYPE.0, n, new_method_descriptor(&STR_TYPE.0, n, *f));
    }
}

/// Where `{}` fields take their values from.
struct Source<'a> {
    pos: Option<&'a [Object]>,
    /// Keyword arguments (`format`) by name.
    kw: Vec<(Vec<u32>, &'a Object)>,
    /// The mapping of `format_map`.
    mapping: Option<ObjectRef<'a>>,
}

#[derive(PartialEq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Formatter<'a> {
    src: Source<'a>,
    auto: AutoState,
    next_auto: usize,
}

fn verr(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// The value of a field name made only of decimal digits (`None` when it is not one).
fn decimal(name: &[u32]) -> PyResult<Option<usize>> {
    if name.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in name {
        let Some(d) = char::from_u32(c).and_then(taipan_common::format_spec::decimal_value) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| verr("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

impl Formatter<'_> {
    fn build(&mut self, t: &[u32], depth: u32, out: &mut Vec<u32>) -> PyResult<()> {
        if depth == 0 {
            return Err(verr("Max string recursion exceeded"));
        }
        let n = t.len();
        let mut i = 0;
        while i < n {
            let c = t[i];
            if c == '{' as u32 || c == '}' as u32 {
                if i + 1 < n && t[i + 1] == c {
                    out.push(c);
                    i += 2;
                    continue;
                }
                if c == '}' as u32 {
                    return Err(verr("Single '}' encountered in format string"));
                }
                if i + 1 >= n {
                    return Err(verr("Single '{' encountered in format string"));
                }
                i = self.field(t, i + 1, depth, out)?;
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(())
    }

    /// Parses and renders the field starting at `t[i]` (after its `{`); returns the index past
    /// its closing `}`.
    fn field(
        &mut self,
        t: &[u32],
        mut i: usize,
        depth: u32,
        out: &mut Vec<u32>,
    ) -> PyResult<usize> {
        let n = t.len();
        let name_start = i;
        let mut stop = 0u32;
        while i < n {
            let c = t[i];
            i += 1;
            match char::from_u32(c) {
                Some('{') => return Err(verr("unexpected '{' in field name")),
                Some('[') => {
                    while i < n && t[i] != ']' as u32 {
                        i += 1;
                    }
                }
                Some('}' | ':' | '!') => {
                    stop = c;
                    break;
                }
                _ => {}
            }
        }
        let name_end = if stop != 0 { i - 1 } else { i };
        let name = &t[name_start..name_end];
        let mut conversion = None;
        let mut spec: &[u32] = &[];
        let mut expand = false;
        if stop == '!' as u32 || stop == ':' as u32 {
            let mut need_spec = true;
            if stop == '!' as u32 {
                if i >= n {
                    return Err(verr("end of string while looking for conversion specifier"));
                }
                conversion = Some(t[i]);
                i += 1;
                if i < n {
                    let c = t[i];
                    i += 1;
                    if c == '}' as u32 {
                        need_spec = false;
                    } else if c != ':' as u32 {
                        return Err(verr("expected ':' after conversion specifier"));
                    }
                }
            }
            if need_spec {
                let start = i;
                let mut count = 1;
                let mut end = None;
                while i < n {
                    let c = t[i];
                    i += 1;
                    if c == '{' as u32 {
                        expand = true;
                        count += 1;
                    } else if c == '}' as u32 {
                        count -= 1;
                        if count == 0 {
                            end = Some(i - 1);
                            break;
                        }
                    }
                }
                let Some(end) = end else {
                    return Err(verr("unmatched '{' in format spec"));
                };
                spec = &t[start..end];
            }
        } else if stop != '}' as u32 {
            return Err(verr("expected '}' before end of string"));
        }
        let mut value = self.field_object(name)?;
        if let Some(conv) = conversion {
            value = match char::from_u32(conv) {
                Some('r') => ops::repr(value.as_ref())?,
                Some('s') => ops::str_(value.as_ref())?,
                Some('a') => ops::ascii(value.as_ref())?,
                _ if conv > 32 && conv < 127 => {
                    return Err(PyErr::value_error(format!(
                        "Unknown conversion specifier {}",
                        char::from_u32(conv).unwrap_or('?')
                    )));
                }
                _ => {
                    return Err(PyErr::value_error(format!(
                        "Unknown conversion specifier \\x{conv:x}"
                    )));
                }
            };
        }
        let spec_obj = if expand {
            let mut expanded = Vec::new();
            self.build(spec, depth - 1, &mut expanded)?;
            new_str_from_code_points(&expanded)
        } else {
            new_str_from_code_points(spec)
        };
        let r = crate::eval::helpers::format_value(value.as_ref(), Some(spec_obj.as_ref()))?;
        out.extend(Str::new(r.as_ref()).expect("format() returns a str").data().iter());
        Ok(i)
    }

    /// The object a field name designates: an argument, then its `.attr` and `[key]` parts.
    fn field_object(&mut self, name: &[u32]) -> PyResult<Object> {
        let first_end =
            name.iter().position(|&c| c == '.' as u32 || c == '[' as u32).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut index = decimal(first)?;
        let numeric = first.is_empty() || index.is_some();
        if numeric {
            if self.auto == AutoState::Init {
                self.auto = if first.is_empty() { AutoState::Auto } else { AutoState::Manual };
            }
            if first.is_empty() && self.auto == AutoState::Manual {
                return Err(verr(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if !first.is_empty() && self.auto == AutoState::Auto {
                return Err(verr(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if first.is_empty() {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            Some(k) => {
                let Some(pos) = self.src.pos else {
                    return Err(verr("Format string contains positional fields"));
                };
                pos.get(k).cloned().ok_or_else(|| {
                    PyErr::index_error(format!(
                        "Replacement index {k} out of range for positional args tuple"
                    ))
                })?
            }
            None => {
                let key = new_str_from_code_points(first);
                if let Some(m) = self.src.mapping {
                    ops::getitem(m, key.as_ref())?
                } else {
                    match self.src.kw.iter().find(|(k, _)| k.as_slice() == first) {
                        Some((_, v)) => (*v).clone(),
                        None => return Err(PyErr::key_error(key)),
                    }
                }
            }
        };
        let mut i = first_end;
        let n = name.len();
        while i < n {
            let is_attr = name[i] == '.' as u32;
            if !is_attr && name[i] != '[' as u32 {
                return Err(verr("Only '.' or '[' may follow ']' in format field specifier"));
            }
            i += 1;
            let start = i;
            let part_end;
            if is_attr {
                while i < n && name[i] != '.' as u32 && name[i] != '[' as u32 {
                    i += 1;
                }
                part_end = i;
            } else {
                while i < n && name[i] != ']' as u32 {
                    i += 1;
                }
                if i >= n {
                    return Err(verr("Missing ']' in format string"));
                }
                part_end = i;
                i += 1;
            }
            let part = &name[start..part_end];
            if part.is_empty() {
                return Err(verr("Empty attribute in format string"));
            }
            let key = new_str_from_code_points(part);
            obj = if is_attr {
                crate::attr::getattr(obj.as_ref(), key.as_ref())?
            } else {
                match decimal(part)? {
                    Some(k) => ops::getitem(obj.as_ref(), new_int_i64(k as i64).as_ref())?,
                    None => ops::getitem(obj.as_ref(), key.as_ref())?,
                }
            };
        }
        Ok(obj)
    }
}

fn run(me: Str<'_>, src: Source<'_>) -> PyResult<Object> {
    let d = me.data();
    let t: Vec<u32> = d.iter().collect();
    let mut f = Formatter { src, auto: AutoState::Init, next_auto: 0 };
    let mut out = Vec::with_capacity(t.len() + 16);
    f.build(&t, 2, &mut out)?;
    Ok(new_str_from_code_points(&out))
}

fn format(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = Str::new(s.expect("self")).expect("str");
    let names: &[Object] = kw.and_then(crate::types::tuple::tuple_items).unwrap_or(&[]);
    let (pos, vals) = args.split_at(args.len() - names.len());
    let kw = names
        .iter()
        .zip(vals)
        .map(|(n, v)| {
            (Str::new(n.as_ref()).map(|s| s.data().iter().collect()).unwrap_or_default(), v)
        })
        .collect();
    run(me, Source { pos: Some(pos), kw, mapping: None })
}

fn format_map(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let me = Str::new(s.expect("self")).expect("str");
    let a = Args::new(args, kw);
    a.no_kw_at_all("str.format_map")?;
    a.count("str.format_map", 1, 1)?;
    run(me, Source { pos: None, kw: Vec::new(), mapping: Some(args[0].as_ref()) })
}
