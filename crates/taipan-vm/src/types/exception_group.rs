//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction and its checks,
//! `message`/`exceptions`, `str`, `derive`, `split`, `subgroup` (copying traceback, cause,
//! context and notes to each part), and the `except*` machinery (`CHECK_EG_MATCH`,
//! `INTRINSIC_PREP_RERAISE_STAR`).
//!
//! The groups are exceptions (`ExcPayload`) whose `group` field holds `(message, exceptions)`.
//! `ExceptionGroup` derives from `BaseExceptionGroup` and also, as in CPython, from `Exception`:
//! until types have several bases, `PyType::is_subtype` answers that second base specially.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::exceptions::{
    BASE_EXCEPTION, EXCEPTION, ExcPayload, TracebackEntry, VALUE_ERROR, new_exception,
};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::list::new_list;
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, as_type, slot,
};

/// Is an exception group (of either kind, or a subclass).
pub fn is_group(o: ObjectRef<'_>) -> bool {
    o.type_().is_subtype(&BASE_EXCEPTION_GROUP.0)
}

/// `(message, exceptions)` of a group.
fn parts(o: ObjectRef<'_>) -> Option<(Object, Object)> {
    let p = o.payload::<ExcPayload>()?;
    let g = p.group.borrow().clone()?;
    let items = tuple_items(g.as_ref())?;
    Some((items[0].clone(), items[1].clone()))
}

/// The sub-exceptions of a group (empty for anything else).
pub fn exceptions_of(o: ObjectRef<'_>) -> Vec<Object> {
    parts(o).and_then(|(_, e)| tuple_items(e.as_ref()).map(<[Object]>::to_vec)).unwrap_or_default()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: the checks, the switch of a
/// `BaseExceptionGroup` of plain `Exception`s to `ExceptionGroup`, and the instance.
pub fn new_group(ty: &PyType, args: &[Object], nkw: usize) -> PyResult<Object> {
    if nkw > 0 {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", ty.name())));
    }
    let pos = &args[..args.len() - nkw];
    if pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (message, seq) = (&pos[0], &pos[1]);
    if Str::new(message.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_().name()
        )));
    }
    let is_sequence = crate::types::list::as_list(seq.as_ref()).is_some()
        || tuple_items(seq.as_ref()).is_some()
        || (Str::new(seq.as_ref()).is_none()
            && crate::types::dict::as_dict(seq.as_ref()).is_none()
            && seq.type_().slots.sq_item.get().is_some());
    if !is_sequence {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let items = crate::eval::helpers::iterate(seq.as_ref())?;
    if items.is_empty() {
        return Err(PyErr::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if e.payload::<ExcPayload>().is_none() {
            return Err(PyErr::new(
                &VALUE_ERROR,
                format!("Item {i} of second argument (exceptions) is not an exception"),
            ));
        }
        if !e.type_().is_subtype(&EXCEPTION.0) {
            all_exceptions = false;
        }
    }
    let mut ty = ty;
    if std::ptr::eq(ty, &BASE_EXCEPTION_GROUP.0) {
        if all_exceptions {
            ty = &EXCEPTION_GROUP.0;
        }
    } else if std::ptr::eq(ty, &EXCEPTION_GROUP.0) {
        if !all_exceptions {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && ty.is_subtype(&EXCEPTION.0) {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{}'", ty.name())));
    }
    let inst = new_exception(ty, new_tuple(vec![message.clone(), seq.clone()]));
    let p = inst.payload::<ExcPayload>().expect("exception");
    *p.group.borrow_mut() = Some(new_tuple(vec![message.clone(), new_tuple(items)]));
    Ok(inst)
}

/// A group made by the VM (`ExceptionGroup("", excs)` of `except*`), of the kind its members
/// allow.
pub fn create_group(message: &str, excs: Vec<Object>) -> PyResult<Object> {
    new_group(&BASE_EXCEPTION_GROUP.0, &[new_str(message), new_list(excs)], 0)
}

fn group_str(o: ObjectRef<'_>) -> PyResult<Object> {
    let Some((msg, excs)) = parts(o) else {
        return Ok(new_str(&crate::types::exceptions::exception_str(o)));
    };
    let n = tuple_items(excs.as_ref()).map_or(0, <[Object]>::len);
    Ok(new_str(&format!(
        "{} ({n} sub-exception{})",
        ops::str_string(msg.as_ref())?,
        if n == 1 { "" } else { "s" }
    )))
}

fn group_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("message") => Ok(parts(o).map_or_else(none, |p| p.0)),
        Some("exceptions") => Ok(parts(o).map_or_else(none, |p| p.1)),
        _ => crate::types::instance::exception_getattr(o, name),
    }
}

fn group_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    if matches!(Str::new(name).and_then(|s| s.as_str()), Some("message" | "exceptions")) {
        return Err(PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "readonly attribute"));
    }
    crate::types::instance::instance_setattr(o, name, v)
}

fn this<'a>(s: Option<ObjectRef<'a>>) -> PyResult<ObjectRef<'a>> {
    s.filter(|o| is_group(*o))
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseExceptionGroup' object"))
}

fn derive(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("derive")?;
    a.count("derive", 1, 1)?;
    let me = this(s)?;
    let msg = parts(me).map_or_else(|| new_str(""), |p| p.0);
    new_group(&BASE_EXCEPTION_GROUP.0, &[msg, args[0].clone()], 0)
}

/// What `split`/`subgroup` test leaves with.
enum Matcher {
    Types(Object),
    Predicate(Object),
}

fn matcher(cond: &Object) -> PyResult<Matcher> {
    let is_exc_type =
        |o: ObjectRef<'_>| as_type(o).is_some_and(|t| t.is_subtype(&BASE_EXCEPTION.0));
    if is_exc_type(cond.as_ref()) {
        return Ok(Matcher::Types(cond.clone()));
    }
    if let Some(items) = tuple_items(cond.as_ref())
        && items.iter().all(|i| is_exc_type(i.as_ref()))
    {
        return Ok(Matcher::Types(cond.clone()));
    }
    if as_type(cond.as_ref()).is_none() && cond.type_().slots.call.get().is_some() {
        return Ok(Matcher::Predicate(cond.clone()));
    }
    Err(PyErr::type_error(
        "expected an exception type, a tuple of exception types, or a callable (other than a \
         class)",
    ))
}

fn matches(m: &Matcher, e: ObjectRef<'_>) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => crate::eval::helpers::exception_matches(e, t.as_ref()),
        Matcher::Predicate(f) => {
            ops::is_true(ops::call(f.as_ref(), &[e.to_owned()], None)?.as_ref())
        }
    }
}

/// Copies traceback, cause, context and (a copy of) the notes from `orig` to the new part.
fn copy_metadata(orig: ObjectRef<'_>, part: ObjectRef<'_>) -> PyResult<()> {
    let (Some(o), Some(p)) = (orig.payload::<ExcPayload>(), part.payload::<ExcPayload>()) else {
        return Ok(());
    };
    let tb: Vec<TracebackEntry> = o.traceback.borrow().iter().map(TracebackEntry::copy).collect();
    let old = p.traceback.replace(tb);
    drop(old);
    let old = p.cause.replace(o.cause.borrow().clone());
    drop(old);
    let old = p.context.replace(o.context.borrow().clone());
    drop(old);
    p.suppress_context.set(o.suppress_context.get());
    let key = intern("__notes__");
    match crate::attr::getattr(orig, key.as_ref()) {
        Ok(notes) => {
            let is_seq = tuple_items(notes.as_ref()).is_some()
                || crate::types::list::as_list(notes.as_ref()).is_some();
            let v = if is_seq {
                new_list(crate::eval::helpers::iterate(notes.as_ref())?)
            } else {
                notes
            };
            crate::attr::setattr(part, key.as_ref(), Some(v.as_ref()))?;
        }
        Err(e) if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) => {}
        Err(e) => return Err(e),
    }
    Ok(())
}

/// CPython's `exceptiongroup_split_recursive`: `(match, rest)`, each `None` when empty.
fn split_rec(
    exc: ObjectRef<'_>,
    m: &Matcher,
    want_rest: bool,
) -> PyResult<(Option<Object>, Option<Object>)> {
    let _guard = crate::ops::RecursionGuard::enter(" in exceptiongroup_split_recursive")?;
    if matches(m, exc)? {
        return Ok((Some(exc.to_owned()), None));
    }
    if !is_group(exc) {
        return Ok((None, want_rest.then(|| exc.to_owned())));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in exceptions_of(exc) {
        let (a, b) = split_rec(e.as_ref(), m, want_rest)?;
        matched.extend(a);
        rest.extend(b);
    }
    let make = |items: Vec<Object>| -> PyResult<Option<Object>> {
        if items.is_empty() {
            return Ok(None);
        }
        let key = intern("derive");
        let d = crate::attr::getattr(exc, key.as_ref())?;
        let g = ops::call(d.as_ref(), &[new_list(items)], None)?;
        if !is_group(g.as_ref()) {
            return Err(PyErr::type_error("derive must return an instance of BaseExceptionGroup"));
        }
        copy_metadata(exc, g.as_ref())?;
        Ok(Some(g))
    };
    let a = make(matched)?;
    let b = if want_rest { make(rest)? } else { None };
    Ok((a, b))
}

fn split(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("split")?;
    a.count("split", 1, 1)?;
    let me = this(s)?;
    let m = matcher(&args[0])?;
    let (x, y) = split_rec(me, &m, true)?;
    Ok(new_tuple(vec![x.unwrap_or_else(none), y.unwrap_or_else(none)]))
}

fn subgroup(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("subgroup")?;
    a.count("subgroup", 1, 1)?;
    let me = this(s)?;
    let m = matcher(&args[0])?;
    Ok(split_rec(me, &m, false)?.0.unwrap_or_else(none))
}

/// `CHECK_EG_MATCH`'s check of the `except*` type: as `except`'s, and no groups.
fn check_except_star_type(t: ObjectRef<'_>) -> PyResult<()> {
    let classes: Vec<Object> = match tuple_items(t) {
        Some(items) => items.to_vec(),
        None => vec![t.to_owned()],
    };
    for c in &classes {
        match as_type(c.as_ref()) {
            Some(ty) if ty.is_subtype(&BASE_EXCEPTION.0) => {
                if ty.is_subtype(&BASE_EXCEPTION_GROUP.0) {
                    return Err(PyErr::type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
            }
            _ => {
                return Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: `(rest, match)` of `exc` against `except*`'s type; a naked exception that
/// matches is wrapped in `ExceptionGroup("", (exc,))` whose traceback is the current frame.
pub fn check_eg_match(
    exc: ObjectRef<'_>,
    t: ObjectRef<'_>,
    here: TracebackEntry,
) -> PyResult<(Object, Object)> {
    check_except_star_type(t)?;
    if is_none(exc) {
        return Ok((none(), none()));
    }
    if crate::eval::helpers::exception_matches(exc, t)? {
        if is_group(exc) {
            return Ok((none(), exc.to_owned()));
        }
        let g =
            new_group(&BASE_EXCEPTION_GROUP.0, &[new_str(""), new_tuple(vec![exc.to_owned()])], 0)?;
        if let Some(p) = g.payload::<ExcPayload>() {
            p.traceback.borrow_mut().push(here);
        }
        return Ok((none(), g));
    }
    if is_group(exc) {
        let m = Matcher::Types(t.to_owned());
        let (x, y) = split_rec(exc, &m, true)?;
        return Ok((y.unwrap_or_else(none), x.unwrap_or_else(none)));
    }
    Ok((exc.to_owned(), none()))
}

fn same_metadata(a: ObjectRef<'_>, b: ObjectRef<'_>) -> bool {
    let (Some(x), Some(y)) = (a.payload::<ExcPayload>(), b.payload::<ExcPayload>()) else {
        return false;
    };
    let same = |p: &Option<Object>, q: &Option<Object>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.as_ref().is(q.as_ref()),
        _ => false,
    };
    let (tx, ty) = (x.traceback.borrow(), y.traceback.borrow());
    tx.len() == ty.len()
        && tx
            .iter()
            .zip(ty.iter())
            .all(|(e, f)| e.code.as_ref().is(f.code.as_ref()) && e.lasti == f.lasti)
        && same(&x.cause.borrow(), &y.cause.borrow())
        && same(&x.context.borrow(), &y.context.borrow())
}

fn collect_leaf_ids(e: ObjectRef<'_>, ids: &mut Vec<usize>) -> PyResult<()> {
    let _guard = crate::ops::RecursionGuard::enter(" in collect_exception_group_leaf_ids")?;
    if is_none(e) {
        return Ok(());
    }
    if is_group(e) {
        for x in exceptions_of(e) {
            collect_leaf_ids(x.as_ref(), ids)?;
        }
    } else {
        ids.push(e.id());
    }
    Ok(())
}

/// The part of `orig` whose leaves are among those of `keep`, keeping `orig`'s structure.
fn projection(orig: ObjectRef<'_>, keep: &[Object]) -> PyResult<Option<Object>> {
    if keep.is_empty() {
        return Ok(None);
    }
    let mut ids = Vec::new();
    for k in keep {
        collect_leaf_ids(k.as_ref(), &mut ids)?;
    }
    split_by_ids(orig, &ids)
}

fn split_by_ids(exc: ObjectRef<'_>, ids: &[usize]) -> PyResult<Option<Object>> {
    let _guard = crate::ops::RecursionGuard::enter(" in exceptiongroup_split_recursive")?;
    if !is_group(exc) {
        return Ok(ids.contains(&exc.id()).then(|| exc.to_owned()));
    }
    let mut matched = Vec::new();
    for e in exceptions_of(exc) {
        matched.extend(split_by_ids(e.as_ref(), ids)?);
    }
    if matched.is_empty() {
        return Ok(None);
    }
    let key = intern("derive");
    let d = crate::attr::getattr(exc, key.as_ref())?;
    let g = ops::call(d.as_ref(), &[new_list(matched)], None)?;
    copy_metadata(exc, g.as_ref())?;
    Ok(Some(g))
}

/// `INTRINSIC_PREP_RERAISE_STAR`: what an `except*` block raises once its clauses ran: the
/// exceptions the handlers raised plus the re-raised (or unhandled) part of the original group
/// in its original structure.
pub fn prep_reraise_star(orig: ObjectRef<'_>, excs: ObjectRef<'_>) -> PyResult<Object> {
    let excs = crate::eval::helpers::iterate(excs)?;
    if excs.is_empty() {
        return Ok(none());
    }
    if !is_group(orig) {
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if is_none(e.as_ref()) {
            continue;
        }
        if same_metadata(e.as_ref(), orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    if let Some(g) = projection(orig, &reraised)? {
        raised.push(g);
    }
    Ok(match raised.len() {
        0 => none(),
        1 => raised.pop().expect("one"),
        _ => create_group("", raised)?,
    })
}

fn reg(ty: &'static PyType, methods: &[(&'static str, NativeFn)]) {
    for (n, f) in methods {
        let _ =
            crate::types::typelookup::register_static_attr(ty, n, new_method_descriptor(ty, n, *f));
    }
}

pub(crate) fn register() {
    reg(&BASE_EXCEPTION_GROUP.0, &[("derive", derive), ("split", split), ("subgroup", subgroup)]);
}

const fn group_slots() -> Slots {
    Slots {
        str: slot(group_str as UnaryFn),
        getattr: slot(group_getattr as GetAttrFn),
        setattr: slot(group_setattr as crate::types::typeobject::SetAttrFn),
        ..crate::types::exceptions::exception_slots()
    }
}

pub static BASE_EXCEPTION_GROUP: StaticType = StaticType(PyType::new_static(
    "BaseExceptionGroup",
    Some(&BASE_EXCEPTION.0),
    std::mem::size_of::<ExcPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::BASE_EXC_SUBCLASS),
    648,
    crate::types::exceptions::exception_dealloc,
    Some(crate::types::exceptions::exception_traverse),
    group_slots(),
));

pub static EXCEPTION_GROUP: StaticType = StaticType(PyType::new_static(
    "ExceptionGroup",
    Some(&BASE_EXCEPTION_GROUP.0),
    std::mem::size_of::<ExcPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::BASE_EXC_SUBCLASS),
    649,
    crate::types::exceptions::exception_dealloc,
    Some(crate::types::exceptions::exception_traverse),
    group_slots(),
));
