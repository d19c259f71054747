//! Instances of Python classes, and the classes themselves: `class` statements make heap types
//! (`new_class`) whose instances carry a `__dict__` (`InstancePayload`), and whose slots call
//! the dunder methods the class body defines (`__repr__`, `__eq__`, `__add__`, `__len__`, ...).
//! Single inheritance only for now.

use std::cell::RefCell;

use crate::error::{PyErr, PyResult};
use crate::object::alloc::dealloc_payload;
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::{ATTRIBUTE_ERROR, ExcPayload, STOP_ITERATION};
use crate::types::heaptype::{InstanceLayout, new_heap_type_with_layout};
use crate::types::object::OBJECT_TYPE;
use crate::types::pyfunction::as_function;
use crate::types::singletons::{is_none, is_not_implemented, none, not_implemented};
use crate::types::str::{Str, intern, new_str};
use crate::types::typelookup::type_lookup;
use crate::types::typeobject::{
    BinaryFn, CallFn, CompareOp, ContainsFn, GetAttrFn, HashFn, InquiryFn, IterNextFn, LenFn,
    PyType, RichCompareFn, SetAttrFn, Slots, StaticType, TypeFlags, UnaryFn, as_type,
    dealloc_immortal,
};

/// Type flag of classes whose instances carry an `InstancePayload` (inherited by subclasses).
pub const INSTANCE_DICT: TypeFlags = TypeFlags(1 << 40);

/// The payload of an instance of a Python class deriving from `object`.
pub struct InstancePayload {
    /// `__dict__`, made on first use.
    pub dict: RefCell<Option<Object>>,
}

/// Never instantiated: `payload::<InstancePayload>()` is therefore always `None`; instances are
/// recognised by their type's deallocator instead (see `instance_payload`).
static INSTANCE_LAYOUT_MARKER: StaticType = StaticType(PyType::new_static(
    "instance-layout",
    None,
    0,
    0,
    TypeFlags(0),
    205,
    dealloc_immortal,
    None,
    Slots::empty(),
));

// SAFETY: no object has the marker type, so the checked `payload()` never succeeds; the
// unchecked access is done only after checking the type's INSTANCE_DICT flag, which only types
// made by `new_class` with this payload (and their subclasses) have.
unsafe impl PyPayload for InstancePayload {
    fn type_object() -> &'static PyType {
        &INSTANCE_LAYOUT_MARKER.0
    }
}

fn instance_payload(o: ObjectRef<'_>) -> Option<&InstancePayload> {
    if o.is_small_int() || !o.type_().has_flag(INSTANCE_DICT) {
        return None;
    }
    // SAFETY: the INSTANCE_DICT flag is set only on types made by `new_class` with an
    // `InstancePayload` layout and their subclasses, which share it (docs/vm.md, "Object
    // layout").
    Some(unsafe { o.payload_unchecked::<InstancePayload>() })
}

/// Runs `f` on the existing `__dict__` of a class instance (`None` when the object is not one,
/// or has no dict yet; none is made). `f` must not run Python code: the eval loop's inline
/// caches use it for index reads and value swaps.
#[inline]
pub(crate) fn with_instance_dict<R>(
    o: ObjectRef<'_>,
    f: impl FnOnce(Option<&crate::types::dict::DictPayload>) -> R,
) -> R {
    let Some(p) = instance_payload(o) else { return f(None) };
    let cell = p.dict.borrow();
    f(cell.as_ref().and_then(|d| as_dict(d.as_ref())))
}

/// The `__dict__` cell of an object that has one (class instances and exceptions).
fn dict_cell(o: ObjectRef<'_>) -> Option<&RefCell<Option<Object>>> {
    if let Some(p) = instance_payload(o) {
        return Some(&p.dict);
    }
    o.payload::<ExcPayload>().map(|p| &p.dict)
}

/// The instance's `__dict__`, made if missing; `None` for objects without one.
pub fn instance_dict(o: ObjectRef<'_>) -> Option<Object> {
    dict_cell(o).map(|c| c.borrow_mut().get_or_insert_with(new_dict).clone())
}

/// The instance's `__dict__` if it was made (never makes one).
pub(crate) fn instance_dict_of(o: ObjectRef<'_>) -> Option<Object> {
    instance_payload(o).and_then(|p| p.dict.borrow().clone())
}

/// The `clear` slot of class instances: drops the `__dict__` (the collector breaking a cycle).
pub(crate) fn instance_clear(o: ObjectRef<'_>) {
    if let Some(p) = instance_payload(o) {
        let d = p.dict.borrow_mut().take();
        drop(d);
    }
}

/// Whether `name` is in the instance's own `__dict__`.
pub fn instance_dict_has(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<bool> {
    let d = dict_cell(o).and_then(|c| c.borrow().clone());
    match d {
        Some(d) => as_dict(d.as_ref()).expect("dict").contains(name),
        None => Ok(false),
    }
}

fn attr_text(name: ObjectRef<'_>) -> String {
    Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default()
}

/// Calls a class's `__getattr__` hook, if it has one.
fn getattr_hook(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match type_lookup(o.type_(), intern("__getattr__").as_ref())? {
        Some(f) => call_attr(f, o, &[name.to_owned()]).map(Some),
        None => Ok(None),
    }
}

/// The generic attribute lookup with an instance dict, then `__getattr__`.
pub fn instance_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match instance_getattr_no_hook(o, name) {
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => match getattr_hook(o, name)? {
            Some(v) => Ok(v),
            None => Err(e),
        },
        r => r,
    }
}

/// `PyObject_GenericGetAttr` with an instance dict.
fn instance_getattr_no_hook(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let ty = o.type_();
    let attr = type_lookup(ty, name)?;
    if let Some(a) = &attr
        && a.type_().slots.descr_set.get().is_some()
        && let Some(get) = a.type_().slots.descr_get.get()
    {
        return get(a.as_ref(), Some(o), Some(ty.as_object()));
    }
    let d = dict_cell(o).and_then(|c| c.borrow().clone());
    if let Some(d) = d
        && let Some(v) = as_dict(d.as_ref()).expect("dict").get_item(name)?
    {
        return Ok(v);
    }
    if let Some(a) = attr {
        return match a.type_().slots.descr_get.get() {
            Some(get) => get(a.as_ref(), Some(o), Some(ty.as_object())),
            None => Ok(a),
        };
    }
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__dict__") => {
            if let Some(d) = instance_dict(o) {
                return Ok(d);
            }
        }
        Some("__class__") => return Ok(ty.as_object().to_owned()),
        _ => {}
    }
    Err(PyErr::new(
        &ATTRIBUTE_ERROR,
        format!("'{}' object has no attribute '{}'", ty.name(), attr_text(name)),
    ))
}

/// Attribute lookup on exceptions: `args`, `__cause__`, `__context__`, `__traceback__`,
/// `__suppress_context__`, then the generic lookup with the instance dict.
pub fn exception_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if let Some(p) = o.payload::<ExcPayload>()
        && let Some(s) = Str::new(name).and_then(|s| s.as_str())
    {
        let opt = |c: &RefCell<Option<Object>>| c.borrow().clone().unwrap_or_else(none);
        match s {
            "args" => return Ok(p.args()),
            "__cause__" => return Ok(opt(&p.cause)),
            "__context__" => return Ok(opt(&p.context)),
            "__suppress_context__" => {
                return Ok(crate::types::bool::py_bool(p.suppress_context.get()));
            }
            "__traceback__" => return Ok(crate::types::traceback_obj::traceback_of(o)),
            "value" if o.type_().is_subtype(&STOP_ITERATION.0) => {
                let args =
                    crate::types::tuple::tuple_items(p.args().as_ref()).unwrap_or(&[]).to_vec();
                return Ok(args.first().cloned().unwrap_or_else(none));
            }
            "code" if o.type_().is_subtype(&crate::types::exceptions::SYSTEM_EXIT.0) => {
                let args =
                    crate::types::tuple::tuple_items(p.args().as_ref()).unwrap_or(&[]).to_vec();
                return Ok(match &args[..] {
                    [] => none(),
                    [one] => one.clone(),
                    _ => p.args(),
                });
            }
            _ => {}
        }
        return instance_getattr(o, name)
            .or_else(|e| crate::import::import_error_attr(o, s).ok_or(e));
    }
    instance_getattr(o, name)
}

pub fn instance_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    if let Some(p) = o.payload::<ExcPayload>()
        && let Some(s) = Str::new(name).and_then(|s| s.as_str())
    {
        let val = v.filter(|v| !is_none(*v)).map(|v| v.to_owned());
        let old = match s {
            "__cause__" => {
                if let Some(c) = &val
                    && c.payload::<ExcPayload>().is_none()
                {
                    return Err(PyErr::type_error(
                        "exception cause must be None or derive from BaseException",
                    ));
                }
                p.suppress_context.set(true);
                p.cause.replace(val)
            }
            "__context__" => {
                if let Some(c) = &val
                    && c.payload::<ExcPayload>().is_none()
                {
                    return Err(PyErr::type_error(
                        "exception context must be None or derive from BaseException",
                    ));
                }
                p.context.replace(val)
            }
            "__suppress_context__" => {
                let b = match v {
                    Some(v) => crate::ops::is_true(v)?,
                    None => false,
                };
                p.suppress_context.set(b);
                None
            }
            "__traceback__" => None,
            "args" => {
                let items = match v {
                    Some(v) => crate::eval::helpers::iterate(v)?,
                    None => return Err(PyErr::type_error("args may not be deleted")),
                };
                p.set_args(crate::types::tuple::new_tuple(items));
                None
            }
            _ => return instance_setattr_dict(o, name, v),
        };
        drop(old);
        return Ok(());
    }
    instance_setattr_dict(o, name, v)
}

fn instance_setattr_dict(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let ty = o.type_();
    if let Some(a) = type_lookup(ty, name)?
        && let Some(set) = a.type_().slots.descr_set.get()
    {
        return set(a.as_ref(), o, v);
    }
    let Some(d) = instance_dict(o) else {
        return crate::attr::setattr(o, name, v);
    };
    let d = as_dict(d.as_ref()).expect("dict");
    match v {
        Some(v) => d.set_item(name.to_owned(), v.to_owned()),
        None => match d.del_item(name)? {
            Some(_) => Ok(()),
            None => Err(PyErr::new(
                &ATTRIBUTE_ERROR,
                format!("'{}' object has no attribute '{}'", ty.name(), attr_text(name)),
            )),
        },
    }
}

/// Attribute lookup on a class object: its dict chain, then the type's own attributes
/// (`__name__`, `__qualname__`, `__mro__`, `__bases__`, `__dict__`, ...).
pub fn type_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match crate::attr::type_getattr(o, name) {
        Ok(v) => Ok(v),
        // Built-in types' attributes are all in their dicts (types/surface.rs).
        Err(e) if !as_type(o).is_some_and(|t| t.has_flag(TypeFlags::HEAPTYPE)) => Err(e),
        Err(e) => {
            let ty = as_type(o).expect("type");
            let s = Str::new(name).and_then(|s| s.as_str()).unwrap_or("");
            Ok(match s {
                // A static type's dotted name is `module.name` (`string.templatelib.Template`).
                "__name__" | "__qualname__" => {
                    new_str(ty.name().rsplit('.').next().unwrap_or(ty.name()))
                }
                "__module__" => new_str(ty.name().rsplit_once('.').map_or("builtins", |(m, _)| m)),
                "__doc__" => none(),
                "__base__" => ty.base().map_or_else(none, |b| b.as_object().to_owned()),
                "__bases__" => crate::types::tuple::new_tuple(
                    ty.base().map(|b| b.as_object().to_owned()).into_iter().collect(),
                ),
                "__mro__" => {
                    let mut v = Vec::new();
                    let mut t = Some(ty);
                    while let Some(x) = t {
                        v.push(x.as_object().to_owned());
                        t = x.base();
                    }
                    crate::types::tuple::new_tuple(v)
                }
                "__dict__" => crate::types::typelookup::type_dict(ty),
                "__class__" => o.type_().as_object().to_owned(),
                "__subclasses__" => crate::types::function::new_bound_builtin(
                    "__subclasses__",
                    type_subclasses,
                    o.to_owned(),
                ),
                "__annotations__" => {
                    let own = crate::types::typelookup::type_dict(ty);
                    let own = as_dict(own.as_ref()).expect("dict");
                    let f = match own.get_str("__annotate_func__")? {
                        Some(f) => Some(f),
                        None => own.get_str("__annotate__")?,
                    };
                    match f {
                        Some(f) if !is_none(f.as_ref()) => crate::ops::call(
                            f.as_ref(),
                            &[crate::types::int::new_int_i64(1)],
                            None,
                        )?,
                        _ => new_dict(),
                    }
                }
                _ => return Err(e),
            })
        }
    }
}

/// Calls an attribute found on a type with `o` as `self`.
fn call_attr(f: Object, o: ObjectRef<'_>, args: &[Object]) -> PyResult<Object> {
    if as_function(f.as_ref()).is_some() {
        return crate::eval::call_python(f.as_ref(), Some(o), args, None);
    }
    match f.type_().slots.descr_get.get() {
        Some(get) => {
            let bound = get(f.as_ref(), Some(o), Some(o.type_().as_object()))?;
            crate::ops::call(bound.as_ref(), args, None)
        }
        None => crate::ops::call(f.as_ref(), args, None),
    }
}

/// Calls `type(o).name(o, *args)`; `None` if the type has no such attribute.
pub fn call_dunder(o: ObjectRef<'_>, name: &str, args: &[Object]) -> PyResult<Option<Object>> {
    match type_lookup(o.type_(), intern(name).as_ref())? {
        Some(f) if is_none(f.as_ref()) => Ok(None),
        Some(f) => call_attr(f, o, args).map(Some),
        None => Ok(None),
    }
}

fn must_call(o: ObjectRef<'_>, name: &str, args: &[Object]) -> PyResult<Object> {
    call_dunder(o, name, args)?.ok_or_else(|| {
        PyErr::type_error(format!("'{}' object has no method {name}", o.type_().name()))
    })
}

fn slot_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = must_call(o, "__repr__", &[])?;
    if Str::new(r.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "__repr__ returned non-string (type {})",
            r.type_().name()
        )));
    }
    Ok(r)
}

fn slot_str(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = must_call(o, "__str__", &[])?;
    if Str::new(r.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "__str__ returned non-string (type {})",
            r.type_().name()
        )));
    }
    Ok(r)
}

fn slot_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let r = must_call(o, "__hash__", &[])?;
    match crate::types::int::int_value(r.as_ref()) {
        Some(crate::types::int::IntVal::Small(v)) => Ok(if v == -1 { -2 } else { v as isize }),
        Some(_) => crate::ops::hash(r.as_ref()),
        None => Err(PyErr::type_error("__hash__ method should return an integer")),
    }
}

fn slot_richcompare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let name = match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    };
    if let Some(r) = call_dunder(a, name, &[b.to_owned()])? {
        return Ok(r);
    }
    if op == CompareOp::Ne
        && let Some(r) = call_dunder(a, "__eq__", &[b.to_owned()])?
    {
        if is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
        return Ok(crate::types::bool::py_bool(!crate::ops::is_true(r.as_ref())?));
    }
    crate::types::object::object_richcompare(a, b, op)
}

fn slot_len(o: ObjectRef<'_>) -> PyResult<usize> {
    let r = must_call(o, "__len__", &[])?;
    let n = crate::ops::index_value(r.as_ref()).map_err(|e| {
        if e.matches(&crate::types::exceptions::INDEX_ERROR) {
            PyErr::overflow_error("cannot fit 'int' into an index-sized integer")
        } else {
            e
        }
    })?;
    match n {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(PyErr::value_error("__len__() should return >= 0")),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            r.type_().name()
        ))),
    }
}

fn slot_getitem(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<Object> {
    must_call(o, "__getitem__", &[k.to_owned()])
}

/// `d[k]` on a dict subclass with `__missing__`.
fn slot_dict_missing(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<Object> {
    let d = as_dict(o).expect("dict subclass");
    match d.get_item(k)? {
        Some(v) => Ok(v),
        None => must_call(o, "__missing__", &[k.to_owned()]),
    }
}

fn slot_setitem(o: ObjectRef<'_>, k: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    match v {
        Some(v) => must_call(o, "__setitem__", &[k.to_owned(), v.to_owned()]).map(drop),
        None => must_call(o, "__delitem__", &[k.to_owned()]).map(drop),
    }
}

fn slot_contains(o: ObjectRef<'_>, k: ObjectRef<'_>) -> PyResult<bool> {
    let r = must_call(o, "__contains__", &[k.to_owned()])?;
    crate::ops::is_true(r.as_ref())
}

fn slot_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    must_call(o, "__iter__", &[])
}

fn slot_seq_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let seq = o.to_owned();
    let mut i: i64 = 0;
    Ok(crate::types::native_iter::new_native_iter(
        &crate::types::native_iter::SEQ_ITER_TYPE,
        Box::new(move || {
            let key = crate::types::int::new_int_i64(i);
            match crate::ops::getitem(seq.as_ref(), key.as_ref()) {
                Ok(v) => {
                    i += 1;
                    Ok(Some(v))
                }
                Err(e)
                    if e.matches(&crate::types::exceptions::INDEX_ERROR)
                        || e.matches(&STOP_ITERATION) =>
                {
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }),
    ))
}

fn slot_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match must_call(o, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = type_lookup(o.type_(), intern("__call__").as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!("'{}' object is not callable", o.type_().name()))
    })?;
    if as_function(f.as_ref()).is_some() {
        return crate::eval::call_python(f.as_ref(), Some(o), args, kwnames);
    }
    let mut all = vec![o.to_owned()];
    all.extend_from_slice(args);
    crate::ops::call(f.as_ref(), &all, kwnames)
}

fn slot_descr_get(
    d: ObjectRef<'_>,
    inst: Option<ObjectRef<'_>>,
    owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let inst = inst.map_or_else(none, |i| i.to_owned());
    let owner = owner.map_or_else(none, |o| o.to_owned());
    must_call(d, "__get__", &[inst, owner])
}

fn slot_descr_set(d: ObjectRef<'_>, inst: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    match v {
        Some(v) => must_call(d, "__set__", &[inst.to_owned(), v.to_owned()]).map(drop),
        None => must_call(d, "__delete__", &[inst.to_owned()]).map(drop),
    }
}

/// `object.__setattr__`: the generic protocol, bypassing a class's own `__setattr__`.
pub fn generic_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    if dict_cell(o).is_some() {
        return instance_setattr(o, name, v);
    }
    crate::attr::setattr(o, name, v)
}

/// `object.__getattribute__`: the generic lookup, bypassing a class's own `__getattribute__`.
pub fn generic_getattribute(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if o.payload::<ExcPayload>().is_some() {
        return exception_getattr(o, name);
    }
    if dict_cell(o).is_some() {
        return instance_getattr_no_hook(o, name);
    }
    crate::attr::getattr(o, name)
}

fn slot_setattr(o: ObjectRef<'_>, name: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    match v {
        Some(v) => must_call(o, "__setattr__", &[name.to_owned(), v.to_owned()]).map(drop),
        None => must_call(o, "__delattr__", &[name.to_owned()]).map(drop),
    }
}

fn slot_getattribute(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match must_call(o, "__getattribute__", &[name.to_owned()]) {
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => match getattr_hook(o, name)? {
            Some(v) => Ok(v),
            None => Err(e),
        },
        r => r,
    }
}

fn slot_bool(o: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(r) = call_dunder(o, "__bool__", &[])? {
        return match crate::types::bool::bool_value(r.as_ref()) {
            Some(b) => Ok(b),
            None => Err(PyErr::type_error(format!(
                "__bool__ should return bool, returned {}",
                r.type_().name()
            ))),
        };
    }
    if call_dunder(o, "__len__", &[]).is_ok() {
        return Ok(slot_len(o)? != 0);
    }
    Ok(true)
}

macro_rules! unary_slots {
    ($($fname:ident => $dunder:literal,)*) => {
        $(fn $fname(o: ObjectRef<'_>) -> PyResult<Object> {
            must_call(o, $dunder, &[])
        })*
    };
}

unary_slots! {
    slot_neg => "__neg__",
    slot_pos => "__pos__",
    slot_abs => "__abs__",
    slot_invert => "__invert__",
    slot_index => "__index__",
    slot_int => "__int__",
    slot_float => "__float__",
}

/// A binary number slot, as CPython's `SLOT1BINFULL`: `a.__op__(b)`, or `b.__rop__(a)` (first
/// when `b`'s class is a subclass of `a`'s that overrides it).
fn binary_dunder(a: ObjectRef<'_>, b: ObjectRef<'_>, op: &str, rop: &str) -> PyResult<Object> {
    let (ta, tb) = (a.type_(), b.type_());
    // Only a Python class's dunders: a built-in operand's own slot has already been tried.
    let a_has = ta.has_flag(TypeFlags::HEAPTYPE)
        && type_lookup(ta, intern(op).as_ref())?.is_some_and(|f| !is_none(f.as_ref()));
    let mut b_has = !std::ptr::eq(ta, tb)
        && tb.has_flag(TypeFlags::HEAPTYPE)
        && type_lookup(tb, intern(rop).as_ref())?.is_some_and(|f| !is_none(f.as_ref()));
    if a_has {
        if b_has && tb.is_subtype(ta) {
            let r = must_call(b, rop, &[a.to_owned()])?;
            if !is_not_implemented(r.as_ref()) {
                return Ok(r);
            }
            b_has = false;
        }
        let r = must_call(a, op, &[b.to_owned()])?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    if b_has {
        return must_call(b, rop, &[a.to_owned()]);
    }
    Ok(not_implemented())
}

macro_rules! binary_slots {
    ($($fname:ident => $op:literal, $rop:literal,)*) => {
        $(fn $fname(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
            binary_dunder(a, b, $op, $rop)
        })*
    };
}

binary_slots! {
    slot_add => "__add__", "__radd__",
    slot_sub => "__sub__", "__rsub__",
    slot_mul => "__mul__", "__rmul__",
    slot_truediv => "__truediv__", "__rtruediv__",
    slot_floordiv => "__floordiv__", "__rfloordiv__",
    slot_mod => "__mod__", "__rmod__",
    slot_lshift => "__lshift__", "__rlshift__",
    slot_rshift => "__rshift__", "__rrshift__",
    slot_and => "__and__", "__rand__",
    slot_or => "__or__", "__ror__",
    slot_xor => "__xor__", "__rxor__",
    slot_divmod => "__divmod__", "__rdivmod__",
}

fn slot_pow(a: ObjectRef<'_>, b: ObjectRef<'_>, _m: Option<ObjectRef<'_>>) -> PyResult<Object> {
    binary_dunder(a, b, "__pow__", "__rpow__")
}

/// Points the slots of a new class at the dunders its namespace defines.
fn update_slots(ty: &PyType, ns: &crate::types::dict::DictPayload) -> PyResult<()> {
    let has = |n: &str| ns.get_str(n).ok().flatten();
    let s = &ty.slots;
    if has("__repr__").is_some() {
        s.repr.set(Some(slot_repr as UnaryFn));
    }
    if has("__del__").is_some() {
        s.finalize.set(Some(crate::gc::finalize::slot_del as crate::types::typeobject::FinalizeFn));
    }
    if has("__str__").is_some() {
        s.str.set(Some(slot_str as UnaryFn));
    }
    let cmp = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    if cmp.iter().any(|n| has(n).is_some()) {
        s.richcompare.set(Some(slot_richcompare as RichCompareFn));
    }
    match has("__hash__") {
        Some(h) if is_none(h.as_ref()) => s.hash.set(None),
        Some(_) => s.hash.set(Some(slot_hash as HashFn)),
        None if has("__eq__").is_some() => {
            s.hash.set(None);
            let d = ty.dict.take();
            if let Some(d) = &d {
                as_dict(d.as_ref()).expect("dict").set_str("__hash__", none())?;
            }
            ty.dict.set(d);
        }
        None => {}
    }
    if has("__len__").is_some() {
        s.sq_length.set(Some(slot_len as LenFn));
        s.mp_length.set(Some(slot_len as LenFn));
    }
    if has("__getitem__").is_some() {
        s.mp_subscript.set(Some(slot_getitem as BinaryFn));
    } else if has("__missing__").is_some() && ty.is_subtype(&crate::types::dict::DICT_TYPE.0) {
        s.mp_subscript.set(Some(slot_dict_missing as BinaryFn));
    }
    if has("__setitem__").is_some() || has("__delitem__").is_some() {
        s.mp_ass_subscript.set(Some(slot_setitem));
    }
    if has("__contains__").is_some() {
        s.sq_contains.set(Some(slot_contains as ContainsFn));
    }
    if has("__iter__").is_some() {
        s.iter.set(Some(slot_iter as UnaryFn));
    } else if has("__getitem__").is_some() && s.iter.get().is_none() {
        // The old sequence protocol: iterate by index until IndexError.
        s.iter.set(Some(slot_seq_iter as UnaryFn));
    }
    if has("__next__").is_some() {
        s.iternext.set(Some(slot_next as IterNextFn));
    }
    if has("__setattr__").is_some() || has("__delattr__").is_some() {
        s.setattr.set(Some(slot_setattr as SetAttrFn));
    }
    if has("__getattribute__").is_some() {
        s.getattr.set(Some(slot_getattribute as GetAttrFn));
    }
    if has("__get__").is_some() {
        s.descr_get.set(Some(slot_descr_get as crate::types::typeobject::DescrGetFn));
    }
    if has("__set__").is_some() || has("__delete__").is_some() {
        s.descr_set.set(Some(slot_descr_set as crate::types::typeobject::DescrSetFn));
    }
    if has("__call__").is_some() {
        s.call.set(Some(slot_call as CallFn));
    }
    if has("__bool__").is_some() || has("__len__").is_some() {
        s.nb_bool.set(Some(slot_bool as InquiryFn));
    }
    let unary: [(&str, &crate::types::typeobject::Slot<UnaryFn>, UnaryFn); 7] = [
        ("__neg__", &s.nb_negative, slot_neg),
        ("__pos__", &s.nb_positive, slot_pos),
        ("__abs__", &s.nb_absolute, slot_abs),
        ("__invert__", &s.nb_invert, slot_invert),
        ("__index__", &s.nb_index, slot_index),
        ("__int__", &s.nb_int, slot_int),
        ("__float__", &s.nb_float, slot_float),
    ];
    for (n, slot, f) in unary {
        if has(n).is_some() {
            slot.set(Some(f));
        }
    }
    let binary: [(&str, &str, &crate::types::typeobject::Slot<BinaryFn>, BinaryFn); 12] = [
        ("__add__", "__radd__", &s.nb_add, slot_add),
        ("__sub__", "__rsub__", &s.nb_subtract, slot_sub),
        ("__mul__", "__rmul__", &s.nb_multiply, slot_mul),
        ("__truediv__", "__rtruediv__", &s.nb_true_divide, slot_truediv),
        ("__floordiv__", "__rfloordiv__", &s.nb_floor_divide, slot_floordiv),
        ("__mod__", "__rmod__", &s.nb_remainder, slot_mod),
        ("__lshift__", "__rlshift__", &s.nb_lshift, slot_lshift),
        ("__rshift__", "__rrshift__", &s.nb_rshift, slot_rshift),
        ("__and__", "__rand__", &s.nb_and, slot_and),
        ("__or__", "__ror__", &s.nb_or, slot_or),
        ("__xor__", "__rxor__", &s.nb_xor, slot_xor),
        ("__divmod__", "__rdivmod__", &s.nb_divmod, slot_divmod),
    ];
    for (n, rn, slot, f) in binary {
        if has(n).is_some() || has(rn).is_some() {
            slot.set(Some(f));
        }
    }
    if has("__pow__").is_some() || has("__rpow__").is_some() {
        s.nb_power.set(Some(slot_pow));
    }
    Ok(())
}

/// `type(name, bases, ns)` / the end of a `class` statement: a new heap type.
pub fn new_class(name: &str, bases: &[Object], ns: ObjectRef<'_>) -> PyResult<Object> {
    let base: &PyType = match bases {
        [] => &OBJECT_TYPE.0,
        [b] => as_type(b.as_ref()).ok_or_else(|| {
            PyErr::type_error(format!("bases must be types, not {}", b.type_().name()))
        })?,
        _ => {
            return Err(PyErr::new(
                &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
                "multiple inheritance is not supported by Taipan's VM yet",
            ));
        }
    };
    let layout = if std::ptr::eq(base, &OBJECT_TYPE.0) {
        Some(InstanceLayout {
            basicsize: std::mem::size_of::<InstancePayload>(),
            dealloc: instance_dealloc,
            traverse: Some(instance_traverse),
            flags: TypeFlags(TypeFlags::HAVE_GC.0 | INSTANCE_DICT.0),
        })
    } else {
        None
    };
    let ty_obj = new_heap_type_with_layout(name, base, layout)?;
    let ty = as_type(ty_obj.as_ref()).expect("type");
    let nsd = as_dict(ns).ok_or_else(|| PyErr::type_error("class namespace must be a dict"))?;
    {
        let d = ty.dict.take().expect("heap type dict");
        let td = as_dict(d.as_ref()).expect("dict");
        let mut result = Ok(());
        for (k, v) in nsd.items() {
            if let Err(e) = td.set_item(k, v) {
                result = Err(e);
                break;
            }
        }
        if result.is_ok() && td.get_str("__doc__")?.is_none() {
            result = td.set_str("__doc__", none());
        }
        ty.dict.set(Some(d));
        result?;
    }
    ty.modified();
    if ty.has_flag(INSTANCE_DICT) && ty.slots.clear.get().is_none() {
        ty.slots.clear.set(Some(instance_clear as crate::types::typeobject::ClearFn));
    }
    let has_dict = dict_cell_type(ty);
    if has_dict && ty.has_flag(INSTANCE_DICT) {
        ty.slots.getattr.set(Some(instance_getattr as GetAttrFn));
        ty.slots.setattr.set(Some(instance_setattr as SetAttrFn));
    }
    update_slots(ty, nsd)?;
    Ok(ty_obj)
}

/// After a class is made: `__set_name__` on its attributes, then the base's
/// `__init_subclass__(**kwargs)`.
pub fn finish_class(
    cls: ObjectRef<'_>,
    kwnames: Option<ObjectRef<'_>>,
    kwvalues: &[Object],
) -> PyResult<()> {
    let ty = as_type(cls).expect("type");
    let d = crate::types::typelookup::type_dict(ty);
    for (k, v) in as_dict(d.as_ref()).expect("dict").items() {
        if let Some(f) = type_lookup(v.type_(), intern("__set_name__").as_ref())? {
            call_attr(f, v.as_ref(), &[cls.to_owned(), k])?;
        }
    }
    if let Some(base) = ty.base()
        && let Some(f) = type_lookup(base, intern("__init_subclass__").as_ref())?
    {
        let func = match f.payload::<crate::types::descriptors::WrapperPayload>() {
            Some(w) => w.func().clone(),
            None => f,
        };
        if as_function(func.as_ref()).is_some() {
            crate::eval::call_python(func.as_ref(), Some(cls), kwvalues, kwnames)?;
        } else if kwnames.is_some() {
            return Err(PyErr::type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                base.name()
            )));
        }
    }
    Ok(())
}

/// Whether instances of `ty` carry a `__dict__`.
fn dict_cell_type(ty: &PyType) -> bool {
    ty.has_flag(INSTANCE_DICT) || ty.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0)
}

/// A new, empty instance of the class `ty` (whose instances carry an `InstancePayload`).
pub fn new_instance(ty: &PyType) -> Option<Object> {
    if !ty.has_flag(INSTANCE_DICT) {
        return None;
    }
    let raw = crate::object::alloc::alloc_object(ty, std::alloc::Layout::new::<InstancePayload>());
    // SAFETY: `alloc_object` made room for an `InstancePayload` after the header; we initialise it
    // before the object is used (docs/vm.md, "Object layout").
    unsafe {
        crate::object::alloc::payload_ptr::<InstancePayload>(raw)
            .as_ptr()
            .write(InstancePayload { dict: RefCell::new(None) });
        Some(Object::from_raw(raw))
    }
}

fn instance_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(p) = instance_payload(o)
        && let Some(d) = p.dict.borrow().as_ref()
    {
        visit(d.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead instance of a class made by `new_class`.
pub(crate) unsafe fn instance_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: such instances carry an `InstancePayload` (see `new_instance`).
    unsafe { dealloc_payload::<InstancePayload>(obj) }
}

/// The type of `object()` instances: a payload-less object. (`object` itself is immortal and has
/// no deallocator, so its bare instances get this private subtype, also named `object`.)
pub static PLAIN_OBJECT_TYPE: StaticType = StaticType(PyType::new_static(
    "object",
    Some(&OBJECT_TYPE.0),
    0,
    0,
    TypeFlags(0),
    208,
    plain_object_dealloc,
    None,
    crate::types::object::object_slots(),
));

/// # Safety
/// Called only by the deallocation path on a dead `object()` instance.
unsafe fn plain_object_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: `object()` instances carry an empty `()` payload (see `new_plain_object`).
    unsafe { dealloc_payload::<()>(obj) }
}

/// `object()`.
pub fn new_plain_object() -> PyResult<Object> {
    let raw =
        crate::object::alloc::alloc_object(&PLAIN_OBJECT_TYPE.0, std::alloc::Layout::new::<()>());
    // SAFETY: a freshly allocated object whose reference we own; its payload is empty, so there
    // is nothing to initialise (docs/vm.md, "Object layout").
    Ok(unsafe { Object::from_raw(raw) })
}

/// A `super()` object: attribute lookups start after `cls` in the type of `obj`.
pub struct SuperPayload {
    pub cls: Object,
    pub obj: Object,
}

// SAFETY: super objects are built only by `new_super` with a `SuperPayload`.
unsafe impl PyPayload for SuperPayload {
    fn type_object() -> &'static PyType {
        &SUPER_TYPE.0
    }
}

pub fn new_super(cls: Object, obj: Object) -> PyResult<Object> {
    let Some(c) = as_type(cls.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            cls.type_().name()
        )));
    };
    let obj_type = as_type(obj.as_ref()).filter(|t| t.is_subtype(c)).unwrap_or(obj.type_());
    if !obj_type.is_subtype(c) {
        return Err(PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    }
    Ok(crate::object::alloc::new_object(&SUPER_TYPE.0, SuperPayload { cls, obj }))
}

fn super_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<SuperPayload>().expect("super");
    let cls = as_type(p.cls.as_ref()).expect("type");
    let is_class = as_type(p.obj.as_ref()).is_some_and(|t| t.is_subtype(cls));
    if let Some(base) = cls.base()
        && let Some(attr) = type_lookup(base, name)?
    {
        return match attr.type_().slots.descr_get.get() {
            Some(get) => {
                let owner = if is_class { p.obj.as_ref() } else { p.obj.type_().as_object() };
                get(attr.as_ref(), if is_class { None } else { Some(p.obj.as_ref()) }, Some(owner))
            }
            None => Ok(attr),
        };
    }
    crate::attr::generic_getattr(o, name).map_err(|_| {
        PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("'super' object has no attribute '{}'", attr_text(name)),
        )
    })
}

fn super_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<SuperPayload>().expect("super");
    let cls = as_type(p.cls.as_ref()).expect("type");
    Ok(new_str(&format!("<super: <class '{}'>, <{} object>>", cls.name(), p.obj.type_().name())))
}

/// # Safety
/// Called only by the deallocation path on a dead super object.
unsafe fn super_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: super objects carry a `SuperPayload`.
    unsafe { dealloc_payload::<SuperPayload>(obj) }
}

pub static SUPER_TYPE: StaticType = StaticType(PyType::new_static(
    "super",
    Some(&OBJECT_TYPE.0),
    std::mem::size_of::<SuperPayload>(),
    0,
    TypeFlags(0),
    209,
    super_dealloc,
    None,
    Slots {
        repr: crate::types::typeobject::slot(super_repr as UnaryFn),
        getattr: crate::types::typeobject::slot(super_getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// `cls.__subclasses__()`: the live direct heap subclasses.
fn type_subclasses(
    s: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let ty = s.and_then(as_type).expect("a type");
    let subs: Vec<Object> = ty
        .subclasses
        .borrow()
        .iter()
        // SAFETY: a heap type's subclass list holds only live types: each removes itself from its
        // base's list when it is freed (docs/vm.md, "Version tags and the method cache").
        .map(|p| unsafe { p.as_ref() }.as_object().to_owned())
        .collect();
    Ok(crate::types::list::new_list(subs))
}
