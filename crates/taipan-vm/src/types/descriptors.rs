//! `property`, `classmethod` and `staticmethod`: descriptors written in Rust whose `descr_get`
//! (and, for properties, `descr_set`) slots implement CPython's binding rules.

use std::cell::RefCell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::function::new_method_descriptor;
use crate::types::pyfunction::new_method;
use crate::types::singletons::{is_none, none};
use crate::types::str::Str;
use crate::types::typeobject::{
    DescrGetFn, DescrSetFn, GetAttrFn, PyType, Slots, StaticType, TypeFlags, slot,
};

pub struct PropertyPayload {
    fget: RefCell<Option<Object>>,
    fset: RefCell<Option<Object>>,
    fdel: RefCell<Option<Object>>,
    doc: RefCell<Option<Object>>,
    /// The name `__set_name__` gave it (`__name__`, and the name its errors use).
    name: RefCell<Option<Object>>,
}

impl PropertyPayload {
    /// The getter, if any (the eval loop runs a Python one as a frame: `LOAD_ATTR` of a
    /// property).
    pub(crate) fn fget(&self) -> Option<Object> {
        self.fget.borrow().clone()
    }

    /// A copy of the four fields (for an instance of a Python subclass of `property`).
    pub fn duplicate(&self) -> PropertyPayload {
        PropertyPayload {
            fget: RefCell::new(self.fget.borrow().clone()),
            fset: RefCell::new(self.fset.borrow().clone()),
            fdel: RefCell::new(self.fdel.borrow().clone()),
            doc: RefCell::new(self.doc.borrow().clone()),
            name: RefCell::new(self.name.borrow().clone()),
        }
    }
}

// SAFETY: properties are built only by `property_new`/`copy_with` with a `PropertyPayload`.
unsafe impl PyPayload for PropertyPayload {
    fn type_object() -> &'static PyType {
        &PROPERTY_TYPE.0
    }
}

fn prop(o: ObjectRef<'_>) -> &PropertyPayload {
    o.payload::<PropertyPayload>().expect("property")
}

fn property_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let mut pick = |i: usize, name: &str| -> Option<Object> {
        let v = a.pos.get(i).cloned().or_else(|| a.take_kw(name).cloned());
        v.filter(|v| !is_none(v.as_ref()))
    };
    let fget = pick(0, "fget");
    let fset = pick(1, "fset");
    let fdel = pick(2, "fdel");
    let doc = pick(3, "doc");
    Ok(new_object(
        &PROPERTY_TYPE.0,
        PropertyPayload {
            fget: RefCell::new(fget),
            fset: RefCell::new(fset),
            fdel: RefCell::new(fdel),
            doc: RefCell::new(doc),
            name: RefCell::new(None),
        },
    ))
}

/// A read-only property whose getter is `fget` (for attributes of built-in types).
pub fn new_property(fget: Object) -> Object {
    new_object(
        &PROPERTY_TYPE.0,
        PropertyPayload {
            fget: RefCell::new(Some(fget)),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
            name: RefCell::new(None),
        },
    )
}

/// The getter of a property, if it has one.
pub fn property_fget(p: ObjectRef<'_>) -> Option<Object> {
    p.payload::<PropertyPayload>().and_then(|pp| pp.fget.borrow().clone())
}

/// `staticmethod(func)`.
pub fn new_staticmethod(func: Object) -> Object {
    new_object(&STATICMETHOD_TYPE.0, WrapperPayload::new(func))
}

/// A property's name: what `__set_name__` gave it, else its getter's `__name__`.
fn property_name(p: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let pp = prop(p);
    if let Some(n) = pp.name.borrow().clone() {
        return Ok(Some(n));
    }
    let fget = pp.fget.borrow().clone();
    match fget {
        Some(f) => crate::attr::getattr(f.as_ref(), crate::types::str::intern("__name__").as_ref())
            .map(Some),
        None => Ok(None),
    }
}

/// `property 'x' of 'C' object has no getter` (CPython's `%R` of the name).
fn missing_accessor(p: ObjectRef<'_>, inst: ObjectRef<'_>, what: &str) -> PyErr {
    let name = match property_name(p) {
        Ok(n) => n,
        Err(e) => return e,
    };
    let tname = inst.type_().name();
    match name.map(|n| crate::ops::repr_string(n.as_ref())) {
        Some(Ok(n)) => {
            PyErr::new(&ATTRIBUTE_ERROR, format!("property {n} of '{tname}' object has no {what}"))
        }
        Some(Err(e)) => e,
        None => PyErr::new(&ATTRIBUTE_ERROR, format!("property of '{tname}' object has no {what}")),
    }
}

fn property_get(
    p: ObjectRef<'_>,
    inst: Option<ObjectRef<'_>>,
    _owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let Some(inst) = inst.filter(|i| !is_none(*i)) else { return Ok(p.to_owned()) };
    let f = prop(p).fget.borrow().clone();
    match f {
        Some(f) => crate::ops::call(f.as_ref(), &[inst.to_owned()], None),
        None => Err(missing_accessor(p, inst, "getter")),
    }
}

fn property_set(p: ObjectRef<'_>, inst: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let pp = prop(p);
    match v {
        Some(v) => match pp.fset.borrow().clone() {
            Some(f) => {
                crate::ops::call(f.as_ref(), &[inst.to_owned(), v.to_owned()], None).map(drop)
            }
            None => Err(missing_accessor(p, inst, "setter")),
        },
        None => match pp.fdel.borrow().clone() {
            Some(f) => crate::ops::call(f.as_ref(), &[inst.to_owned()], None).map(drop),
            None => Err(missing_accessor(p, inst, "deleter")),
        },
    }
}

/// `prop.setter(f)` and friends: a copy with one accessor replaced.
fn copy_with(p: ObjectRef<'_>, which: usize, f: Object) -> Object {
    let pp = prop(p);
    let pick = |i: usize, c: &RefCell<Option<Object>>| {
        if i == which { Some(f.clone()) } else { c.borrow().clone() }
    };
    new_object(
        &PROPERTY_TYPE.0,
        PropertyPayload {
            fget: RefCell::new(pick(0, &pp.fget)),
            fset: RefCell::new(pick(1, &pp.fset)),
            fdel: RefCell::new(pick(2, &pp.fdel)),
            doc: RefCell::new(pp.doc.borrow().clone()),
            name: RefCell::new(pp.name.borrow().clone()),
        },
    )
}

fn one_arg<'a>(args: &'a [Object], kw: Option<ObjectRef<'a>>, name: &str) -> PyResult<&'a Object> {
    let a = Args::new(args, kw);
    a.count(name, 1, 1)?;
    Ok(&args[0])
}

fn property_getter(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(copy_with(s.expect("self"), 0, one_arg(args, kw, "getter")?.clone()))
}

fn property_setter(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(copy_with(s.expect("self"), 1, one_arg(args, kw, "setter")?.clone()))
}

fn property_deleter(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(copy_with(s.expect("self"), 2, one_arg(args, kw, "deleter")?.clone()))
}

/// `prop.__set_name__(owner, name)`.
fn property_set_name(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__set_name__", 2, 2)?;
    let old = prop(s.expect("self")).name.replace(Some(args[1].clone()));
    drop(old);
    Ok(none())
}

fn property_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let pp = prop(o);
    let opt = |c: &RefCell<Option<Object>>| c.borrow().clone().unwrap_or_else(none);
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("fget") => Ok(opt(&pp.fget)),
        Some("fset") => Ok(opt(&pp.fset)),
        Some("fdel") => Ok(opt(&pp.fdel)),
        Some("__name__") => property_name(o)?.ok_or_else(|| {
            PyErr::new(&ATTRIBUTE_ERROR, "'property' object has no attribute '__name__'")
        }),
        Some("__isabstractmethod__") => {
            let key = crate::types::str::intern("__isabstractmethod__");
            for c in [&pp.fget, &pp.fset, &pp.fdel] {
                let f = c.borrow().clone();
                if let Some(f) = f {
                    match crate::attr::getattr(f.as_ref(), key.as_ref()) {
                        Ok(v) if crate::ops::is_true(v.as_ref())? => {
                            return Ok(crate::types::bool::py_bool(true));
                        }
                        Ok(_) => {}
                        Err(e) if e.matches(&ATTRIBUTE_ERROR) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            Ok(crate::types::bool::py_bool(false))
        }
        Some("__doc__") => match pp.doc.borrow().clone() {
            Some(d) => Ok(d),
            None => match pp.fget.borrow().clone() {
                Some(f) => {
                    crate::attr::getattr(f.as_ref(), crate::types::str::intern("__doc__").as_ref())
                }
                None => Ok(none()),
            },
        },
        _ => crate::attr::generic_getattr(o, name),
    }
}

/// `clear` (the collector breaking a cycle).
fn property_gc_clear(o: ObjectRef<'_>) {
    let pp = prop(o);
    for c in [&pp.fget, &pp.fset, &pp.fdel, &pp.doc, &pp.name] {
        let v = c.borrow_mut().take();
        drop(v);
    }
}

fn property_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let pp = prop(o);
    for c in [&pp.fget, &pp.fset, &pp.fdel, &pp.doc, &pp.name] {
        if let Some(v) = c.borrow().as_ref() {
            visit(v.as_ref());
        }
    }
}

/// # Safety
/// Called only by the deallocation path on a dead property.
unsafe fn property_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: properties carry a `PropertyPayload`.
    unsafe { dealloc_payload::<PropertyPayload>(obj) }
}

pub static PROPERTY_TYPE: StaticType = StaticType(PyType::new_static(
    "property",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<PropertyPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
    218,
    property_dealloc,
    Some(property_traverse),
    Slots {
        descr_get: slot(property_get as DescrGetFn),
        clear: slot(property_gc_clear as crate::types::typeobject::ClearFn),
        descr_set: slot(property_set as DescrSetFn),
        getattr: slot(property_getattr as GetAttrFn),
        ..crate::types::object::object_slots()
    },
));

/// `classmethod(f)` / `staticmethod(f)`: the wrapped callable.
pub struct WrapperPayload {
    /// Replaced by `__init__` (a subclass's `super().__init__(f)`).
    func: RefCell<Object>,
    /// The instance `__dict__`, made on first use with the wrapped callable's `__module__`,
    /// `__name__`, `__qualname__` and `__doc__` (CPython copies them at construction).
    dict: RefCell<Option<Object>>,
}

// SAFETY: class and static methods are built only by their constructors with a
// `WrapperPayload`, and both types derive from `WRAPPER_BASE`.
unsafe impl PyPayload for WrapperPayload {
    fn type_object() -> &'static PyType {
        &WRAPPER_BASE.0
    }
}

impl WrapperPayload {
    /// A payload wrapping `func` (for `classmethod`/`staticmethod` objects made natively).
    pub fn new(func: Object) -> WrapperPayload {
        WrapperPayload { func: RefCell::new(func), dict: RefCell::new(None) }
    }

    /// The instance `__dict__`, made (and filled from the wrapped callable) on first use.
    fn dict(&self) -> PyResult<Object> {
        if let Some(d) = self.dict.borrow().clone() {
            return Ok(d);
        }
        let d = crate::types::dict::new_dict();
        let f = self.func();
        let dp = crate::types::dict::as_dict(d.as_ref()).expect("dict");
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let Some(v) = crate::import::getattr_opt(f.as_ref(), name)? {
                dp.set_str(name, v)?;
            }
        }
        // Filling it may have run code that made one already: keep the first.
        let mut slot = self.dict.borrow_mut();
        Ok(slot.get_or_insert(d).clone())
    }

    /// The wrapped callable.
    pub fn func(&self) -> Object {
        self.func.borrow().clone()
    }
}

/// `classmethod(func)`.
pub fn new_classmethod(func: Object) -> Object {
    new_object(&CLASSMETHOD_TYPE.0, WrapperPayload::new(func))
}

/// The one positional argument of `classmethod(f)` / `staticmethod(f)`.
fn ctor_arg(args: &[Object], kw: Option<ObjectRef<'_>>, name: &str) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", a.pos.len())));
    }
    Ok(a.pos[0].clone())
}

fn classmethod_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = ctor_arg(args, kw, "classmethod")?;
    Ok(new_object(&CLASSMETHOD_TYPE.0, WrapperPayload::new(f)))
}

fn staticmethod_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = ctor_arg(args, kw, "staticmethod")?;
    Ok(new_object(&STATICMETHOD_TYPE.0, WrapperPayload::new(f)))
}

fn classmethod_get(
    o: ObjectRef<'_>,
    inst: Option<ObjectRef<'_>>,
    owner: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = o.payload::<WrapperPayload>().expect("classmethod").func();
    let cls = match owner {
        Some(c) => c.to_owned(),
        None => inst.map(|i| i.type_().as_object().to_owned()).unwrap_or_else(none),
    };
    Ok(new_method(f, cls))
}

fn staticmethod_get(
    o: ObjectRef<'_>,
    _: Option<ObjectRef<'_>>,
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(o.payload::<WrapperPayload>().expect("staticmethod").func())
}

fn staticmethod_call(
    o: ObjectRef<'_>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let f = o.payload::<WrapperPayload>().expect("staticmethod").func();
    crate::ops::call(f.as_ref(), args, kw)
}

fn wrapper_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let f = o.payload::<WrapperPayload>().expect("wrapper").func();
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__func__" | "__wrapped__") => Ok(f.clone()),
        Some("__isabstractmethod__") => {
            let v = crate::import::getattr_opt(f.as_ref(), "__isabstractmethod__")?;
            let yes = match v {
                Some(v) => crate::ops::is_true(v.as_ref())?,
                None => false,
            };
            Ok(crate::types::bool::py_bool(yes))
        }
        Some("__dict__") => o.payload::<WrapperPayload>().expect("wrapper").dict(),
        _ => {
            let d = o.payload::<WrapperPayload>().expect("wrapper").dict()?;
            if let Some(v) =
                crate::types::dict::as_dict(d.as_ref()).expect("dict").get_item(name)?
            {
                return Ok(v);
            }
            if matches!(Str::new(name).and_then(|s| s.as_str()), Some("__name__" | "__qualname__"))
            {
                return crate::attr::getattr(f.as_ref(), name);
            }
            crate::attr::generic_getattr(o, name)
        }
    }
}

/// Attribute assignment on a class or static method: into its `__dict__` (`__func__` and
/// `__wrapped__` are read-only, `__dict__` may be replaced by another dict).
fn wrapper_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let p = o.payload::<WrapperPayload>().expect("wrapper");
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__func__" | "__wrapped__") => {
            return Err(PyErr::new(
                &crate::types::exceptions::ATTRIBUTE_ERROR,
                "readonly attribute",
            ));
        }
        Some("__dict__") => {
            let Some(v) = v else { return Err(PyErr::type_error("cannot delete __dict__")) };
            if crate::types::dict::as_dict(v).is_none() {
                return Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    v.type_().name()
                )));
            }
            let old = p.dict.replace(Some(v.to_owned()));
            drop(old);
            return Ok(());
        }
        _ => {}
    }
    let d = p.dict()?;
    let dp = crate::types::dict::as_dict(d.as_ref()).expect("dict");
    match v {
        Some(v) => dp.set_item(name.to_owned(), v.to_owned()),
        None => match dp.del_item(name)? {
            Some(_) => Ok(()),
            None => Err(PyErr::new(
                &crate::types::exceptions::ATTRIBUTE_ERROR,
                format!(
                    "'{}' object has no attribute '{}'",
                    o.type_().name(),
                    Str::new(name).and_then(|s| s.as_str()).unwrap_or("?")
                ),
            )),
        },
    }
}

/// `repr()` of a class or static method: `<classmethod(FUNC)>`, with the type's own name even
/// for a subclass, as CPython's.
fn wrapper_repr(o: ObjectRef<'_>, kind: &str) -> crate::error::PyResult<Object> {
    let f = o.payload::<WrapperPayload>().expect("wrapper").func();
    let r = crate::ops::repr_string(f.as_ref())?;
    Ok(crate::types::str::new_str(&format!("<{kind}({r})>")))
}

fn classmethod_repr(o: ObjectRef<'_>) -> crate::error::PyResult<Object> {
    wrapper_repr(o, "classmethod")
}

fn staticmethod_repr(o: ObjectRef<'_>) -> crate::error::PyResult<Object> {
    wrapper_repr(o, "staticmethod")
}

fn wrapper_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<WrapperPayload>().expect("wrapper");
    visit(p.func.borrow().as_ref());
    if let Some(d) = p.dict.borrow().as_ref() {
        visit(d.as_ref());
    }
}

/// `classmethod.__init__(self, f)` / `staticmethod.__init__`: (re)sets the wrapped callable.
fn wrapper_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let name =
        if o.type_().is_subtype(&CLASSMETHOD_TYPE.0) { "classmethod" } else { "staticmethod" };
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", a.pos.len())));
    }
    let f = a.pos[0].clone();
    *o.payload::<WrapperPayload>().expect("wrapper").func.borrow_mut() = f;
    Ok(())
}

/// # Safety
/// Called only by the deallocation path on a dead class or static method.
unsafe fn wrapper_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: these carry a `WrapperPayload`.
    unsafe { dealloc_payload::<WrapperPayload>(obj) }
}

pub static WRAPPER_BASE: StaticType = StaticType(PyType::new_static(
    "method_wrapper_base",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<WrapperPayload>(),
    0,
    TypeFlags::HAVE_GC,
    219,
    wrapper_dealloc,
    Some(wrapper_traverse),
    crate::types::object::object_slots(),
));

pub static CLASSMETHOD_TYPE: StaticType = StaticType(PyType::new_static(
    "classmethod",
    Some(&WRAPPER_BASE.0),
    std::mem::size_of::<WrapperPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
    221,
    wrapper_dealloc,
    Some(wrapper_traverse),
    Slots {
        descr_get: slot(classmethod_get as DescrGetFn),
        getattr: slot(wrapper_getattr as GetAttrFn),
        setattr: slot(wrapper_setattr as crate::types::typeobject::SetAttrFn),
        repr: slot(classmethod_repr as crate::types::typeobject::UnaryFn),
        init: slot(wrapper_init as crate::types::typeobject::InitFn),
        ..crate::types::object::object_slots()
    },
));

pub static STATICMETHOD_TYPE: StaticType = StaticType(PyType::new_static(
    "staticmethod",
    Some(&WRAPPER_BASE.0),
    std::mem::size_of::<WrapperPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
    222,
    wrapper_dealloc,
    Some(wrapper_traverse),
    Slots {
        descr_get: slot(staticmethod_get as DescrGetFn),
        call: slot(staticmethod_call as crate::types::typeobject::CallFn),
        getattr: slot(wrapper_getattr as GetAttrFn),
        setattr: slot(wrapper_setattr as crate::types::typeobject::SetAttrFn),
        repr: slot(staticmethod_repr as crate::types::typeobject::UnaryFn),
        init: slot(wrapper_init as crate::types::typeobject::InitFn),
        ..crate::types::object::object_slots()
    },
));

/// Registers the constructors and `property`'s methods, and returns the types for `builtins`.
pub(crate) fn register() -> [&'static PyType; 3] {
    register_constructor(&PROPERTY_TYPE.0, property_new);
    register_constructor(&CLASSMETHOD_TYPE.0, classmethod_new);
    register_constructor(&STATICMETHOD_TYPE.0, staticmethod_new);
    for t in [&CLASSMETHOD_TYPE.0, &STATICMETHOD_TYPE.0] {
        use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
        let _ = crate::types::typelookup::register_static_attr(
            t,
            "__init__",
            new_slot_wrapper(t, "__init__", WrapperImpl::Slot),
        );
    }
    crate::types::pyfunction::register_method_constructor();
    crate::types::cell::register_constructor();
    for (n, f) in [
        ("getter", property_getter as crate::types::function::NativeFn),
        ("setter", property_setter),
        ("deleter", property_deleter),
        ("__set_name__", property_set_name),
    ] {
        let _ = crate::types::typelookup::register_static_attr(
            &PROPERTY_TYPE.0,
            n,
            new_method_descriptor(&PROPERTY_TYPE.0, n, f),
        );
    }
    [&PROPERTY_TYPE.0, &CLASSMETHOD_TYPE.0, &STATICMETHOD_TYPE.0]
}
