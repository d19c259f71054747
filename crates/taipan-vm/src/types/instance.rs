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
use crate::types::heaptype::InstanceLayout;
use crate::types::instance_values::{
    KeyAt, ValueLookup, Values, dict_payload, materialize, shared_key_index, values_get, values_set,
};
pub(crate) use crate::types::instance_values::{
    attr_absent, attr_index, attr_store_at, attr_value_at,
};
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

/// The payload of an instance of a Python class deriving from `object`; also the side-table
/// entry of an instance of a class deriving from a built-in type (see `EXTRAS`).
///
/// A class instance with a `__dict__` keeps its attributes in one of two ways (PEP 412's
/// key-sharing dicts; docs/vm.md, "Shared-key instance attributes"):
/// - **values**: `dict` is `None`; `values` holds the attribute named `type.shared_keys[i]` at
///   index `i` (`None` where the instance lacks it) and the indexes in insertion order (the
///   order a dict would show);
/// - **dict**: `dict` holds the `__dict__` and `values` is empty. Once made (`__dict__` asked
///   for, a non-str name, a name beyond the shared table's limit, `__class__` assigned), the
///   dict stays.
#[derive(Default)]
pub struct InstancePayload {
    /// `__dict__` once materialised (only used when the class has `HAS_DICT`).
    pub dict: RefCell<Option<Object>>,
    /// The attribute values in the type's shared-key order while `dict` is `None`. Accessed only
    /// through `with_values` (docs/vm.md, "Interior mutability").
    pub(crate) values: std::cell::UnsafeCell<Values>,
    /// `__slots__` values by index (member descriptors), grown on first store.
    pub slots: RefCell<Vec<Option<Object>>>,
}

/// The `__dict__` and `__slots__` values of instances of classes deriving from a built-in
/// type other than `object` (whose payload is the built-in's), by object address. The entry
/// is made on first use and removed by `extra_dealloc` before the built-in's deallocator runs.
static EXTRAS: crate::gil::GilLazy<
    RefCell<std::collections::HashMap<usize, std::rc::Rc<InstancePayload>>>,
> = crate::gil::GilLazy::new(|| RefCell::new(std::collections::HashMap::new()));

/// The side-table entry of an instance of a class deriving from a built-in type, made if asked.
fn extra_of(o: ObjectRef<'_>, create: bool) -> Option<std::rc::Rc<InstancePayload>> {
    let key = o.raw().as_ptr() as usize;
    EXTRAS.with(|m| {
        let mut m = m.borrow_mut();
        if create { Some(m.entry(key).or_default().clone()) } else { m.get(&key).cloned() }
    })
}

/// Whether `ty`'s instances keep `__dict__`/`__slots__` values in the side table.
fn uses_extras(ty: &PyType) -> bool {
    ty.dealloc as usize == extra_dealloc as crate::types::typeobject::DeallocFn as usize
}

/// # Safety
/// Called only by the deallocation path on a dead instance of a class whose layout is a
/// built-in's plus a side-table entry (`layout_for`).
pub(crate) unsafe fn extra_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: the header of a dead object stays readable until it is freed, and its type is
    // alive until the inner deallocator drops the instance's reference (docs/vm.md, "Types and
    // slots"); the inner deallocator is the built-in layout's own.
    unsafe {
        let mut t: &PyType = &*obj.as_ref().type_ptr();
        while t.dealloc as usize == extra_dealloc as crate::types::typeobject::DeallocFn as usize {
            t = t.base().expect("a built-in layout below");
        }
        let inner = t.dealloc;
        let key = obj.as_ptr() as usize;
        let extra = EXTRAS.with(|m| m.borrow_mut().remove(&key));
        inner(obj);
        drop(extra);
    }
}

fn extra_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let mut t = o.type_();
    while t.dealloc as usize == extra_dealloc as crate::types::typeobject::DeallocFn as usize {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    if let Some(inner) = t.traverse {
        inner(o, visit);
    }
    if let Some(e) = extra_of(o, false) {
        if let Some(d) = e.dict.borrow().as_ref() {
            visit(d.as_ref());
        }
        for v in e.slots.borrow().iter().flatten() {
            visit(v.as_ref());
        }
    }
}

/// The instance layout of a new class with layout base `base`: `None` to share the base's.
pub(crate) fn layout_for(base: &PyType, add_dict: bool, own_slots: bool) -> Option<InstanceLayout> {
    if std::ptr::eq(base, &OBJECT_TYPE.0) {
        return Some(InstanceLayout {
            basicsize: std::mem::size_of::<InstancePayload>(),
            dealloc: instance_dealloc,
            traverse: Some(instance_traverse),
            flags: TypeFlags(TypeFlags::HAVE_GC.0 | INSTANCE_DICT.0),
        });
    }
    if base.has_flag(INSTANCE_DICT) || uses_extras(base) {
        return None;
    }
    // Exceptions and `_io` objects carry their `__dict__` in their payload.
    let exc = base.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0)
        || base.is_subtype(&crate::modules::io::iobase::IOBASE.0);
    if (add_dict && !exc) || own_slots {
        return Some(InstanceLayout {
            basicsize: base.basicsize,
            dealloc: extra_dealloc,
            traverse: Some(extra_traverse),
            flags: TypeFlags(0),
        });
    }
    None
}

/// Runs `f` on the `__slots__` storage of `o`, if its class has any.
pub fn with_slot_storage<R>(
    o: ObjectRef<'_>,
    f: impl FnOnce(&RefCell<Vec<Option<Object>>>) -> R,
) -> Option<R> {
    if let Some(p) = instance_payload(o) {
        return Some(f(&p.slots));
    }
    if !o.is_small_int() && uses_extras(o.type_()) {
        let e = extra_of(o, true)?;
        return Some(f(&e.slots));
    }
    None
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

pub(crate) fn instance_payload(o: ObjectRef<'_>) -> Option<&InstancePayload> {
    if o.is_small_int() || !o.type_().has_flag(INSTANCE_DICT) {
        return None;
    }
    // SAFETY: the INSTANCE_DICT flag is set only on types made by `new_class` with an
    // `InstancePayload` layout and their subclasses, which share it (docs/vm.md, "Object
    // layout").
    Some(unsafe { o.payload_unchecked::<InstancePayload>() })
}

/// The value in slot `ix` of a class instance's `__slots__` storage (`None` when the object is
/// not an instance with inline slot storage, or the slot is empty). Runs no Python code: the
/// eval loop's inline caches read `__slots__` members with it.
#[inline]
pub(crate) fn inline_slot_value(o: ObjectRef<'_>, ix: usize) -> Option<Object> {
    instance_payload(o)?.slots.borrow().get(ix).cloned().flatten()
}

/// Stores `v` in slot `ix` of a class instance's inline `__slots__` storage, returning the old
/// value (to be dropped by the caller, outside the borrow); `Err(v)` when the object has no
/// inline slot storage. Runs no Python code.
#[inline(always)]
pub(crate) fn inline_slot_store(
    o: ObjectRef<'_>,
    ix: usize,
    v: Object,
) -> Result<Option<Object>, Object> {
    let Some(p) = instance_payload(o) else { return Err(v) };
    let mut s = p.slots.borrow_mut();
    if s.len() <= ix {
        s.resize(ix + 1, None);
    }
    Ok(std::mem::replace(&mut s[ix], Some(v)))
}

/// Where an object's `__dict__` lives: in its payload, or in the side table.
enum DictCell<'a> {
    Inline(&'a RefCell<Option<Object>>),
    Extra(std::rc::Rc<InstancePayload>),
}

impl DictCell<'_> {
    fn cell(&self) -> &RefCell<Option<Object>> {
        match self {
            DictCell::Inline(c) => c,
            DictCell::Extra(e) => &e.dict,
        }
    }

    fn borrow(&self) -> std::cell::Ref<'_, Option<Object>> {
        self.cell().borrow()
    }
}

/// The `__dict__` cell of an object that has one (class instances and exceptions).
fn dict_cell(o: ObjectRef<'_>) -> Option<DictCell<'_>> {
    if o.is_small_int() {
        return None;
    }
    let ty = o.type_();
    if let Some(p) = instance_payload(o) {
        return ty.has_flag(crate::types::classnew::HAS_DICT).then_some(DictCell::Inline(&p.dict));
    }
    if let Some(p) = o.payload::<ExcPayload>() {
        return Some(DictCell::Inline(&p.dict));
    }
    if let Some(c) = crate::modules::io::dict_cell(o) {
        return Some(DictCell::Inline(c));
    }
    if ty.has_flag(crate::types::classnew::HAS_DICT) && uses_extras(ty) {
        return extra_of(o, true).map(DictCell::Extra);
    }
    None
}

/// The instance's `__dict__`, made if missing (from the values of a shared-key instance);
/// `None` for objects without one.
pub fn instance_dict(o: ObjectRef<'_>) -> Option<Object> {
    if let Some(p) = dict_payload(o) {
        return Some(materialize(o.type_(), p));
    }
    dict_cell(o).map(|c| c.cell().borrow_mut().get_or_insert_with(new_dict).clone())
}

/// The `clear` slot of class instances: drops the `__dict__` and the `__slots__` values (the
/// collector breaking a cycle).
pub(crate) fn instance_clear(o: ObjectRef<'_>) {
    if let Some(p) = instance_payload(o) {
        let d = p.dict.borrow_mut().take();
        drop(d);
        let vals = p.with_values(std::mem::take);
        drop(vals);
        let v = std::mem::take(&mut *p.slots.borrow_mut());
        drop(v);
    }
}

/// The `clear` slot of instances of classes deriving from a built-in type: the built-in's own
/// `clear`, then the side-table entry's dict and slot values.
fn extra_clear(o: ObjectRef<'_>) {
    let mut t = o.type_();
    while uses_extras(t) {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    if let Some(inner) = t.slots.clear.get() {
        inner(o);
    }
    if let Some(e) = extra_of(o, false) {
        let d = e.dict.borrow_mut().take();
        drop(d);
        let v = std::mem::take(&mut *e.slots.borrow_mut());
        drop(v);
    }
}

/// Whether `name` is in the instance's own `__dict__`.
pub fn instance_dict_has(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(p) = dict_payload(o) {
        match values_get(o.type_(), p, name) {
            ValueLookup::Found(_) => return Ok(true),
            ValueLookup::Absent => return Ok(false),
            ValueLookup::UseDict => {
                let d = materialize(o.type_(), p);
                return as_dict(d.as_ref()).expect("dict").contains(name);
            }
        }
    }
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

/// Attribute lookup on instances of a Python subclass of `module`: the module's own lookup (its
/// dict, a PEP 562 `__getattr__` in it), then the class's `__getattr__`.
fn module_subclass_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match crate::types::module::module_getattr(o, name) {
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => match getattr_hook(o, name)? {
            Some(v) => Ok(v),
            None => Err(e),
        },
        r => r,
    }
}

/// `getattr(o, name, default)` on an instance of a Python class (its type's `getattr` slot is
/// `instance_getattr`): `Ok(None)` where `instance_getattr` would raise AttributeError because
/// nothing has the attribute, without making the exception (`getattr` with a default and
/// `hasattr` discard it). An AttributeError raised by a descriptor or `__getattr__` still
/// propagates, as in `instance_getattr`.
pub fn instance_getattr_opt(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    match instance_lookup(o, name) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => getattr_hook(o, name),
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => match getattr_hook(o, name)? {
            Some(v) => Ok(Some(v)),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// `PyObject_GenericGetAttr` with an instance dict.
fn instance_getattr_no_hook(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match instance_lookup(o, name)? {
        Some(v) => Ok(v),
        None => Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute '{}'", o.type_().name(), attr_text(name)),
        )),
    }
}

/// The generic lookup with an instance dict: `Ok(None)` when nothing has the attribute.
fn instance_lookup(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let ty = o.type_();
    let attr = type_lookup(ty, name)?;
    if let Some(a) = &attr
        && a.type_().slots.descr_set.get().is_some()
        && let Some(get) = a.type_().slots.descr_get.get()
    {
        return get(a.as_ref(), Some(o), Some(ty.as_object())).map(Some);
    }
    let d = match dict_payload(o) {
        Some(p) => match values_get(ty, p, name) {
            ValueLookup::Found(v) => return Ok(Some(v)),
            ValueLookup::Absent => None,
            ValueLookup::UseDict => Some(materialize(ty, p)),
        },
        None => dict_cell(o).and_then(|c| c.borrow().clone()),
    };
    if let Some(d) = d
        && let Some(v) = as_dict(d.as_ref()).expect("dict").get_item(name)?
    {
        return Ok(Some(v));
    }
    if let Some(a) = attr {
        return match a.type_().slots.descr_get.get() {
            Some(get) => get(a.as_ref(), Some(o), Some(ty.as_object())).map(Some),
            None => Ok(Some(a)),
        };
    }
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__dict__") => {
            if let Some(d) = instance_dict(o) {
                return Ok(Some(d));
            }
        }
        Some("__class__") => return Ok(Some(ty.as_object().to_owned())),
        Some("__weakref__") if crate::types::weakref::weakrefable(ty) => {
            let first = crate::types::weakref::weakrefs_of(o).into_iter().next();
            return Ok(Some(first.unwrap_or_else(none)));
        }
        _ => {}
    }
    Ok(None)
}

/// The getter of the `__dict__` getset a class gets when it adds a `__dict__` to its instances.
pub(crate) fn dict_descr_get(o: ObjectRef<'_>) -> PyResult<Object> {
    instance_dict(o)
        .ok_or_else(|| PyErr::new(&ATTRIBUTE_ERROR, "This object has no __dict__".to_string()))
}

/// The setter of that `__dict__` getset.
pub(crate) fn dict_descr_set(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    if set_dict(o, v)? {
        return Ok(());
    }
    Err(PyErr::new(&ATTRIBUTE_ERROR, "This object has no __dict__".to_string()))
}

/// The getter of the `__weakref__` getset: the first weak reference to the object, or None.
pub(crate) fn weakref_descr_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::weakref::weakrefs_of(o).into_iter().next().unwrap_or_else(none))
}

/// An exception's instance-dict entry `name`, if set.
fn exc_dict_attr(p: &ExcPayload, name: &str) -> Option<Object> {
    let d = p.dict.borrow().clone()?;
    crate::types::dict::as_dict(d.as_ref())?.get_str(name).ok().flatten()
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
            // Exception groups' `message` and `exceptions` (`types/exception_group.rs`).
            "message" | "exceptions" if p.group.borrow().is_some() => {
                let g = p.group.borrow().clone().expect("group");
                let items = crate::types::tuple::tuple_items(g.as_ref()).unwrap_or(&[]);
                let i = usize::from(s == "exceptions");
                return Ok(items.get(i).cloned().unwrap_or_else(none));
            }
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
            "msg"
            | "filename"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "print_file_and_line"
                if o.type_().is_subtype(&crate::types::exceptions::SYNTAX_ERROR.0) =>
            {
                if let Some(v) = exc_dict_attr(p, s) {
                    return Ok(v);
                }
                return Ok(crate::types::exceptions::syntax_error_field(&p.args(), s));
            }
            "encoding" | "object" | "start" | "end" | "reason"
                if o.type_().is_subtype(&crate::types::exceptions::UNICODE_ERROR.0) =>
            {
                if let Some(v) = exc_dict_attr(p, s) {
                    return Ok(v);
                }
                if let Some(v) = crate::types::exceptions::unicode_error_field(o, &p.args(), s) {
                    return Ok(v);
                }
            }
            "code" if o.type_().is_subtype(&crate::types::exceptions::SYSTEM_EXIT.0) => {
                if let Some(v) = exc_dict_attr(p, s) {
                    return Ok(v);
                }
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
            .or_else(|e| crate::import::import_error_attr(o, s).ok_or(e))
            .or_else(|e| {
                let ty = o.type_();
                let unset = (s == "name"
                    && (ty.is_subtype(&crate::types::exceptions::NAME_ERROR.0)
                        || ty.is_subtype(&crate::types::exceptions::ATTRIBUTE_ERROR.0)))
                    || (s == "obj" && ty.is_subtype(&crate::types::exceptions::ATTRIBUTE_ERROR.0));
                if unset { Ok(none()) } else { Err(e) }
            });
    }
    instance_getattr(o, name)
}

/// Whether `name` is one of the member attributes CPython's exception type `ty` stores in its
/// struct (they exist, as None, even when unset or deleted).
fn exc_member_field(ty: &PyType, name: &str) -> bool {
    use crate::types::exceptions::*;
    let fields: &[(&PyType, &[&str])] = &[
        (&SYSTEM_EXIT.0, &["code"]),
        (&STOP_ITERATION.0, &["value"]),
        (&IMPORT_ERROR.0, &["msg", "name", "path", "name_from"]),
        (
            &SYNTAX_ERROR.0,
            &[
                "msg",
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
                "print_file_and_line",
                "_metadata",
            ],
        ),
        (&OS_ERROR.0, &["errno", "strerror", "filename", "filename2"]),
        (&UNICODE_ERROR.0, &["encoding", "object", "start", "end", "reason"]),
        (&NAME_ERROR.0, &["name"]),
        (&ATTRIBUTE_ERROR.0, &["name", "obj"]),
    ];
    fields.iter().any(|(t, names)| names.contains(&name) && ty.is_subtype(t))
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
        if v.is_none() && matches!(s, "__cause__" | "__context__") {
            return Err(PyErr::type_error(format!("{s} may not be deleted")));
        }
        if v.is_none() && exc_member_field(o.type_(), s) {
            // A deleted member reads as None afterwards, as CPython's emptied member slots do.
            return instance_setattr_dict(o, name, Some(none().as_ref()));
        }
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
            "__traceback__" => {
                crate::types::traceback_obj::set_traceback(o, v)?;
                None
            }
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

/// `obj.__class__ = cls` for instances of Python classes with the same layout.
fn set_class(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new) = as_type(v) else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            v.type_().name()
        )));
    };
    let old = o.type_();
    let heap = crate::types::typeobject::TypeFlags::HEAPTYPE;
    if !new.has_flag(heap) || !old.has_flag(heap) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let layout_flags = INSTANCE_DICT.0 | crate::types::classnew::HAS_DICT.0;
    let same = old.dealloc as usize == new.dealloc as usize
        && old.basicsize == new.basicsize
        && old.itemsize == new.itemsize
        && old.is_gc() == new.is_gc()
        && old.flags.0 & layout_flags == new.flags.0 & layout_flags
        && old.nslots.get() == new.nslots.get();
    // The solid bases may differ when both add the same slots to the same base (CPython's
    // `same_slots_added`): `check_compatible` decides that.
    if !same || crate::types::typeset::check_compatible(old, new, "__class__").is_err() {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    // Values are indexed by the old class's shared keys: move them into a real dict first.
    if let Some(p) = dict_payload(o)
        && !p.with_values(|v| v.is_empty())
    {
        materialize(old, p);
    }
    let header = o.header().expect("a heap object");
    // SAFETY: both classes are heap types with the same deallocator, payload size, layout flags
    // and slot count, so the payload is laid out as the new class's instances are (docs/vm.md,
    // "Object layout"); the old type's reference is released below, after the swap.
    let old_ptr = unsafe { header.swap_type(new) };
    // SAFETY: we own the reference the object held to its old type; nothing borrowed from it is
    // used after this point.
    unsafe { crate::types::typeobject::decref_type_if_heap(old_ptr) };
    Ok(())
}

/// `obj.__dict__ = d`.
fn set_dict(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<bool> {
    let Some(c) = dict_cell(o) else { return Ok(false) };
    // Deleting a class instance's `__dict__` empties it: the next read or store starts a new one.
    let fresh;
    let v = match v {
        Some(v) => v,
        None if instance_payload(o).is_some() => {
            fresh = crate::types::dict::new_dict();
            fresh.as_ref()
        }
        None => return Err(PyErr::type_error("cannot delete __dict__")),
    };
    if as_dict(v).is_none() {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.type_().name()
        )));
    }
    let old = c.cell().replace(Some(v.to_owned()));
    let old_values = instance_payload(o).map(|p| p.with_values(std::mem::take));
    drop(old);
    drop(old_values);
    Ok(true)
}

fn instance_setattr_dict(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__class__") => return set_class(o, v),
        Some("__dict__") => {
            if set_dict(o, v)? {
                return Ok(());
            }
        }
        _ => {}
    }
    let ty = o.type_();
    let attr = type_lookup(ty, name)?;
    if let Some(a) = &attr
        && let Some(set) = a.type_().slots.descr_set.get()
    {
        return set(a.as_ref(), o, v);
    }
    if let Some(p) = dict_payload(o)
        && v.is_none()
        && p.in_values_mode()
    {
        let removed = match shared_key_index(ty, name) {
            KeyAt::At(i) => Some(p.with_values(|vals| vals.remove(i))),
            KeyAt::Absent => Some(None),
            KeyAt::Unsupported => None,
        };
        match removed {
            Some(Some(old)) => {
                drop(old);
                return Ok(());
            }
            Some(None) => {
                return Err(PyErr::new(
                    &ATTRIBUTE_ERROR,
                    format!("'{}' object has no attribute '{}'", ty.name(), attr_text(name)),
                ));
            }
            None => {}
        }
    }
    if let Some(p) = dict_payload(o)
        && let Some(v) = v
    {
        match values_set(ty, p, name, v.to_owned()) {
            Ok(old) => {
                drop(old);
                return Ok(());
            }
            Err(v) => {
                let d = materialize(ty, p);
                return as_dict(d.as_ref()).expect("dict").set_item(name.to_owned(), v);
            }
        }
    }
    let Some(d) = instance_dict(o) else {
        if attr.is_some() {
            return Err(PyErr::new(
                &ATTRIBUTE_ERROR,
                format!("'{}' object attribute '{}' is read-only", ty.name(), attr_text(name)),
            ));
        }
        return Err(PyErr::new(
            &ATTRIBUTE_ERROR,
            format!(
                "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                ty.name(),
                attr_text(name)
            ),
        ));
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
                "__name__" => new_str(ty.name().rsplit('.').next().unwrap_or(ty.name())),
                "__qualname__" => match ty.qualname.take() {
                    Some(q) => {
                        ty.qualname.set(Some(q.clone()));
                        q
                    }
                    None => new_str(ty.name().rsplit('.').next().unwrap_or(ty.name())),
                },
                // `type.__module__` of a heap type is its dict's entry: missing, it stays an error.
                "__module__" => return Err(e),
                "__doc__" => none(),
                "__base__" => ty.base().map_or_else(none, |b| b.as_object().to_owned()),
                "__bases__" => crate::types::classnew::bases_of(ty),
                "__mro__" => crate::types::tuple::new_tuple(crate::types::classnew::mro_of(ty)),
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
    call_attr_kw(f, o, args, None)
}

/// Calls `f`, found on `type(o)`, as a method of `o`: a descriptor is bound first, anything
/// else (a class stored as `__call__ = dict`) is called without `o`.
fn call_attr_kw(
    f: Object,
    o: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if as_function(f.as_ref()).is_some() {
        return crate::eval::call_python(f.as_ref(), Some(o), args, kwnames);
    }
    match f.type_().slots.descr_get.get() {
        Some(get) => {
            let bound = get(f.as_ref(), Some(o), Some(o.type_().as_object()))?;
            crate::ops::call(bound.as_ref(), args, kwnames)
        }
        None => crate::ops::call(f.as_ref(), args, kwnames),
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

/// Calls the dunder a slot stands for; a dunder set to `None` is called like any other value
/// ("'NoneType' object is not callable"), as CPython's slot functions do.
fn must_call(o: ObjectRef<'_>, name: &str, args: &[Object]) -> PyResult<Object> {
    match type_lookup(o.type_(), intern(name).as_ref())? {
        Some(f) if is_none(f.as_ref()) => {
            Err(PyErr::type_error("'NoneType' object is not callable"))
        }
        Some(f) => call_attr(f, o, args),
        None => {
            Err(PyErr::type_error(format!("'{}' object has no method {name}", o.type_().name())))
        }
    }
}

/// Whether `o`'s class sets the dunder `name` to `None` (which blocks the operation).
pub(crate) fn dunder_is_none(o: ObjectRef<'_>, name: &str) -> PyResult<bool> {
    Ok(type_lookup(o.type_(), intern(name).as_ref())?.is_some_and(|f| is_none(f.as_ref())))
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
    if dunder_is_none(o, "__contains__")? {
        return Err(PyErr::type_error(format!("'{}' object is not a container", o.type_().name())));
    }
    let r = must_call(o, "__contains__", &[k.to_owned()])?;
    crate::ops::is_true(r.as_ref())
}

fn slot_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    if dunder_is_none(o, "__iter__")? {
        return Err(PyErr::type_error(format!("'{}' object is not iterable", o.type_().name())));
    }
    must_call(o, "__iter__", &[])
}

fn slot_seq_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let pos = std::rc::Rc::new(crate::types::native_iter::SeqPos {
        seq: o.to_owned(),
        index: std::cell::Cell::new(0),
    });
    let p = pos.clone();
    let it = crate::types::native_iter::new_positioned_iter(
        &crate::types::native_iter::SEQ_ITER_TYPE,
        pos,
        Box::new(move || {
            let i = p.index.get();
            let key = crate::types::int::new_int_i64(i);
            match crate::ops::getitem(p.seq.as_ref(), key.as_ref()) {
                Ok(v) => {
                    p.index.set(i + 1);
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
    );
    Ok(crate::types::native_iter::with_reduce(it, Box::new(crate::types::native_iter::seq_reduce)))
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
    call_attr_kw(f, o, args, kwnames)
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
    if as_type(o).is_some() {
        return type_setattr(o, name, v);
    }
    if o.type_().has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) || dict_cell(o).is_some() {
        return instance_setattr(o, name, v);
    }
    crate::attr::setattr(o, name, v)
}

/// `setattr` on a class object (CPython's `type_setattro`): built-in types refuse, a data
/// descriptor of the metaclass (`__name__`, `__bases__`, ...) wins, else the class's dict.
pub fn type_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    if let Some(t) = as_type(o)
        && !crate::types::typeset::is_mutable_type(t)
    {
        return Err(PyErr::type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            attr_text(name),
            t.name()
        )));
    }
    let meta = o.type_();
    if let Some(a) = type_lookup(meta, name)?
        && let Some(set) = a.type_().slots.descr_set.get()
    {
        return set(a.as_ref(), o, v);
    }
    let n = attr_text(name);
    match v {
        Some(v) => crate::types::heaptype::set_type_attr(o, &n, v.to_owned()),
        None => crate::types::heaptype::del_type_attr(o, &n),
    }
}

/// `object.__getattribute__`: the generic lookup, bypassing a class's own `__getattribute__`.
pub fn generic_getattribute(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if o.payload::<ExcPayload>().is_some() {
        return exception_getattr(o, name);
    }
    if as_type(o).is_some() {
        return type_getattr(o, name);
    }
    if o.type_().has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) || dict_cell(o).is_some() {
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
    if dunder_is_none(o, "__bool__")? {
        return Err(PyErr::type_error(format!(
            "'{}' cannot be interpreted as a boolean",
            o.type_().name()
        )));
    }
    if let Some(r) = call_dunder(o, "__bool__", &[])? {
        return match crate::types::bool::bool_value(r.as_ref()) {
            Some(b) => Ok(b),
            None => Err(PyErr::type_error(format!(
                "__bool__ should return bool, returned {}",
                r.type_().name()
            ))),
        };
    }
    if type_lookup(o.type_(), intern("__len__").as_ref())?.is_some() {
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
    binary_dunder_extra(a, b, op, rop, None)
}

/// `binary_dunder` with an extra trailing argument for both dunders (three-argument `pow`,
/// which CPython 3.14 also reflects to `__rpow__`).
fn binary_dunder_extra(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: &str,
    rop: &str,
    extra: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let with = |x: ObjectRef<'_>| -> Vec<Object> {
        let mut v = vec![x.to_owned()];
        v.extend(extra.map(|e| e.to_owned()));
        v
    };
    let (ta, tb) = (a.type_(), b.type_());
    // Only a Python class's dunders: a built-in operand's own slot has already been tried.
    let a_has = ta.has_flag(TypeFlags::HEAPTYPE)
        && type_lookup(ta, intern(op).as_ref())?.is_some_and(|f| !is_none(f.as_ref()));
    let mut b_has = !std::ptr::eq(ta, tb)
        && tb.has_flag(TypeFlags::HEAPTYPE)
        && type_lookup(tb, intern(rop).as_ref())?.is_some_and(|f| !is_none(f.as_ref()));
    if a_has {
        if b_has && tb.is_subtype(ta) {
            let r = must_call(b, rop, &with(a))?;
            if !is_not_implemented(r.as_ref()) {
                return Ok(r);
            }
            b_has = false;
        }
        let r = must_call(a, op, &with(b))?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    if b_has {
        return must_call(b, rop, &with(a));
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

fn slot_pow(a: ObjectRef<'_>, b: ObjectRef<'_>, m: Option<ObjectRef<'_>>) -> PyResult<Object> {
    binary_dunder_extra(a, b, "__pow__", "__rpow__", m.filter(|m| !is_none(*m)))
}

/// Points the slots of a class at the dispatchers of the dunders found along its MRO in a Python
/// class's dict; slots whose dunder is absent or only native keep the layout base's (CPython's
/// `fixup_slot_dispatchers`). Called when a class is made and when a dunder is assigned.
pub(crate) fn fixup_slots(ty: &PyType) {
    let heap_found = |n: &str| -> Option<Object> {
        match crate::types::typelookup::lookup_with_owner(ty, intern(n).as_ref()) {
            Ok(Some((v, owner)))
                if as_type(owner.as_ref())
                    .is_some_and(|o| o.has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE)) =>
            {
                Some(v)
            }
            _ => None,
        }
    };
    let has = |n: &str| heap_found(n).is_some();
    let s = &ty.slots;
    let Some(b) = ty.base() else { return };
    let bs = &b.slots;
    macro_rules! pick {
        ($slot:ident, $cond:expr, $f:expr) => {
            s.$slot.set(if $cond { Some($f) } else { bs.$slot.get() })
        };
    }
    pick!(repr, has("__repr__"), slot_repr as UnaryFn);
    pick!(
        finalize,
        has("__del__"),
        crate::gc::finalize::slot_del as crate::types::typeobject::FinalizeFn
    );
    if ty.has_flag(INSTANCE_DICT) {
        s.clear.set(Some(instance_clear as crate::types::typeobject::ClearFn));
    } else if uses_extras(ty) {
        s.clear.set(Some(extra_clear as crate::types::typeobject::ClearFn));
    } else {
        s.clear.set(bs.clear.get());
    }
    pick!(str, has("__str__"), slot_str as UnaryFn);
    let cmp = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    pick!(richcompare, cmp.iter().any(|n| has(n)), slot_richcompare as RichCompareFn);
    match heap_found("__hash__") {
        Some(h) if is_none(h.as_ref()) => s.hash.set(None),
        Some(_) => s.hash.set(Some(slot_hash as HashFn)),
        None => s.hash.set(bs.hash.get()),
    }
    let len = has("__len__");
    pick!(sq_length, len, slot_len as LenFn);
    pick!(mp_length, len, slot_len as LenFn);
    let getitem = has("__getitem__");
    if getitem {
        s.mp_subscript.set(Some(slot_getitem as BinaryFn));
    } else if has("__missing__") && ty.is_subtype(&crate::types::dict::DICT_TYPE.0) {
        s.mp_subscript.set(Some(slot_dict_missing as BinaryFn));
    } else {
        s.mp_subscript.set(bs.mp_subscript.get());
    }
    pick!(
        mp_ass_subscript,
        has("__setitem__") || has("__delitem__"),
        slot_setitem as crate::types::typeobject::AssSubscriptFn
    );
    pick!(sq_contains, has("__contains__"), slot_contains as ContainsFn);
    if has("__iter__") {
        s.iter.set(Some(slot_iter as UnaryFn));
    } else if getitem && bs.iter.get().is_none() {
        // The old sequence protocol: iterate by index until IndexError.
        s.iter.set(Some(slot_seq_iter as UnaryFn));
    } else {
        s.iter.set(bs.iter.get());
    }
    pick!(iternext, has("__next__"), slot_next as IterNextFn);
    pick!(descr_get, has("__get__"), slot_descr_get as crate::types::typeobject::DescrGetFn);
    pick!(
        descr_set,
        has("__set__") || has("__delete__"),
        slot_descr_set as crate::types::typeobject::DescrSetFn
    );
    pick!(call, has("__call__"), slot_call as CallFn);
    pick!(nb_bool, has("__bool__") || len, slot_bool as InquiryFn);
    let is_type = ty.is_subtype(&crate::types::typeobject::TYPE_TYPE.0);
    let is_exc = ty.is_subtype(&crate::types::exceptions::BASE_EXCEPTION.0);
    let is_module = ty.is_subtype(&crate::types::module::MODULE_TYPE.0);
    if has("__getattribute__") {
        s.getattr.set(Some(slot_getattribute as GetAttrFn));
    } else if is_type {
        s.getattr.set(Some(if has("__getattr__") {
            meta_getattr_hook as GetAttrFn
        } else {
            type_getattr as GetAttrFn
        }));
    } else if is_exc {
        s.getattr.set(Some(exception_getattr as GetAttrFn));
    } else if is_module {
        s.getattr.set(Some(module_subclass_getattr as GetAttrFn));
    } else if ty.is_subtype(&crate::types::genericalias::GENERIC_ALIAS_TYPE.0) {
        // CPython's GenericAlias subclasses keep its `tp_getattro`: attributes come from the
        // origin, not from the subclass or an instance dict.
        s.getattr.set(bs.getattr.get());
    } else {
        s.getattr.set(Some(instance_getattr as GetAttrFn));
    }
    if has("__setattr__") || has("__delattr__") {
        s.setattr.set(Some(slot_setattr as SetAttrFn));
    } else if is_type {
        s.setattr.set(Some(type_setattr as SetAttrFn));
    } else if is_module {
        s.setattr.set(Some(crate::types::module::module_setattr as SetAttrFn));
    } else {
        s.setattr.set(Some(instance_setattr as SetAttrFn));
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
    let base_unary = [
        bs.nb_negative.get(),
        bs.nb_positive.get(),
        bs.nb_absolute.get(),
        bs.nb_invert.get(),
        bs.nb_index.get(),
        bs.nb_int.get(),
        bs.nb_float.get(),
    ];
    for ((n, slot, f), inherited) in unary.into_iter().zip(base_unary) {
        slot.set(if has(n) { Some(f) } else { inherited });
    }
    let binary: [(
        &str,
        &str,
        &crate::types::typeobject::Slot<BinaryFn>,
        BinaryFn,
        Option<BinaryFn>,
    ); 12] = [
        ("__add__", "__radd__", &s.nb_add, slot_add, bs.nb_add.get()),
        ("__sub__", "__rsub__", &s.nb_subtract, slot_sub, bs.nb_subtract.get()),
        ("__mul__", "__rmul__", &s.nb_multiply, slot_mul, bs.nb_multiply.get()),
        ("__truediv__", "__rtruediv__", &s.nb_true_divide, slot_truediv, bs.nb_true_divide.get()),
        (
            "__floordiv__",
            "__rfloordiv__",
            &s.nb_floor_divide,
            slot_floordiv,
            bs.nb_floor_divide.get(),
        ),
        ("__mod__", "__rmod__", &s.nb_remainder, slot_mod, bs.nb_remainder.get()),
        ("__lshift__", "__rlshift__", &s.nb_lshift, slot_lshift, bs.nb_lshift.get()),
        ("__rshift__", "__rrshift__", &s.nb_rshift, slot_rshift, bs.nb_rshift.get()),
        ("__and__", "__rand__", &s.nb_and, slot_and, bs.nb_and.get()),
        ("__or__", "__ror__", &s.nb_or, slot_or, bs.nb_or.get()),
        ("__xor__", "__rxor__", &s.nb_xor, slot_xor, bs.nb_xor.get()),
        ("__divmod__", "__rdivmod__", &s.nb_divmod, slot_divmod, bs.nb_divmod.get()),
    ];
    for (n, rn, slot, f, inherited) in binary {
        slot.set(if has(n) || has(rn) { Some(f) } else { inherited });
    }
    pick!(nb_power, has("__pow__") || has("__rpow__"), slot_pow);
}

/// A metaclass's `getattr` slot when it defines `__getattr__`: the class lookup, then the hook.
fn meta_getattr_hook(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match type_getattr(o, name) {
        Err(e) if e.matches(&ATTRIBUTE_ERROR) => match getattr_hook(o, name)? {
            Some(v) => Ok(v),
            None => Err(e),
        },
        r => r,
    }
}

/// Calls `o.name(*args)` with the method found on `type(o)`.
pub fn call_method(o: ObjectRef<'_>, name: &str, args: &[Object]) -> PyResult<Object> {
    must_call(o, name, args)
}

/// Calls an attribute found on a type with `o` as `self`.
pub fn call_attr_pub(f: Object, o: ObjectRef<'_>, args: &[Object]) -> PyResult<Object> {
    call_attr(f, o, args)
}

/// `type(name, bases, ns)` for native callers (the class `sys.flags` and friends).
pub fn new_class(name: &str, bases: &[Object], ns: ObjectRef<'_>) -> PyResult<Object> {
    crate::types::classnew::type_new(
        &crate::types::typeobject::TYPE_TYPE.0,
        &[new_str(name), crate::types::tuple::new_tuple(bases.to_vec()), ns.to_owned()],
        None,
    )
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
        // Room for the attributes earlier instances had, so `__init__` does not regrow it.
        let n = ty.shared_keys.borrow().len();
        crate::object::alloc::payload_ptr::<InstancePayload>(raw).as_ptr().write(InstancePayload {
            values: std::cell::UnsafeCell::new(Values::with_capacity(n)),
            ..InstancePayload::default()
        });
        Some(Object::from_raw(raw))
    }
}

fn instance_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(p) = instance_payload(o) {
        if let Some(d) = p.dict.borrow().as_ref() {
            visit(d.as_ref());
        }
        // SAFETY: a shared borrow for the walk: `visit` only reads the objects (it runs no
        // Python code and releases nothing), so the array does not change meanwhile (docs/vm.md,
        // "Interior mutability").
        for v in unsafe { &*p.values.get() }.vals.iter().flatten() {
            visit(v.as_ref());
        }
        for v in p.slots.borrow().iter().flatten() {
            visit(v.as_ref());
        }
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
