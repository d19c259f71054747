//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping, what a type's
//! `__dict__` returns. Reads go to the mapping; assignment and deletion raise TypeError.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::function::{NativeFn, new_method_descriptor};
use crate::types::singletons::{is_none, none, not_implemented};
use crate::types::str::{intern, new_str};
use crate::types::typelookup::register_static_attr;
use crate::types::typeobject::{
    AssSubscriptFn, BinaryFn, CompareOp, ContainsFn, LenFn, PyType, RichCompareFn, Slots,
    StaticType, TypeFlags, UnaryFn, slot,
};

pub struct MappingProxyPayload {
    mapping: Object,
}

// SAFETY: proxies are made only by `new_mappingproxy` with this payload.
unsafe impl PyPayload for MappingProxyPayload {
    fn type_object() -> &'static PyType {
        &MAPPINGPROXY_TYPE.0
    }
}

/// A read-only proxy of `mapping`.
pub fn new_mappingproxy(mapping: Object) -> Object {
    new_object(&MAPPINGPROXY_TYPE.0, MappingProxyPayload { mapping })
}

/// The mapping behind a proxy.
pub fn proxied(o: ObjectRef<'_>) -> Option<ObjectRef<'_>> {
    o.payload::<MappingProxyPayload>().map(|p| p.mapping.as_ref())
}

fn inner(o: ObjectRef<'_>) -> ObjectRef<'_> {
    proxied(o).expect("mappingproxy")
}

fn call_method(o: ObjectRef<'_>, name: &str, args: &[Object]) -> PyResult<Object> {
    let m = crate::attr::getattr(o, intern(name).as_ref())?;
    crate::ops::call(m.as_ref(), args, None)
}

/// `mappingproxy(mapping)`.
fn proxy_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let kw_mapping = a.take_kw("mapping").cloned();
    a.no_kw("mappingproxy")?;
    let m = match (a.pos.first(), kw_mapping) {
        (Some(m), None) if a.pos.len() == 1 => m.clone(),
        (None, Some(m)) => m,
        _ => {
            return Err(PyErr::type_error(format!(
                "mappingproxy() missing required argument 'mapping' (pos 1)"
            )));
        }
    };
    let ty = m.type_();
    let is_mapping = ty.slots.mp_subscript.get().is_some()
        && crate::types::list::as_list(m.as_ref()).is_none()
        && crate::types::tuple::tuple_items(m.as_ref()).is_none();
    if !is_mapping {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            ty.name()
        )));
    }
    Ok(new_mappingproxy(m))
}

fn proxy_getitem(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::getitem(inner(o), k)
}

fn proxy_ass(o: ObjectRef<'_>, _k: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    Err(PyErr::type_error(format!(
        "'{}' object does not support item {}",
        o.type_().name(),
        if v.is_some() { "assignment" } else { "deletion" }
    )))
}

fn proxy_len(o: ObjectRef<'_>) -> PyResult<usize> {
    crate::ops::len(inner(o))
}

fn proxy_contains(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<bool> {
    crate::ops::contains(inner(o), k)
}

fn proxy_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::iter(inner(o))
}

fn proxy_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = crate::ops::repr_string(inner(o))?;
    Ok(new_str(&format!("mappingproxy({r})")))
}

fn proxy_str(o: ObjectRef<'_>) -> PyResult<Object> {
    crate::ops::str_(inner(o))
}

fn proxy_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let Some(m) = proxied(a) else { return Ok(not_implemented()) };
    let other = proxied(b).unwrap_or(b);
    crate::ops::rich_compare(m, other, op)
}

/// `proxy | other` and `other | proxy`: a new dict (the proxy's mapping copied first).
/// `hash(proxy)`: the mapping's hash (a dict's raises TypeError).
fn proxy_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    crate::ops::hash(inner(o))
}

fn proxy_or(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let a = proxied(a).unwrap_or(a);
    let b = proxied(b).unwrap_or(b);
    crate::eval::helpers::binary_op(a, b, crate::ops::BinOp::Or, false)
}

fn this<'a>(s: Option<ObjectRef<'a>>) -> ObjectRef<'a> {
    inner(s.expect("mappingproxy method called with self"))
}

fn no_args(name: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 0, 0)
}

fn m_keys(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("keys", args, kw)?;
    call_method(this(s), "keys", &[])
}

fn m_values(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("values", args, kw)?;
    call_method(this(s), "values", &[])
}

fn m_items(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("items", args, kw)?;
    call_method(this(s), "items", &[])
}

fn m_copy(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("copy", args, kw)?;
    call_method(this(s), "copy", &[])
}

fn m_get(s: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("get")?;
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "get expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let m = this(s);
    // An exact dict directly; a subclass's own `get` is honoured (CPython calls the method).
    if let Some(d) = crate::types::dict::as_dict(m)
        && std::ptr::eq(m.type_(), &crate::types::dict::DICT_TYPE.0)
    {
        return Ok(d
            .get_item(args[0].as_ref())?
            .unwrap_or_else(|| args.get(1).cloned().unwrap_or_else(none)));
    }
    let mut all = vec![args[0].clone()];
    all.push(args.get(1).cloned().unwrap_or_else(none));
    call_method(m, "get", &all)
}

fn m_reversed(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("__reversed__", args, kw)?;
    let m = this(s);
    let rev = crate::builtins::builtins_dict();
    let f = crate::types::dict::as_dict(rev.as_ref())
        .and_then(|d| d.get_str("reversed").ok().flatten())
        .ok_or_else(|| PyErr::type_error("reversed() is unavailable"))?;
    crate::ops::call(f.as_ref(), &[m.to_owned()], None)
}

fn proxy_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    visit(inner(o));
}

/// # Safety
/// Called only by the deallocation path on a dead proxy.
unsafe fn proxy_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: proxies carry a `MappingProxyPayload`.
    unsafe { dealloc_payload::<MappingProxyPayload>(obj) }
}

pub static MAPPINGPROXY_TYPE: StaticType = StaticType(PyType::new_static(
    "mappingproxy",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<MappingProxyPayload>(),
    0,
    TypeFlags::HAVE_GC,
    306,
    proxy_dealloc,
    Some(proxy_traverse),
    Slots {
        repr: slot(proxy_repr as UnaryFn),
        str: slot(proxy_str as UnaryFn),
        richcompare: slot(proxy_richcompare as RichCompareFn),
        hash: slot(proxy_hash as crate::types::typeobject::HashFn),
        iter: slot(proxy_iter as UnaryFn),
        mp_length: slot(proxy_len as LenFn),
        mp_subscript: slot(proxy_getitem as BinaryFn),
        mp_ass_subscript: slot(proxy_ass as AssSubscriptFn),
        sq_contains: slot(proxy_contains as ContainsFn),
        nb_or: slot(proxy_or as BinaryFn),
        ..crate::types::object::object_slots()
    },
));

/// Registers the constructor and the methods.
pub(crate) fn register() {
    crate::eval::typecall::register_constructor(&MAPPINGPROXY_TYPE.0, proxy_new);
    let ty = &MAPPINGPROXY_TYPE.0;
    for (n, f) in [
        ("keys", m_keys as NativeFn),
        ("values", m_values),
        ("items", m_items),
        ("get", m_get),
        ("copy", m_copy),
        ("__reversed__", m_reversed),
    ] {
        let _ = register_static_attr(ty, n, new_method_descriptor(ty, n, f));
    }
    let _ = is_none;
}
