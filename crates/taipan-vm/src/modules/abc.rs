//! The `_abc` module, the native core of `abc.ABCMeta`: the per-class registry and the positive
//! and negative `issubclass` caches (kept in an `_abc_data` object at `cls._abc_impl`, holding
//! weak references so that registering or checking a class never keeps it alive), the
//! interpreter-wide invalidation counter (`get_cache_token`), `__abstractmethods__`
//! computation, and the collection flags (`__abc_tpflags__`, and `register` flagging the
//! registered class as a sequence or mapping so `match` sees it).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::intern;
use crate::types::typeobject::{PyType, Slots, StaticType, TypeFlags, as_type};
use crate::types::weakref::{REF_TYPE, as_weakref, new_weakref};

/// A set of objects held by weak reference, keyed by the referent's address. An entry whose
/// referent died (and whose address may now be another object's) never matches: lookups check
/// the reference still points at the object asked about.
#[derive(Default)]
struct WeakSet {
    refs: HashMap<usize, Object>,
}

impl WeakSet {
    fn contains(&mut self, o: ObjectRef<'_>) -> bool {
        let key = o.id();
        match self.refs.get(&key).and_then(|w| as_weakref(w.as_ref())).map(|w| w.get()) {
            Some(Some(live)) if live.as_ref().id() == key => true,
            Some(_) => {
                self.refs.remove(&key);
                false
            }
            None => false,
        }
    }

    fn add(&mut self, o: ObjectRef<'_>) -> PyResult<()> {
        if self.contains(o) {
            return Ok(());
        }
        let w = new_weakref(&REF_TYPE.0, o, None)?;
        self.refs.insert(o.id(), w);
        Ok(())
    }

    fn clear(&mut self) {
        self.refs.clear();
    }

    /// The live referents (in no particular order).
    fn live(&self) -> Vec<Object> {
        self.refs.values().filter_map(|w| as_weakref(w.as_ref()).and_then(|w| w.get())).collect()
    }

    /// The references to live referents.
    fn live_refs(&self) -> Vec<Object> {
        self.refs
            .values()
            .filter(|w| as_weakref(w.as_ref()).is_some_and(|p| p.get().is_some()))
            .cloned()
            .collect()
    }
}

/// `_abc._abc_data`: one ABC's registry and caches.
pub struct AbcData {
    registry: RefCell<WeakSet>,
    cache: RefCell<WeakSet>,
    negative_cache: RefCell<WeakSet>,
    negative_cache_version: Cell<u64>,
}

// SAFETY: `_abc_data` objects are made only by `abc_data_new` with this payload and type.
unsafe impl PyPayload for AbcData {
    fn type_object() -> &'static PyType {
        &ABC_DATA_TYPE.0
    }
}

unsafe fn abc_data_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: called once by the allocator for an `_abc_data` object, whose payload is AbcData.
    unsafe { dealloc_payload::<AbcData>(obj) }
}

pub static ABC_DATA_TYPE: StaticType = StaticType(PyType::new_static(
    "_abc._abc_data",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<AbcData>(),
    0,
    TypeFlags(0),
    1302,
    abc_data_dealloc,
    None,
    Slots { ..crate::types::object::object_slots() },
));

thread_local! {
    /// Bumped by every `register`: negative caches older than it are stale.
    static INVALIDATION_COUNTER: Cell<u64> = const { Cell::new(0) };
}

fn counter() -> u64 {
    INVALIDATION_COUNTER.with(Cell::get)
}

fn abc_data_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_abc_data")?;
    a.count("_abc_data", 0, 0)?;
    Ok(new_data())
}

fn new_data() -> Object {
    new_object(
        &ABC_DATA_TYPE.0,
        AbcData {
            registry: RefCell::new(WeakSet::default()),
            cache: RefCell::new(WeakSet::default()),
            negative_cache: RefCell::new(WeakSet::default()),
            negative_cache_version: Cell::new(counter()),
        },
    )
}

/// `cls._abc_impl`, which must be an `_abc_data`.
fn impl_of(cls: ObjectRef<'_>) -> PyResult<Object> {
    let d = crate::attr::getattr(cls, intern("_abc_impl").as_ref())?;
    if d.as_ref().payload::<AbcData>().is_none() {
        return Err(PyErr::type_error("_abc_impl is set to a wrong type"));
    }
    Ok(d)
}

fn data(o: &Object) -> &AbcData {
    o.as_ref().payload::<AbcData>().expect("checked by impl_of")
}

/// `getattr(o, name)`, `None` when it raises AttributeError.
fn getattr_opt(o: ObjectRef<'_>, name: &str) -> PyResult<Option<Object>> {
    match crate::attr::getattr(o, intern(name).as_ref()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_abstract(v: ObjectRef<'_>) -> PyResult<bool> {
    match getattr_opt(v, "__isabstractmethod__")? {
        Some(f) => crate::ops::is_true(f.as_ref()),
        None => Ok(false),
    }
}

/// Every item of the iterable `o`.
fn collect(o: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    let it = crate::ops::iter(o)?;
    let mut out = Vec::new();
    while let Some(x) = crate::ops::next(it.as_ref())? {
        out.push(x);
    }
    Ok(out)
}

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`.
const FLAG_SEQUENCE: i64 = 1 << 5;
const FLAG_MAPPING: i64 = 1 << 6;

fn one_arg<'a>(fname: &str, args: &'a [Object], kw: Option<ObjectRef<'a>>) -> PyResult<&'a Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 1, 1)?;
    Ok(&args[0])
}

fn two_args<'a>(
    fname: &str,
    args: &'a [Object],
    kw: Option<ObjectRef<'a>>,
) -> PyResult<(&'a Object, &'a Object)> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(fname)?;
    a.count(fname, 2, 2)?;
    Ok((&args[0], &args[1]))
}

/// `_abc_init(cls)`: `cls.__abstractmethods__`, a fresh `_abc_impl`, and the collection flag
/// `__abc_tpflags__` asks for (the name is then removed from the class).
fn abc_init(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let cls = one_arg("_abc_init", args, kw)?.as_ref();
    let mut abstracts: Vec<Object> = Vec::new();
    let ns = crate::attr::getattr(cls, intern("__dict__").as_ref())?;
    let items = crate::types::instance::call_method(ns.as_ref(), "items", &[])?;
    for item in collect(items.as_ref())? {
        let pair = collect(item.as_ref())?;
        if pair.len() == 2 && is_abstract(pair[1].as_ref())? {
            abstracts.push(pair[0].clone());
        }
    }
    let bases = crate::attr::getattr(cls, intern("__bases__").as_ref())?;
    let Some(bases) = crate::types::tuple::tuple_items(bases.as_ref()) else {
        return Err(PyErr::type_error("__bases__ is not tuple"));
    };
    for base in bases {
        let Some(names) = getattr_opt(base.as_ref(), "__abstractmethods__")? else {
            continue;
        };
        for name in collect(names.as_ref())? {
            if let Some(v) = match crate::attr::getattr(cls, name.as_ref()) {
                Ok(v) => Some(v),
                Err(e) if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) => None,
                Err(e) => return Err(e),
            } && is_abstract(v.as_ref())?
            {
                abstracts.push(name);
            }
        }
    }
    let frozen = crate::types::set::new_frozenset(abstracts)?;
    crate::attr::setattr(cls, intern("__abstractmethods__").as_ref(), Some(frozen.as_ref()))?;
    crate::attr::setattr(cls, intern("_abc_impl").as_ref(), Some(new_data().as_ref()))?;
    if let Some(t) = as_type(cls) {
        let own = crate::types::typelookup::type_dict(t);
        if let Some(d) = crate::types::dict::as_dict(own.as_ref())
            && let Some(flags) = d.get_str("__abc_tpflags__")?
        {
            if let Some(v) = crate::types::int::int_value(flags.as_ref()) {
                let v = match v {
                    crate::types::int::IntVal::Small(v) => v,
                    _ => {
                        return Err(PyErr::overflow_error(
                            "Python int too large to convert to C long",
                        ));
                    }
                };
                let both = FLAG_SEQUENCE | FLAG_MAPPING;
                if v & both == both {
                    return Err(PyErr::type_error(
                        "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
                    ));
                }
                t.collection_flags.set((v & both) as u8);
            }
            crate::attr::setattr(cls, intern("__abc_tpflags__").as_ref(), None)?;
        }
    }
    Ok(none())
}

/// Flags `t` (and, through the MRO walk `match` does, its subclasses) as a sequence or mapping,
/// unless it is a builtin type or already has a collection flag.
fn set_collection_flag(t: &PyType, flag: u8) {
    if t.has_flag(TypeFlags::IMMUTABLETYPE) || crate::eval::matching::collection_flag(t) != 0 {
        return;
    }
    t.collection_flags.set(flag);
}

fn abc_register(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (cls, subclass) = two_args("_abc_register", args, kw)?;
    let Some(sub_t) = as_type(subclass.as_ref()) else {
        return Err(PyErr::type_error("Can only register classes"));
    };
    if crate::builtins::functions::issubclass_objects(subclass.as_ref(), cls.as_ref())? {
        return Ok(subclass.clone());
    }
    if as_type(cls.as_ref()).is_some()
        && crate::builtins::functions::issubclass_objects(cls.as_ref(), subclass.as_ref())?
    {
        return Err(PyErr::new(
            &crate::types::exceptions::RUNTIME_ERROR,
            "Refusing to create an inheritance cycle",
        ));
    }
    let imp = impl_of(cls.as_ref())?;
    data(&imp).registry.borrow_mut().add(subclass.as_ref())?;
    INVALIDATION_COUNTER.with(|c| c.set(c.get() + 1));
    if let Some(t) = as_type(cls.as_ref()) {
        let flag = crate::eval::matching::collection_flag(t);
        if flag != 0 {
            set_collection_flag(sub_t, flag as u8);
        }
    }
    Ok(subclass.clone())
}

fn call_method1(o: ObjectRef<'_>, name: &str, arg: &Object) -> PyResult<Object> {
    let m = crate::attr::getattr(o, intern(name).as_ref())?;
    crate::ops::call(m.as_ref(), std::slice::from_ref(arg), None)
}

fn abc_instancecheck(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (cls, instance) = two_args("_abc_instancecheck", args, kw)?;
    let imp = impl_of(cls.as_ref())?;
    let d = data(&imp);
    let subclass = crate::attr::getattr(instance.as_ref(), intern("__class__").as_ref())?;
    if d.cache.borrow_mut().contains(subclass.as_ref()) {
        return Ok(crate::types::bool::py_bool(true));
    }
    let subtype = instance.type_().as_object().to_owned();
    if subtype.is(&subclass) {
        if d.negative_cache_version.get() == counter()
            && d.negative_cache.borrow_mut().contains(subclass.as_ref())
        {
            return Ok(crate::types::bool::py_bool(false));
        }
        return call_method1(cls.as_ref(), "__subclasscheck__", &subclass);
    }
    let r = call_method1(cls.as_ref(), "__subclasscheck__", &subclass)?;
    if crate::ops::is_true(r.as_ref())? {
        return Ok(r);
    }
    call_method1(cls.as_ref(), "__subclasscheck__", &subtype)
}

fn abc_subclasscheck(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    use crate::types::bool::py_bool;
    let (cls, subclass) = two_args("_abc_subclasscheck", args, kw)?;
    let Some(sub_t) = as_type(subclass.as_ref()) else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let imp = impl_of(cls.as_ref())?;
    let d = data(&imp);
    let sub = subclass.as_ref();
    // 1. The positive cache.
    if d.cache.borrow_mut().contains(sub) {
        return Ok(py_bool(true));
    }
    // 2. The negative cache, dropped when a registration happened since it was filled.
    if d.negative_cache_version.get() < counter() {
        d.negative_cache.borrow_mut().clear();
        d.negative_cache_version.set(counter());
    } else if d.negative_cache.borrow_mut().contains(sub) {
        return Ok(py_bool(false));
    }
    // 3. The subclass hook.
    let ok = call_method1(cls.as_ref(), "__subclasshook__", subclass)?;
    if ok.is(&crate::types::bool::py_bool(true)) {
        d.cache.borrow_mut().add(sub)?;
        return Ok(py_bool(true));
    }
    if ok.is(&crate::types::bool::py_bool(false)) {
        d.negative_cache.borrow_mut().add(sub)?;
        return Ok(py_bool(false));
    }
    if !ok.is(&crate::types::singletons::not_implemented()) {
        return Err(PyErr::new(
            &crate::types::exceptions::ASSERTION_ERROR,
            "__subclasshook__ must return either False, True, or NotImplemented",
        ));
    }
    // 4. A direct subclass.
    if let Some(mro) = sub_t.mro_tuple()
        && crate::types::tuple::tuple_items(mro.as_ref()).unwrap_or(&[]).iter().any(|c| c.is(cls))
    {
        d.cache.borrow_mut().add(sub)?;
        return Ok(py_bool(true));
    }
    // 5. A subclass of a registered class.
    if d.registry.borrow_mut().contains(sub) {
        return Ok(py_bool(true));
    }
    let registered = d.registry.borrow().live();
    for r in registered {
        if crate::builtins::functions::issubclass_objects(sub, r.as_ref())? {
            d.cache.borrow_mut().add(sub)?;
            return Ok(py_bool(true));
        }
    }
    // 6. A subclass of a subclass.
    let subclasses = crate::types::instance::call_method(cls.as_ref(), "__subclasses__", &[])?;
    let Some(list) = crate::types::list::as_list(subclasses.as_ref()) else {
        return Err(PyErr::type_error("__subclasses__() must return a list"));
    };
    for scls in list.to_vec() {
        if crate::builtins::functions::issubclass_objects(sub, scls.as_ref())? {
            d.cache.borrow_mut().add(sub)?;
            return Ok(py_bool(true));
        }
    }
    d.negative_cache.borrow_mut().add(sub)?;
    Ok(py_bool(false))
}

fn get_cache_token(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("get_cache_token")?;
    a.count("get_cache_token", 0, 0)?;
    Ok(new_int_i64(counter() as i64))
}

fn reset_registry(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let cls = one_arg("_reset_registry", args, kw)?;
    let imp = impl_of(cls.as_ref())?;
    data(&imp).registry.borrow_mut().clear();
    Ok(none())
}

fn reset_caches(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let cls = one_arg("_reset_caches", args, kw)?;
    let imp = impl_of(cls.as_ref())?;
    data(&imp).cache.borrow_mut().clear();
    data(&imp).negative_cache.borrow_mut().clear();
    Ok(none())
}

/// `_get_dump(cls)`: `(registry, cache, negative cache, negative cache version)`, the first
/// three as sets of weak references.
fn get_dump(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let cls = one_arg("_get_dump", args, kw)?;
    let imp = impl_of(cls.as_ref())?;
    let d = data(&imp);
    let sets = [
        crate::types::set::new_set(d.registry.borrow().live_refs())?,
        crate::types::set::new_set(d.cache.borrow().live_refs())?,
        crate::types::set::new_set(d.negative_cache.borrow().live_refs())?,
    ];
    let [a, b, c] = sets;
    Ok(crate::types::tuple::new_tuple(vec![
        a,
        b,
        c,
        new_int_i64(d.negative_cache_version.get() as i64),
    ]))
}

fn register_types() {
    crate::eval::typecall::register_constructor(&ABC_DATA_TYPE.0, abc_data_new);
}

pub fn make_module() -> PyResult<Object> {
    thread_local! { static REGISTERED: Cell<bool> = const { Cell::new(false) }; }
    if !REGISTERED.with(|r| r.replace(true)) {
        register_types();
    }
    let m = new_module("_abc");
    let d = crate::types::dict::as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, NativeFn); 8] = [
        ("get_cache_token", get_cache_token),
        ("_abc_init", abc_init),
        ("_abc_register", abc_register),
        ("_abc_instancecheck", abc_instancecheck),
        ("_abc_subclasscheck", abc_subclasscheck),
        ("_get_dump", get_dump),
        ("_reset_registry", reset_registry),
        ("_reset_caches", reset_caches),
    ];
    for (n, f) in fns {
        d.set_str(n, new_builtin_function(n, f))?;
    }
    Ok(m)
}
