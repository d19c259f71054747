//! `_sre.SRE_Scanner` (what `Pattern.scanner` and `finditer` step through: `match()` and
//! `search()` resume where the previous match ended) and `_sre.SRE_Template` (a parsed
//! replacement template, made by `_sre.template` from `re._parser.parse_template`'s list, and
//! its expansion against a match).

use std::cell::Cell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::list::as_list;
use crate::types::singletons::{is_none, none};
use crate::types::str::Str;
use crate::types::typeobject::{GetAttrFn, PyType, Slots, StaticType, TypeFlags, slot};

use super::sre::{Mode, Subject, run};
use super::sre_match::new_match;
use super::sre_pattern::payload as pattern_payload;

/// A scanner: where the next match may start, and whether it must not be empty there.
pub struct ScannerPayload {
    pattern: Object,
    subject: Subject,
    pos: usize,
    endpos: usize,
    next: Cell<usize>,
    must_advance: Cell<bool>,
    done: Cell<bool>,
}

// SAFETY: objects of `SCANNER_TYPE` are made only by `new_scanner` with this payload.
unsafe impl PyPayload for ScannerPayload {
    fn type_object() -> &'static PyType {
        &SCANNER_TYPE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead scanner.
unsafe fn scanner_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `SCANNER_TYPE` objects carry a `ScannerPayload`.
    unsafe { dealloc_payload::<ScannerPayload>(obj) }
}

pub static SCANNER_TYPE: StaticType = StaticType(PyType::new_static(
    "_sre.SRE_Scanner",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<ScannerPayload>(),
    0,
    TypeFlags(0),
    1102,
    scanner_dealloc,
    None,
    Slots { getattr: slot(scanner_getattr as GetAttrFn), ..crate::types::object::object_slots() },
));

pub(crate) fn new_scanner(pattern: Object, subject: Subject, pos: usize, endpos: usize) -> Object {
    new_object(
        &SCANNER_TYPE.0,
        ScannerPayload {
            pattern,
            subject,
            pos,
            endpos,
            next: Cell::new(pos),
            must_advance: Cell::new(false),
            done: Cell::new(false),
        },
    )
}

fn scanner_payload(o: ObjectRef<'_>) -> PyResult<&ScannerPayload> {
    o.payload::<ScannerPayload>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_sre.SRE_Scanner' object but received a '{}'",
            o.type_().name()
        ))
    })
}

/// One step of a scanner: the next match (or None, after which it stays exhausted).
pub(crate) fn scanner_step(o: ObjectRef<'_>, mode: Mode) -> PyResult<Object> {
    let sc = scanner_payload(o)?;
    if sc.done.get() {
        return Ok(none());
    }
    let p = pattern_payload(sc.pattern.as_ref())?;
    let start = sc.next.get();
    match run(p, &sc.subject, start, sc.endpos, mode, sc.must_advance.get())? {
        None => {
            sc.done.set(true);
            Ok(none())
        }
        Some(found) => {
            sc.must_advance.set(found.end() == found.start());
            sc.next.set(found.end());
            Ok(new_match(sc.pattern.as_ref(), sc.subject.share(), found, sc.pos, sc.endpos))
        }
    }
}

fn scanner_match(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("match", 0, 0)?;
    scanner_step(s.expect("self"), Mode::Match)
}

fn scanner_search(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("search", 0, 0)?;
    scanner_step(s.expect("self"), Mode::Search)
}

fn scanner_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let sc = scanner_payload(o)?;
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("pattern") => Ok(sc.pattern.clone()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

// ---- templates ---------------------------------------------------------------------------------

/// A parsed replacement: the first literal, then (group, literal) pairs; empty literals are
/// `None`.
pub struct TemplatePayload {
    first: Option<Object>,
    /// The first literal as given (what a template without groups stands for).
    first_given: Object,
    items: Vec<(usize, Option<Object>)>,
}

// SAFETY: objects of `TEMPLATE_TYPE` are made only by `template` with this payload.
unsafe impl PyPayload for TemplatePayload {
    fn type_object() -> &'static PyType {
        &TEMPLATE_TYPE.0
    }
}

/// # Safety
/// Called only by the deallocation path on a dead template.
unsafe fn template_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `TEMPLATE_TYPE` objects carry a `TemplatePayload`.
    unsafe { dealloc_payload::<TemplatePayload>(obj) }
}

pub static TEMPLATE_TYPE: StaticType = StaticType(PyType::new_static(
    "_sre.SRE_Template",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<TemplatePayload>(),
    0,
    TypeFlags(0),
    1103,
    template_dealloc,
    None,
    crate::types::object::object_slots(),
));

fn non_empty(o: &Object) -> Option<Object> {
    let empty = match Str::new(o.as_ref()) {
        Some(s) => s.is_empty(),
        None => crate::types::bytes::bytes_data(o.as_ref()).is_some_and(<[u8]>::is_empty),
    };
    if empty { None } else { Some(o.clone()) }
}

/// `_sre.template(pattern, template)`.
pub(crate) fn template(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("template")?;
    a.count("template", 2, 2)?;
    let Some(list) = as_list(args[1].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "template() argument 2 must be list, not {}",
            args[1].type_().name()
        )));
    };
    let items = list.to_vec();
    if items.len() % 2 == 0 {
        return Err(PyErr::type_error("invalid template"));
    }
    let mut pairs = Vec::with_capacity(items.len() / 2);
    for pair in items[1..].chunks(2) {
        let i = crate::ops::index_value_clamped(pair[0].as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                pair[0].type_().name()
            ))
        })?;
        if i < 0 {
            return Err(PyErr::type_error("invalid template"));
        }
        pairs.push((i as usize, non_empty(&pair[1])));
    }
    Ok(new_object(
        &TEMPLATE_TYPE.0,
        TemplatePayload {
            first: non_empty(&items[0]),
            first_given: items[0].clone(),
            items: pairs,
        },
    ))
}

/// The literal a template without group references stands for.
pub(crate) fn template_literal(t: ObjectRef<'_>) -> Option<Object> {
    let t = t.payload::<TemplatePayload>()?;
    if t.items.is_empty() { Some(t.first_given.clone()) } else { None }
}

/// The template's text for match `m`: literals and groups (unmatched groups add nothing).
pub(crate) fn expand_template(t: ObjectRef<'_>, m: ObjectRef<'_>) -> PyResult<Object> {
    let Some(t) = t.payload::<TemplatePayload>() else {
        return Err(PyErr::type_error("invalid template"));
    };
    let mut out = Vec::with_capacity(1 + 2 * t.items.len());
    out.extend(t.first.clone());
    for (g, lit) in &t.items {
        let v = super::sre_match::group_or_none(m, *g)?;
        if !is_none(v.as_ref()) {
            out.push(v);
        }
        out.extend(lit.clone());
    }
    super::sre_pattern::join(super::sre_match::subject_of(m)?, out)
}

/// Adds the methods to the types (once per interpreter).
pub(crate) fn register() {
    super::sre_pattern::register_attrs(&SCANNER_TYPE.0, &["pattern"], &[]);
    let methods: [(&'static str, NativeFn); 2] =
        [("match", scanner_match), ("search", scanner_search)];
    for (n, f) in methods {
        let _ = crate::types::typelookup::register_static_attr(
            &SCANNER_TYPE.0,
            n,
            new_method_descriptor(&SCANNER_TYPE.0, n, f),
        );
    }
}
