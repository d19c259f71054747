//! `re.Match`, the result of a successful match: `group`, `groups`, `groupdict`, `start`,
//! `end`, `span`, `expand`, subscripting, `regs`, `lastindex`, `lastgroup`, `pos`, `endpos`,
//! `re`, `string`, copying and the repr, as CPython's `Modules/_sre/sre.c`.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    BinaryFn, GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

use super::sre::{Found, Subject};
use super::sre_pattern::{payload as pattern_payload, short_repr};

/// A match: the pattern, the subject, the group spans and the search bounds.
pub struct MatchPayload {
    pattern: Object,
    subject: Subject,
    found: Found,
    pos: usize,
    endpos: usize,
}

// SAFETY: objects of `MATCH_TYPE` are made only by `new_match` with this payload.
unsafe impl PyPayload for MatchPayload {
    fn type_object() -> &'static PyType {
        &MATCH_TYPE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead match.
unsafe fn match_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `MATCH_TYPE` objects carry a `MatchPayload`.
    unsafe { dealloc_payload::<MatchPayload>(obj) }
}

pub static MATCH_TYPE: StaticType = StaticType(PyType::new_static(
    "re.Match",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MatchPayload>(),
    0,
    TypeFlags(0),
    1101,
    match_dealloc,
    None,
    Slots {
        repr: slot(match_repr as UnaryFn),
        getattr: slot(match_getattr as GetAttrFn),
        mp_subscript: slot(match_subscript as BinaryFn),
        ..crate::types::object::object_slots()
    },
));

/// A new match of `pattern` on `subject`.
pub(crate) fn new_match(
    pattern: ObjectRef<'_>,
    subject: Subject,
    found: Found,
    pos: usize,
    endpos: usize,
) -> Object {
    new_object(
        &MATCH_TYPE.0,
        MatchPayload { pattern: pattern.to_owned(), subject, found, pos, endpos },
    )
}

fn payload(o: ObjectRef<'_>) -> PyResult<&MatchPayload> {
    o.payload::<MatchPayload>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 're.Match' object but received a '{}'",
            o.type_().name()
        ))
    })
}

fn this(s: Option<ObjectRef<'_>>) -> PyResult<&MatchPayload> {
    payload(s.expect("self"))
}

fn groups_of(m: &MatchPayload) -> usize {
    m.found.marks.len() / 2 - 1
}

/// The group number `index` names (an int, or a name in the pattern's group index).
fn group_index(m: &MatchPayload, index: ObjectRef<'_>) -> PyResult<usize> {
    let i = if crate::types::int::int_value(index).is_some()
        || index.type_().slots.nb_index.get().is_some()
    {
        crate::ops::index_value_clamped(index)?.unwrap_or(-1)
    } else {
        let p = pattern_payload(m.pattern.as_ref())?;
        let gi = as_dict(p.groupindex.as_ref()).expect("dict");
        match gi.get_item(index)? {
            Some(v) => crate::ops::index_value_clamped(v.as_ref())?.unwrap_or(-1),
            None => -1,
        }
    };
    if i < 0 || i as usize > groups_of(m) {
        return Err(PyErr::index_error("no such group"));
    }
    Ok(i as usize)
}

/// Group `g`'s text, or `default` when it did not take part.
fn group_value(m: &MatchPayload, g: usize, default: &Object) -> Object {
    let (a, b) = (m.found.marks[2 * g], m.found.marks[2 * g + 1]);
    if a < 0 { default.clone() } else { m.subject.slice(a as usize, b as usize) }
}

/// Group `g`'s text or None (what `expand` substitutes).
pub(crate) fn group_or_none(o: ObjectRef<'_>, g: usize) -> PyResult<Object> {
    let m = payload(o)?;
    if g > groups_of(m) {
        return Err(PyErr::index_error("no such group"));
    }
    Ok(group_value(m, g, &none()))
}

/// The subject of a match (for joining an expansion).
pub(crate) fn subject_of(o: ObjectRef<'_>) -> PyResult<&Subject> {
    Ok(&payload(o)?.subject)
}

fn match_group(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("group")?;
    let m = this(s)?;
    match args.len() {
        0 => Ok(group_value(m, 0, &none())),
        1 => Ok(group_value(m, group_index(m, args[0].as_ref())?, &none())),
        _ => {
            let mut out = Vec::with_capacity(args.len());
            for a in args {
                out.push(group_value(m, group_index(m, a.as_ref())?, &none()));
            }
            Ok(new_tuple(out))
        }
    }
}

fn match_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let m = payload(o)?;
    Ok(group_value(m, group_index(m, key)?, &none()))
}

fn default_arg(fname: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let v = super::sre::parse_args(fname, args, kw, &["default"], 0)?;
    Ok(v.into_iter().next().flatten().unwrap_or_else(none))
}

fn match_groups(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = this(s)?;
    let default = default_arg("groups", args, kw)?;
    Ok(new_tuple((1..=groups_of(m)).map(|g| group_value(m, g, &default)).collect()))
}

fn match_groupdict(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = this(s)?;
    let default = default_arg("groupdict", args, kw)?;
    let p = pattern_payload(m.pattern.as_ref())?;
    let out = new_dict();
    let d = as_dict(out.as_ref()).expect("dict");
    for k in as_dict(p.groupindex.as_ref()).expect("dict").keys() {
        let g = group_index(m, k.as_ref())?;
        d.set_item(k, group_value(m, g, &default))?;
    }
    Ok(out)
}

fn group_arg(
    m: &MatchPayload,
    fname: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<usize> {
    Args::new(args, kw).no_kw_at_all(fname)?;
    Args::new(args, kw).count(fname, 0, 1)?;
    match args.first() {
        None => Ok(0),
        Some(a) => group_index(m, a.as_ref()),
    }
}

fn match_start(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = this(s)?;
    let g = group_arg(m, "start", args, kw)?;
    Ok(new_int_i64(m.found.marks[2 * g] as i64))
}

fn match_end(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = this(s)?;
    let g = group_arg(m, "end", args, kw)?;
    Ok(new_int_i64(m.found.marks[2 * g + 1] as i64))
}

fn span_of(m: &MatchPayload, g: usize) -> Object {
    new_tuple(vec![
        new_int_i64(m.found.marks[2 * g] as i64),
        new_int_i64(m.found.marks[2 * g + 1] as i64),
    ])
}

fn match_span(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let m = this(s)?;
    let g = group_arg(m, "span", args, kw)?;
    Ok(span_of(m, g))
}

fn match_expand(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let o = s.expect("self");
    let m = payload(o)?;
    let v = super::sre::parse_args("expand", args, kw, &["template"], 1)?;
    let template = v[0].clone().expect("required");
    let re = crate::import::import_module("re", None)?;
    let f =
        crate::attr::getattr(re.as_ref(), crate::types::str::intern("_compile_template").as_ref())?;
    let t = crate::ops::call(f.as_ref(), &[m.pattern.clone(), template], None)?;
    super::sre_scanner::expand_template(t.as_ref(), o)
}

fn match_copy(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__copy__", 0, 0)?;
    Ok(s.expect("self").to_owned())
}

fn match_deepcopy(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__deepcopy__", 1, 1)?;
    Ok(s.expect("self").to_owned())
}

fn match_class_getitem(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    super::sre_pattern::class_getitem_for(&MATCH_TYPE.0, a)
}

fn match_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let m = payload(o)?;
    let g0 = group_value(m, 0, &none());
    Ok(new_str(&format!(
        "<re.Match object; span=({}, {}), match={}>",
        m.found.marks[0],
        m.found.marks[1],
        short_repr(g0.as_ref(), 50)?
    )))
}

fn match_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let m = payload(o)?;
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("pos") => Ok(new_int_i64(m.pos as i64)),
        Some("endpos") => Ok(new_int_i64(m.endpos as i64)),
        Some("string") => Ok(m.subject.obj.clone()),
        Some("re") => Ok(m.pattern.clone()),
        Some("lastindex") => {
            Ok(if m.found.lastindex >= 0 { new_int_i64(m.found.lastindex as i64) } else { none() })
        }
        Some("lastgroup") => {
            let p = pattern_payload(m.pattern.as_ref())?;
            let li = m.found.lastindex;
            Ok(match tuple_items(p.indexgroup.as_ref()) {
                Some(items) if li >= 0 && (li as usize) < items.len() => items[li as usize].clone(),
                _ => none(),
            })
        }
        Some("regs") => Ok(new_tuple((0..=groups_of(m)).map(|g| span_of(m, g)).collect())),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn no_new(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::type_error("cannot create 're.Match' instances"))
}

/// Adds the methods to the type (once per interpreter).
pub(crate) fn register() {
    register_constructor(&MATCH_TYPE.0, no_new);
    let methods: [(&'static str, NativeFn); 11] = [
        ("group", match_group),
        ("groups", match_groups),
        ("groupdict", match_groupdict),
        ("start", match_start),
        ("end", match_end),
        ("span", match_span),
        ("expand", match_expand),
        ("__copy__", match_copy),
        ("__deepcopy__", match_deepcopy),
        ("__class_getitem__", match_class_getitem),
        ("__getitem__", |s, a, k| {
            Args::new(a, k).count("__getitem__", 1, 1)?;
            match_subscript(s.expect("self"), a[0].as_ref())
        }),
    ];
    for (n, f) in methods {
        let v = if n == "__class_getitem__" {
            new_builtin_function(n, f)
        } else {
            new_method_descriptor(&MATCH_TYPE.0, n, f)
        };
        let _ = crate::types::typelookup::register_static_attr(&MATCH_TYPE.0, n, v);
    }
    super::sre_pattern::register_attrs(
        &MATCH_TYPE.0,
        &["string", "re", "pos", "endpos"],
        &["lastindex", "lastgroup", "regs"],
    );
    let _ =
        crate::types::typelookup::register_static_attr(&MATCH_TYPE.0, "__module__", new_str("re"));
}
