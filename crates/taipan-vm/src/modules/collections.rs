//! The `_collections` module: `deque` and its iterators (`collections_deque.rs`),
//! `defaultdict` (a dict subclass calling `default_factory` for missing keys),
//! `_count_elements` (`Counter`'s counting loop) and `_tuplegetter` (the field descriptor of
//! `namedtuple` classes). `OrderedDict` is left to the pure-Python class in
//! `collections/__init__.py`, which that module keeps when `_collections` lacks it.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::dict::{DICT_TYPE, DictPayload, as_dict};
use crate::types::function::{NativeFn, new_builtin_function, new_method_descriptor};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none, not_implemented};
use crate::types::str::{intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    BinaryFn, DescrGetFn, DescrSetFn, InitFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub use crate::modules::collections_deque::{DEQUE_TYPE, as_deque};

// ----- defaultdict ------------------------------------------------------------------------------

/// `default_factory` of each live defaultdict that has one, by object address. An entry is
/// removed when its dict dies (`defaultdict_dealloc`), so addresses are never stale.
static FACTORIES: crate::gil::GilLazy<RefCell<HashMap<usize, Object>>> =
    crate::gil::GilLazy::new(|| RefCell::new(HashMap::new()));

fn factory_of(o: ObjectRef<'_>) -> Option<Object> {
    FACTORIES.try_with(|f| f.borrow().get(&o.id()).cloned()).ok().flatten()
}

fn set_factory(o: ObjectRef<'_>, v: Option<Object>) {
    let v = v.filter(|v| !is_none(v.as_ref()));
    let old = FACTORIES
        .try_with(|f| {
            let mut f = f.borrow_mut();
            match v {
                Some(v) => f.insert(o.id(), v),
                None => f.remove(&o.id()),
            }
        })
        .ok()
        .flatten();
    // Dropped after the borrow: its deallocation may run Python code.
    drop(old);
}

fn factory_repr(o: ObjectRef<'_>) -> PyResult<String> {
    match factory_of(o) {
        None => Ok("None".to_string()),
        Some(f) => match ops::ReprGuard::enter(f.as_ref()) {
            None => Ok("...".to_string()),
            Some(_g) => ops::repr_string(f.as_ref()),
        },
    }
}

fn defaultdict_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let base = crate::types::dict::dict_repr(o)?;
    let base = ops::str_string(base.as_ref())?;
    let name = o.type_().name();
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    Ok(new_str(&format!("{name}({}, {base})", factory_repr(o)?)))
}

/// `defaultdict.__init__(default_factory=None, /, *args, **kwargs)`.
fn defaultdict_init(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let a = Args::new(args, kw);
    let (factory, rest) = match a.pos.split_first() {
        Some((f, rest)) => (Some(f.clone()), rest),
        None => (None, a.pos),
    };
    if let Some(f) = &factory
        && !is_none(f.as_ref())
        && f.type_().slots.call.get().is_none()
    {
        return Err(PyErr::type_error("first argument must be callable or None"));
    }
    if rest.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    set_factory(o, factory);
    if let Some(src) = rest.first() {
        crate::builtins::constructors::dict_merge_from(o, src.as_ref())?;
    }
    let d = as_dict(o).expect("dict");
    for (k, v) in &a.kw {
        d.set_str(k, (*v).clone())?;
    }
    Ok(())
}

fn defaultdict_ctor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let d = new_object(&DEFAULTDICT_TYPE.0, DictPayload::default());
    defaultdict_init(d.as_ref(), args, kw)?;
    Ok(d)
}

/// The value for a missing key: `default_factory()`, stored under the key.
fn missing(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let Some(f) = factory_of(o) else {
        return Err(PyErr::key_error(key.to_owned()));
    };
    let v = ops::call(f.as_ref(), &[], None)?;
    ops::setitem(o, key, Some(v.as_ref()))?;
    Ok(v)
}

fn defaultdict_subscript(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    if let Some(v) = as_dict(o).expect("dict").get_item(key)? {
        return Ok(v);
    }
    if std::ptr::eq(o.type_(), &DEFAULTDICT_TYPE.0) {
        return missing(o, key);
    }
    match crate::types::instance::call_dunder(o, "__missing__", &[key.to_owned()])? {
        Some(v) => Ok(v),
        None => Err(PyErr::key_error(key.to_owned())),
    }
}

fn missing_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("__missing__")?;
    a.count("__missing__", 1, 1)?;
    missing(s.expect("defaultdict"), args[0].as_ref())
}

/// `type(dd)(dd.default_factory, arg)`, as CPython's copy and `|` make their result.
fn new_like(dd: ObjectRef<'_>, arg: ObjectRef<'_>) -> PyResult<Object> {
    let f = factory_of(dd).unwrap_or_else(none);
    if std::ptr::eq(dd.type_(), &DEFAULTDICT_TYPE.0) {
        let n = new_object(&DEFAULTDICT_TYPE.0, DictPayload::default());
        set_factory(n.as_ref(), Some(f));
        crate::builtins::constructors::dict_merge_from(n.as_ref(), arg)?;
        return Ok(n);
    }
    ops::call(dd.type_().as_object(), &[f, arg.to_owned()], None)
}

fn copy_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("copy", 0, 0)?;
    let s = s.expect("defaultdict");
    new_like(s, s)
}

fn reduce_method(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__reduce__", 0, 0)?;
    let s = s.expect("defaultdict");
    let fargs = match factory_of(s) {
        Some(f) => new_tuple(vec![f]),
        None => new_tuple(Vec::new()),
    };
    let items = crate::attr::getattr(s, intern("items").as_ref())?;
    let items = ops::call(items.as_ref(), &[], None)?;
    let it = ops::iter(items.as_ref())?;
    Ok(new_tuple(vec![s.type_().as_object().to_owned(), fargs, none(), none(), it]))
}

fn defaultdict_or(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    let (me, other) = if a.type_().is_subtype(&DEFAULTDICT_TYPE.0) { (a, b) } else { (b, a) };
    if as_dict(other).is_none() {
        return Ok(not_implemented());
    }
    let n = new_like(me, a)?;
    crate::builtins::constructors::dict_merge_from(n.as_ref(), b)?;
    Ok(n)
}

fn factory_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(factory_of(o).unwrap_or_else(none))
}

fn factory_set(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    set_factory(o, v.map(|v| v.to_owned()));
    Ok(())
}

fn defaultdict_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(d) = as_dict(o) {
        let mut pos = 0;
        while let Some((next, k, v)) = d.next_entry(pos) {
            visit(k.as_ref());
            visit(v.as_ref());
            pos = next;
        }
    }
    // The collector runs no Python code, so this borrow cannot conflict.
    let _ = FACTORIES.try_with(|f| {
        if let Some(v) = f.borrow().get(&o.id()) {
            visit(v.as_ref());
        }
    });
}

fn defaultdict_gc_clear(o: ObjectRef<'_>) {
    set_factory(o, None);
    if let Some(d) = as_dict(o) {
        d.clear();
    }
}

/// # Safety
/// Called only by the deallocation path on a dead defaultdict (or Python subclass instance).
unsafe fn defaultdict_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    let id = obj.as_ptr() as usize;
    let old = FACTORIES.try_with(|f| f.borrow_mut().remove(&id)).ok().flatten();
    drop(old);
    // SAFETY: defaultdicts carry a plain `DictPayload` (vm.md, "Object layout").
    unsafe { dealloc_payload::<DictPayload>(obj) }
}

pub static DEFAULTDICT_TYPE: StaticType = StaticType(PyType::new_static(
    "collections.defaultdict",
    Some(&DICT_TYPE.0),
    std::mem::size_of::<DictPayload>(),
    0,
    TypeFlags::BASETYPE.union(TypeFlags::HAVE_GC).union(TypeFlags::DICT_SUBCLASS),
    1110,
    defaultdict_dealloc,
    Some(defaultdict_traverse),
    Slots {
        repr: slot(defaultdict_repr as UnaryFn),
        init: slot(defaultdict_init as InitFn),
        clear: slot(defaultdict_gc_clear as crate::types::typeobject::ClearFn),
        mp_subscript: slot(defaultdict_subscript as BinaryFn),
        nb_or: slot(defaultdict_or as BinaryFn),
        ..crate::types::dict::dict_slots()
    },
));

// ----- _tuplegetter -----------------------------------------------------------------------------

pub struct TupleGetterPayload {
    index: usize,
    doc: RefCell<Object>,
}

// SAFETY: tuple getters are built only by `tuplegetter_ctor` with this payload.
unsafe impl PyPayload for TupleGetterPayload {
    fn type_object() -> &'static PyType {
        &TUPLEGETTER_TYPE.0
    }
}

fn getter(o: ObjectRef<'_>) -> &TupleGetterPayload {
    o.payload::<TupleGetterPayload>().expect("_tuplegetter")
}

fn tuplegetter_ctor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_tuplegetter")?;
    a.count("_tuplegetter", 2, 2)?;
    let Some(i) = ops::index_value(args[0].as_ref())? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        )));
    };
    if i < 0 {
        return Err(PyErr::index_error("tuple index out of range"));
    }
    Ok(new_object(
        &TUPLEGETTER_TYPE.0,
        TupleGetterPayload { index: i as usize, doc: RefCell::new(args[1].clone()) },
    ))
}

fn tuplegetter_get(
    o: ObjectRef<'_>,
    obj: Option<ObjectRef<'_>>,
    _ty: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let g = getter(o);
    let Some(obj) = obj.filter(|x| !is_none(*x)) else { return Ok(o.to_owned()) };
    let Some(items) = tuple_items(obj) else {
        return Err(PyErr::type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            obj.type_().name()
        )));
    };
    items.get(g.index).cloned().ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn tuplegetter_set(
    _o: ObjectRef<'_>,
    _obj: ObjectRef<'_>,
    v: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    Err(PyErr::new(
        &crate::types::exceptions::ATTRIBUTE_ERROR,
        if v.is_some() { "can't set attribute" } else { "can't delete attribute" },
    ))
}

fn tuplegetter_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let g = getter(o);
    let doc = g.doc.borrow().clone();
    let name = o.type_().name();
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    Ok(new_str(&format!("{name}({}, {})", g.index, ops::repr_string(doc.as_ref())?)))
}

fn tuplegetter_reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__reduce__", 0, 0)?;
    let s = s.expect("_tuplegetter");
    let g = getter(s);
    let doc = g.doc.borrow().clone();
    Ok(new_tuple(vec![
        s.type_().as_object().to_owned(),
        new_tuple(vec![new_int_i64(g.index as i64), doc]),
    ]))
}

fn doc_get(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(getter(o).doc.borrow().clone())
}

fn doc_set(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let new = v.map_or_else(none, |v| v.to_owned());
    let old = std::mem::replace(&mut *getter(o).doc.borrow_mut(), new);
    drop(old);
    Ok(())
}

fn tuplegetter_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    if let Some(g) = o.payload::<TupleGetterPayload>()
        && let Ok(d) = g.doc.try_borrow()
    {
        visit(d.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead tuple getter.
unsafe fn tuplegetter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: tuple getters carry a `TupleGetterPayload` (vm.md, "Object layout").
    unsafe { dealloc_payload::<TupleGetterPayload>(obj) }
}

pub static TUPLEGETTER_TYPE: StaticType = StaticType(PyType::new_static(
    "_collections._tuplegetter",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<TupleGetterPayload>(),
    0,
    TypeFlags::HAVE_GC,
    1111,
    tuplegetter_dealloc,
    Some(tuplegetter_traverse),
    Slots {
        repr: slot(tuplegetter_repr as UnaryFn),
        descr_get: slot(tuplegetter_get as DescrGetFn),
        descr_set: slot(tuplegetter_set as DescrSetFn),
        ..crate::types::object::object_slots()
    },
));

// ----- _count_elements --------------------------------------------------------------------------

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each item.
fn count_elements(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_count_elements")?;
    a.count("_count_elements", 2, 2)?;
    let mapping = args[0].as_ref();
    let it = ops::iter(args[1].as_ref())?;
    let get = crate::attr::getattr(mapping, intern("get").as_ref())?;
    let zero = new_int_i64(0);
    let one = new_int_i64(1);
    while let Some(x) = ops::next(it.as_ref())? {
        let old = ops::call(get.as_ref(), &[x.clone(), zero.clone()], None)?;
        let new = ops::binary_op(old.as_ref(), one.as_ref(), ops::BinOp::Add)?;
        ops::setitem(mapping, x.as_ref(), Some(new.as_ref()))?;
    }
    Ok(none())
}

// ----- the module -------------------------------------------------------------------------------

fn register_types() {
    use crate::types::getset::{GetSetImpl, new_getset, new_member};
    use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
    use crate::types::typelookup::register_static_attr;
    crate::modules::collections_deque::register();
    let t = &DEFAULTDICT_TYPE.0;
    for name in ["__repr__", "__init__", "__or__", "__ror__"] {
        let _ = register_static_attr(t, name, new_slot_wrapper(t, name, WrapperImpl::Slot));
    }
    for (name, f) in [
        ("__missing__", missing_method as NativeFn),
        ("copy", copy_method),
        ("__copy__", copy_method),
        ("__reduce__", reduce_method),
    ] {
        let _ = register_static_attr(t, name, new_method_descriptor(t, name, f));
    }
    crate::modules::collections_deque::register_class_getitem(t);
    let _ = register_static_attr(
        t,
        "default_factory",
        new_member(t, "default_factory", GetSetImpl::Native(factory_get, Some(factory_set))),
    );
    crate::eval::typecall::register_constructor(t, defaultdict_ctor);
    crate::eval::typecall::register_subclass_new(t, |ty| new_object(ty, DictPayload::default()));
    let g = &TUPLEGETTER_TYPE.0;
    for name in ["__repr__", "__get__", "__set__", "__delete__"] {
        let _ = register_static_attr(g, name, new_slot_wrapper(g, name, WrapperImpl::Slot));
    }
    let _ = register_static_attr(
        g,
        "__reduce__",
        new_method_descriptor(g, "__reduce__", tuplegetter_reduce),
    );
    let _ = register_static_attr(
        g,
        "__doc__",
        new_getset(g, "__doc__", GetSetImpl::Native(doc_get, Some(doc_set))),
    );
    crate::eval::typecall::register_constructor(g, tuplegetter_ctor);
}

/// Makes the `_collections` module.
pub fn make_module() -> PyResult<Object> {
    static REGISTERED: crate::gil::GilCell<std::cell::Cell<bool>> =
        crate::gil::GilCell::new(std::cell::Cell::new(false));
    if !REGISTERED.with(|r| r.replace(true)) {
        register_types();
    }
    let m = new_module("_collections");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    use crate::modules::collections_deque::{DEQUE_ITER_TYPE, DEQUE_REVITER_TYPE};
    for (name, ty) in [
        ("deque", &DEQUE_TYPE.0),
        ("defaultdict", &DEFAULTDICT_TYPE.0),
        ("_deque_iterator", &DEQUE_ITER_TYPE.0),
        ("_deque_reverse_iterator", &DEQUE_REVITER_TYPE.0),
        ("_tuplegetter", &TUPLEGETTER_TYPE.0),
    ] {
        d.set_str(name, ty.as_object().to_owned())?;
    }
    d.set_str("_count_elements", new_builtin_function("_count_elements", count_elements))?;
    Ok(m)
}
