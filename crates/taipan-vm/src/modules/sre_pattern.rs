//! `re.Pattern`, the compiled regular expression `_sre.compile` makes: its matching methods
//! (`match`, `fullmatch`, `search`, `findall`, `finditer`, `scanner`, `split`, `sub`, `subn`),
//! its attributes (`pattern`, `flags`, `groups`, `groupindex`), equality, hash and repr, with
//! the behaviour and messages of CPython's `Modules/_sre/sre.c`.

use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::singletons::{is_none, none, not_implemented};
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{
    CompareOp, GetAttrFn, HashFn, PyType, RichCompareFn, Slots, StaticType, TypeFlags, UnaryFn,
    slot,
};

use super::sre::{Found, Mode, Subject, clamp, isize_arg, parse_args, run};
use super::sre_match::new_match;

/// A compiled pattern.
pub struct PatternPayload {
    /// The source: a str, bytes, or None.
    pub pattern: Object,
    pub flags: u32,
    pub code: Vec<u32>,
    /// Number of capturing groups.
    pub groups: usize,
    /// name -> index (a dict, shown read-only).
    pub groupindex: Object,
    /// index -> name (a tuple; None where a group has no name).
    pub indexgroup: Object,
    /// `Some(true)` for a bytes pattern, `Some(false)` for str, `None` when the source is None.
    pub is_bytes: Option<bool>,
}

// SAFETY: objects of `PATTERN_TYPE` are made only by `new_pattern` with this payload.
unsafe impl PyPayload for PatternPayload {
    fn type_object() -> &'static PyType {
        &PATTERN_TYPE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead pattern.
unsafe fn pattern_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `PATTERN_TYPE` objects carry a `PatternPayload`.
    unsafe { dealloc_payload::<PatternPayload>(obj) }
}

pub static PATTERN_TYPE: StaticType = StaticType(PyType::new_static(
    "re.Pattern",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<PatternPayload>(),
    0,
    TypeFlags(0),
    1100,
    pattern_dealloc,
    None,
    Slots {
        repr: slot(pattern_repr as UnaryFn),
        hash: slot(pattern_hash as HashFn),
        richcompare: slot(pattern_richcompare as RichCompareFn),
        getattr: slot(pattern_getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

pub(crate) fn payload(o: ObjectRef<'_>) -> PyResult<&PatternPayload> {
    o.payload::<PatternPayload>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 're.Pattern' object but received a '{}'",
            o.type_().name()
        ))
    })
}

/// `_sre.compile`'s result.
pub(crate) fn new_pattern(
    pattern: Object,
    flags: u32,
    code: Vec<u32>,
    groups: usize,
    groupindex: Object,
    indexgroup: Object,
) -> PyResult<Object> {
    let is_bytes = if is_none(pattern.as_ref()) {
        None
    } else {
        Some(Subject::new(pattern.as_ref())?.is_bytes)
    };
    // The group index is copied, so that changing the caller's dict changes nothing.
    let gi = crate::types::dict::new_dict();
    if let Some(src) = crate::types::dict::as_dict(groupindex.as_ref()) {
        let dst = crate::types::dict::as_dict(gi.as_ref()).expect("dict");
        for (k, v) in src.items() {
            dst.set_item(k, v)?;
        }
    }
    Ok(new_object(
        &PATTERN_TYPE.0,
        PatternPayload { pattern, flags, code, groups, groupindex: gi, indexgroup, is_bytes },
    ))
}

/// The subject `o` checked against the pattern's kind.
pub(crate) fn subject_for(p: &PatternPayload, o: ObjectRef<'_>) -> PyResult<Subject> {
    let s = Subject::new(o)?;
    match p.is_bytes {
        Some(false) if s.is_bytes => {
            Err(PyErr::type_error("cannot use a string pattern on a bytes-like object"))
        }
        Some(true) if !s.is_bytes => {
            Err(PyErr::type_error("cannot use a bytes pattern on a string-like object"))
        }
        _ => Ok(s),
    }
}

/// `pos` and `endpos` arguments (defaults 0 and the end), clamped.
fn span_args(
    pos: &Option<Object>,
    endpos: &Option<Object>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let p = match pos {
        Some(o) => isize_arg(o.as_ref())?,
        None => 0,
    };
    let e = match endpos {
        Some(o) => isize_arg(o.as_ref())?,
        None => isize::MAX,
    };
    Ok(clamp(p, e, len))
}

fn matcher(
    fname: &str,
    mode: Mode,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let this = s.expect("self");
    let p = payload(this)?;
    let v = parse_args(fname, args, kw, &["string", "pos", "endpos"], 1)?;
    let subject = subject_for(p, v[0].as_ref().expect("required").as_ref())?;
    let (pos, endpos) = span_args(&v[1], &v[2], subject.len)?;
    match run(p, &subject, pos, endpos, mode, false)? {
        Some(found) => Ok(new_match(this, subject, found, pos, endpos)),
        None => Ok(none()),
    }
}

fn pattern_match(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    matcher("match", Mode::Match, s, a, k)
}

fn pattern_fullmatch(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    matcher("fullmatch", Mode::FullMatch, s, a, k)
}

fn pattern_search(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    matcher("search", Mode::Search, s, a, k)
}

/// Walks the successive non-overlapping matches of `p` in `subject[pos:endpos]`, as CPython's
/// loops do (an empty match forbids another empty match at the same place), calling `f` with
/// each; `f` returns false to stop.
pub(crate) fn each_match(
    p: &PatternPayload,
    subject: &Subject,
    pos: usize,
    endpos: usize,
    mut f: impl FnMut(&Found) -> PyResult<bool>,
) -> PyResult<()> {
    let mut start = pos;
    let mut must_advance = false;
    while start <= endpos {
        let Some(found) = run(p, subject, start, endpos, Mode::Search, must_advance)? else {
            break;
        };
        if !f(&found)? {
            break;
        }
        must_advance = found.end() == found.start();
        start = found.end();
    }
    Ok(())
}

fn group_or_empty(subject: &Subject, found: &Found, g: usize) -> Object {
    let (a, b) = (found.marks[2 * g], found.marks[2 * g + 1]);
    if a < 0 { subject.slice(0, 0) } else { subject.slice(a as usize, b as usize) }
}

fn pattern_findall(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = payload(s.expect("self"))?;
    let v = parse_args("findall", args, kw, &["string", "pos", "endpos"], 1)?;
    let subject = subject_for(p, v[0].as_ref().expect("required").as_ref())?;
    let (pos, endpos) = span_args(&v[1], &v[2], subject.len)?;
    let mut out = Vec::new();
    each_match(p, &subject, pos, endpos, |found| {
        out.push(match p.groups {
            0 => group_or_empty(&subject, found, 0),
            1 => group_or_empty(&subject, found, 1),
            n => new_tuple((1..=n).map(|g| group_or_empty(&subject, found, g)).collect()),
        });
        Ok(true)
    })?;
    Ok(new_list(out))
}

fn pattern_scanner(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    make_scanner("scanner", s, args, kw)
}

fn make_scanner(
    fname: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let this = s.expect("self");
    let p = payload(this)?;
    let v = parse_args(fname, args, kw, &["string", "pos", "endpos"], 1)?;
    let subject = subject_for(p, v[0].as_ref().expect("required").as_ref())?;
    let (pos, endpos) = span_args(&v[1], &v[2], subject.len)?;
    Ok(super::sre_scanner::new_scanner(this.to_owned(), subject, pos, endpos))
}

fn pattern_finditer(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let scanner = make_scanner("finditer", s, args, kw)?;
    Ok(crate::types::native_iter::new_native_iter(
        &crate::types::native_iter::CALLABLE_ITER_TYPE,
        Box::new(move || {
            let m = super::sre_scanner::scanner_step(scanner.as_ref(), Mode::Search)?;
            Ok(if is_none(m.as_ref()) { None } else { Some(m) })
        }),
    ))
}

fn pattern_split(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let p = payload(s.expect("self"))?;
    let v = parse_args("split", args, kw, &["string", "maxsplit"], 1)?;
    let subject = subject_for(p, v[0].as_ref().expect("required").as_ref())?;
    let maxsplit = match &v[1] {
        Some(o) => isize_arg(o.as_ref())?,
        None => 0,
    };
    let mut out = Vec::new();
    let mut last = 0usize;
    let mut n = 0isize;
    if maxsplit >= 0 {
        each_match(p, &subject, 0, subject.len, |found| {
            if maxsplit != 0 && n >= maxsplit {
                return Ok(false);
            }
            out.push(subject.slice(last, found.start()));
            for g in 1..=p.groups {
                let (a, b) = (found.marks[2 * g], found.marks[2 * g + 1]);
                out.push(if a < 0 { none() } else { subject.slice(a as usize, b as usize) });
            }
            n += 1;
            last = found.end();
            Ok(true)
        })?;
    }
    out.push(subject.slice(last, subject.len));
    Ok(new_list(out))
}

/// What `sub` puts in place of each match.
enum Repl {
    Callable(Object),
    Literal(Object),
    Template(Object),
}

fn has_backslash(o: ObjectRef<'_>) -> Option<bool> {
    if let Some(s) = Str::new(o) {
        return Some(s.data().iter().any(|c| c == u32::from(b'\\')));
    }
    let s = Subject::new(o).ok()?;
    match s.view() {
        super::sre::View::Narrow(b) => Some(b.contains(&b'\\')),
        super::sre::View::Wide(_) => None,
    }
}

fn subx(
    fname: &str,
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<(Object, usize)> {
    let this = s.expect("self");
    let p = payload(this)?;
    let v = parse_args(fname, args, kw, &["repl", "string", "count"], 2)?;
    let repl = v[0].clone().expect("required");
    let subject = subject_for(p, v[1].as_ref().expect("required").as_ref())?;
    let count = match &v[2] {
        Some(o) => isize_arg(o.as_ref())?,
        None => 0,
    };
    let repl = if repl.type_().slots.call.get().is_some() {
        Repl::Callable(repl)
    } else if has_backslash(repl.as_ref()) == Some(false) {
        Repl::Literal(repl)
    } else {
        let re = crate::import::import_module("re", None)?;
        let f = crate::attr::getattr(
            re.as_ref(),
            crate::types::str::intern("_compile_template").as_ref(),
        )?;
        let t = ops::call(f.as_ref(), &[this.to_owned(), repl], None)?;
        match super::sre_scanner::template_literal(t.as_ref()) {
            Some(lit) => Repl::Literal(lit),
            None => Repl::Template(t),
        }
    };
    let mut out: Vec<Object> = Vec::new();
    let mut i = 0usize;
    let mut n = 0usize;
    if count >= 0 {
        each_match(p, &subject, 0, subject.len, |found| {
            if count != 0 && n as isize >= count {
                return Ok(false);
            }
            let (b, e) = (found.start(), found.end());
            if i < b {
                out.push(subject.slice(i, b));
            }
            let item = match &repl {
                Repl::Callable(f) => {
                    let m = new_match(this, subject.share(), found.clone(), 0, subject.len);
                    ops::call(f.as_ref(), &[m], None)?
                }
                Repl::Literal(l) => l.clone(),
                Repl::Template(t) => {
                    let m = new_match(this, subject.share(), found.clone(), 0, subject.len);
                    super::sre_scanner::expand_template(t.as_ref(), m.as_ref())?
                }
            };
            if !is_none(item.as_ref()) {
                out.push(item);
            }
            i = e;
            n += 1;
            Ok(true)
        })?;
    }
    if i < subject.len {
        out.push(subject.slice(i, subject.len));
    }
    let joined = join(&subject, out)?;
    Ok((joined, n))
}

/// Joins `items` with the empty str or bytes of the subject's kind (one exact str or bytes
/// item is the result itself, as CPython's join gives it).
pub(crate) fn join(subject: &Subject, items: Vec<Object>) -> PyResult<Object> {
    let joiner = subject.empty();
    if items.is_empty() {
        return Ok(joiner);
    }
    if items.len() == 1 && std::ptr::eq(items[0].type_(), joiner.type_()) {
        return Ok(items[0].clone());
    }
    crate::types::instance::call_method(joiner.as_ref(), "join", &[new_list(items)])
}

fn pattern_sub(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(subx("sub", s, a, k)?.0)
}

fn pattern_subn(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (r, n) = subx("subn", s, a, k)?;
    Ok(new_tuple(vec![r, new_int_i64(n as i64)]))
}

fn pattern_copy(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(a, k).count("__copy__", 0, 0)?;
    Ok(s.expect("self").to_owned())
}

fn pattern_deepcopy(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(a, k).count("__deepcopy__", 1, 1)?;
    Ok(s.expect("self").to_owned())
}

/// `__class_getitem__` of the re types: called as `cls[item]` (class, item) or through an
/// instance (item only).
pub(crate) fn class_getitem_for(ty: &'static PyType, args: &[Object]) -> PyResult<Object> {
    let Some(item) = args.last() else {
        return Err(PyErr::type_error(format!(
            "{}.__class_getitem__() takes exactly one argument (0 given)",
            ty.name().rsplit('.').next().unwrap_or_default()
        )));
    };
    Ok(crate::types::genericalias::new_generic_alias(ty.as_object().to_owned(), item.as_ref()))
}

fn pattern_class_getitem(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    class_getitem_for(&PATTERN_TYPE.0, a)
}

const FLAG_NAMES: [(&str, u32); 8] = [
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// CPython's `%.200R`: the repr cut to 200 characters.
pub(crate) fn short_repr(o: ObjectRef<'_>, n: usize) -> PyResult<String> {
    let r = ops::repr_string(o)?;
    Ok(match r.char_indices().nth(n) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    })
}

fn pattern_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o)?;
    let mut flags = p.flags;
    // re.UNICODE is left out for str patterns, where it is the default.
    if p.is_bytes == Some(false) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut out = format!("re.compile({}", short_repr(p.pattern.as_ref(), 200)?);
    if flags != 0 {
        let mut parts = Vec::new();
        for (name, bit) in FLAG_NAMES {
            if flags & bit != 0 {
                parts.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            parts.push(format!("{flags:#x}"));
        }
        out.push_str(", ");
        out.push_str(&parts.join("|"));
    }
    out.push(')');
    Ok(new_str(&out))
}

fn pattern_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let p = payload(o)?;
    let mut h = ops::hash(p.pattern.as_ref())?;
    let mut c: u64 = 0xcbf2_9ce4_8422_2325;
    for w in &p.code {
        c = (c ^ u64::from(*w)).wrapping_mul(0x1000_0000_01b3);
    }
    h ^= c as isize;
    h ^= p.flags as isize;
    h ^= p.is_bytes.map_or(-1, isize::from);
    h ^= p.code.len() as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn pattern_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (a.payload::<PatternPayload>(), b.payload::<PatternPayload>()) else {
        return Ok(not_implemented());
    };
    let eq = a.is(b)
        || (x.flags == y.flags
            && x.is_bytes == y.is_bytes
            && x.code == y.code
            && ops::rich_compare_bool(x.pattern.as_ref(), y.pattern.as_ref(), CompareOp::Eq)?);
    Ok(py_bool(eq == matches!(op, CompareOp::Eq)))
}

fn pattern_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o)?;
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("pattern") => Ok(p.pattern.clone()),
        Some("flags") => Ok(new_int_i64(p.flags as i64)),
        Some("groups") => Ok(new_int_i64(p.groups as i64)),
        // An empty index is a fresh dict, as CPython keeps none.
        Some("groupindex") => Ok(
            if crate::types::dict::as_dict(p.groupindex.as_ref()).is_some_and(|d| d.len() == 0) {
                crate::types::dict::new_dict()
            } else {
                crate::types::mappingproxy::new_mappingproxy(p.groupindex.clone())
            },
        ),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn no_new(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Err(PyErr::type_error("cannot create 're.Pattern' instances"))
}

/// Puts CPython's member and getset descriptors for the attributes in `ty`'s dict (so `dir()`
/// and `type(x).attr` see them); reading them goes through the type's `getattr` slot.
pub(crate) fn register_attrs(
    ty: &'static PyType,
    members: &[&'static str],
    getsets: &[&'static str],
) {
    use crate::types::getset::{GetSetImpl, new_getset, new_member};
    for n in members {
        let d = new_member(ty, n, GetSetImpl::Delegate);
        let _ = crate::types::typelookup::register_static_attr(ty, n, d);
    }
    for n in getsets {
        let d = new_getset(ty, n, GetSetImpl::Delegate);
        let _ = crate::types::typelookup::register_static_attr(ty, n, d);
    }
}

/// Adds the methods to the type (once per interpreter).
pub(crate) fn register() {
    register_constructor(&PATTERN_TYPE.0, no_new);
    let methods: [(&'static str, NativeFn); 12] = [
        ("match", pattern_match),
        ("fullmatch", pattern_fullmatch),
        ("search", pattern_search),
        ("findall", pattern_findall),
        ("finditer", pattern_finditer),
        ("scanner", pattern_scanner),
        ("split", pattern_split),
        ("sub", pattern_sub),
        ("subn", pattern_subn),
        ("__copy__", pattern_copy),
        ("__deepcopy__", pattern_deepcopy),
        ("__class_getitem__", pattern_class_getitem),
    ];
    for (n, f) in methods {
        let v = if n == "__class_getitem__" {
            new_builtin_function(n, f)
        } else {
            new_method_descriptor(&PATTERN_TYPE.0, n, f)
        };
        let _ = crate::types::typelookup::register_static_attr(&PATTERN_TYPE.0, n, v);
    }
    register_attrs(&PATTERN_TYPE.0, &["pattern", "flags", "groups"], &["groupindex"]);
    let _ = crate::types::typelookup::register_static_attr(
        &PATTERN_TYPE.0,
        "__module__",
        new_str("re"),
    );
}
