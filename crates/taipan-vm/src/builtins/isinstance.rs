//! `isinstance` and `issubclass` (CPython's `PyObject_IsInstance`/`PyObject_IsSubclass`): exact
//! type checks first, tuples of classes item by item, a metaclass's `__instancecheck__` /
//! `__subclasscheck__`, and the abstract protocol for objects that are not types but have
//! `__bases__` (a class-like object) and `__class__` (an instance of one). Recursion through
//! nested tuples and `__bases__` chains is bounded by the native stack guard.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops::{self, RecursionGuard};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::str::intern;
use crate::types::tuple::tuple_items;
use crate::types::typeobject::{TYPE_TYPE, as_type};

/// `obj.name`, or `None` when it raises AttributeError.
fn optional_attr(o: ObjectRef<'_>, name: &str) -> PyResult<Option<Object>> {
    match crate::attr::getattr(o, intern(name).as_ref()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A class-like object's `__bases__`, when it has one that is a tuple.
fn abstract_bases(cls: ObjectRef<'_>) -> PyResult<Option<Object>> {
    Ok(optional_attr(cls, "__bases__")?.filter(|b| tuple_items(b.as_ref()).is_some()))
}

/// Fails with `msg` unless `cls` is a class: anything with a tuple `__bases__`.
fn check_class(cls: ObjectRef<'_>, msg: &str) -> PyResult<()> {
    match abstract_bases(cls)? {
        Some(_) => Ok(()),
        None => Err(PyErr::type_error(msg)),
    }
}

fn is_exact_type(o: ObjectRef<'_>) -> bool {
    std::ptr::eq(o.type_(), &TYPE_TYPE.0)
}

/// Whether `cls` is reached from `derived` through `__bases__` (single bases followed in a loop,
/// several recursively).
fn abstract_issubclass(derived: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    let mut derived = derived.to_owned();
    let bases = loop {
        if derived.as_ref().is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_bases(derived.as_ref())? else { return Ok(false) };
        let items = tuple_items(bases.as_ref()).unwrap_or(&[]);
        match items {
            [] => return Ok(false),
            [one] => derived = one.clone(),
            _ => break bases,
        }
    };
    for base in tuple_items(bases.as_ref()).unwrap_or(&[]) {
        let _guard = RecursionGuard::enter(" in __issubclass__")?;
        if abstract_issubclass(base.as_ref(), cls)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `type.__instancecheck__(cls, o)`.
pub(crate) fn type_instancecheck(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__instancecheck__", 1, 1)?;
    let cls = s.ok_or_else(|| PyErr::type_error("__instancecheck__ needs a type"))?;
    Ok(crate::types::bool::py_bool(real_isinstance(args[0].as_ref(), cls)?))
}

/// `type.__subclasscheck__(cls, derived)`.
pub(crate) fn type_subclasscheck(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    crate::builtins::args::Args::new(args, kw).count("__subclasscheck__", 1, 1)?;
    let cls = s.ok_or_else(|| PyErr::type_error("__subclasscheck__ needs a type"))?;
    Ok(crate::types::bool::py_bool(real_issubclass(args[0].as_ref(), cls)?))
}

/// `type.__instancecheck__` (CPython's `object_isinstance`): the type check, then the object's
/// `__class__` when it claims another class.
pub(crate) fn real_isinstance(o: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if o.type_().is_subtype(t) {
            return Ok(true);
        }
        let Some(icls) = optional_attr(o, "__class__")? else { return Ok(false) };
        if icls.as_ref().is(o.type_().as_object()) {
            return Ok(false);
        }
        return Ok(as_type(icls.as_ref()).is_some_and(|ic| ic.is_subtype(t)));
    }
    check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
    match optional_attr(o, "__class__")? {
        Some(icls) => abstract_issubclass(icls.as_ref(), cls),
        None => Ok(false),
    }
}

/// `type.__subclasscheck__` (CPython's `recursive_issubclass`).
pub(crate) fn real_issubclass(derived: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (as_type(derived), as_type(cls)) {
        return Ok(d.is_subtype(c));
    }
    check_class(derived, "issubclass() arg 1 must be a class")?;
    // (A union never gets here: its class answers `__subclasscheck__` itself.)
    check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
    abstract_issubclass(derived, cls)
}

/// One of the two checks, `isinstance` or `issubclass`: the metaclass hook's name and the
/// check itself (for the items of a tuple) and the hook-less fallback.
struct Check {
    dunder: &'static str,
    context: &'static str,
    recurse: fn(ObjectRef<'_>, ObjectRef<'_>) -> PyResult<bool>,
    fallback: fn(ObjectRef<'_>, ObjectRef<'_>) -> PyResult<bool>,
}

const INSTANCE: Check = Check {
    dunder: "__instancecheck__",
    context: " in __instancecheck__",
    recurse: is_instance,
    fallback: real_isinstance,
};

const SUBCLASS: Check = Check {
    dunder: "__subclasscheck__",
    context: " in __subclasscheck__",
    recurse: is_subclass,
    fallback: real_issubclass,
};

/// What both checks do once `cls` is not `type` itself: any item of a tuple, else the
/// metaclass's hook, else the fallback.
fn check_against(check: &Check, arg: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(items) = tuple_items(cls) {
        let _guard = RecursionGuard::enter(check.context)?;
        for c in items {
            if (check.recurse)(arg, c.as_ref())? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let checked = {
        let _guard = RecursionGuard::enter(check.context)?;
        crate::types::instance::call_dunder(cls, check.dunder, &[arg.to_owned()])?
    };
    match checked {
        Some(r) => ops::is_true(r.as_ref()),
        None => (check.fallback)(arg, cls),
    }
}

/// `isinstance(o, cls)`.
pub(crate) fn is_instance(o: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    if o.type_().as_object().is(cls) {
        return Ok(true);
    }
    if is_exact_type(cls) {
        return real_isinstance(o, cls);
    }
    check_against(&INSTANCE, o, cls)
}

/// `issubclass(derived, cls)`.
pub(crate) fn is_subclass(derived: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    if is_exact_type(cls) {
        if derived.is(cls) {
            return Ok(true);
        }
        return real_issubclass(derived, cls);
    }
    check_against(&SUBCLASS, derived, cls)
}
