//! Native implementations behind the built-in types' attribute surface that no single type
//! owns: `type`'s getsets (`__name__`, `__mro__`, `__dict__`, ...) and methods (`mro`,
//! `__subclasses__`, `__instancecheck__`, ...), `object.__class__`, `__dir__` (object, type and
//! module flavours) and the builtin `dir()`, `__sizeof__`, `__getstate__`, `__class_getitem__`,
//! `__subclasshook__`, and the numeric dunders (`__format__`, `__round__`, ...) that forward to
//! the built-in operations.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::function::NativeFn;
use crate::types::getset::{GetterFn, SetterFn};
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::singletons::{is_none, none};
use crate::types::str::{intern, new_str};
use crate::types::surface::{mro_of, visible_base};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typelookup::type_dict;
use crate::types::typeobject::{PyType, TYPE_TYPE, TypeFlags, as_type};

fn this<'a>(s: Option<ObjectRef<'a>>) -> ObjectRef<'a> {
    s.expect("method called with self")
}

fn ty_of<'a>(o: ObjectRef<'a>) -> &'a PyType {
    as_type(o).expect("a type")
}

fn is_heap(t: &PyType) -> bool {
    t.has_flag(TypeFlags::HEAPTYPE)
}

fn own_dict_get(t: &PyType, name: &str) -> PyResult<Option<Object>> {
    let d = type_dict(t);
    as_dict(d.as_ref()).expect("a dict").get_str(name)
}

fn no_attr(t: &PyType, name: &str) -> PyErr {
    PyErr::new(&ATTRIBUTE_ERROR, format!("type object '{}' has no attribute '{name}'", t.name()))
}

// ----- type's getsets -------------------------------------------------------------------------

/// A static type's name after its module prefix (`string.templatelib.Template`'s is
/// `Template`), as CPython's `tp_name` gives `__name__`.
fn static_short_name(t: &crate::types::typeobject::PyType) -> &str {
    t.name().rsplit('.').next().unwrap_or(t.name())
}

fn t_name(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if is_heap(t) {
        return Ok(new_str(t.name()));
    }
    Ok(new_str(static_short_name(t)))
}

fn t_qualname(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    let q = t.qualname.take();
    t.qualname.set(q.clone());
    if let Some(q) = q {
        return Ok(q);
    }
    if is_heap(t) {
        return Ok(new_str(t.name()));
    }
    Ok(new_str(static_short_name(t)))
}

fn t_module(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if is_heap(t) {
        return match own_dict_get(t, "__module__")? {
            Some(m) => Ok(m),
            None => Err(PyErr::new(&ATTRIBUTE_ERROR, "__module__")),
        };
    }
    Ok(new_str(t.name().rsplit_once('.').map_or("builtins", |(m, _)| m)))
}

fn t_bases(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if let Some(b) = own_dict_bases(t) {
        return Ok(b);
    }
    if is_heap(t) {
        return Ok(new_tuple(
            visible_base(t).map(|b| b.as_object().to_owned()).into_iter().collect(),
        ));
    }
    Ok(new_tuple(
        crate::types::surface::static_bases(t)
            .into_iter()
            .map(|b| b.as_object().to_owned())
            .collect(),
    ))
}

/// A heap type's `__bases__` as recorded by the class machinery, if it records one.
fn own_dict_bases(t: &PyType) -> Option<Object> {
    let b = t.bases.take();
    t.bases.set(b.clone());
    b
}

fn t_base(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(visible_base(ty_of(o)).map_or_else(none, |b| b.as_object().to_owned()))
}

fn t_mro(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_tuple(mro_of(ty_of(o))))
}

fn t_dict(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::mappingproxy::new_mappingproxy(type_dict(ty_of(o))))
}

fn t_doc(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    match own_dict_get(t, "__doc__")? {
        Some(d) => match d.type_().slots.descr_get.get() {
            Some(get) if is_heap(t) => get(d.as_ref(), None, Some(o)),
            _ => Ok(d),
        },
        None => Ok(none()),
    }
}

fn t_text_signature(_o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(none())
}

fn t_abstractmethods(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if !std::ptr::eq(t, &TYPE_TYPE.0)
        && let Some(v) = own_dict_get(t, "__abstractmethods__")?
    {
        return Ok(v);
    }
    Err(PyErr::new(&ATTRIBUTE_ERROR, "__abstractmethods__"))
}

/// `cls.__abstractmethods__ = names` (or `del`): stored in the class's dict; a true value marks
/// the class abstract, so `object.__new__` refuses it (`check_not_abstract`).
pub(crate) fn set_abstractmethods(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let t = ty_of(o);
    let abstract_ = match v {
        Some(v) => {
            let truth = crate::ops::is_true(v)?;
            crate::types::heaptype::set_type_attr(o, "__abstractmethods__", v.to_owned())?;
            truth
        }
        None => {
            if t.has_flag(TypeFlags::HEAPTYPE) && own_dict_get(t, "__abstractmethods__")?.is_none()
            {
                return Err(PyErr::new(&ATTRIBUTE_ERROR, "__abstractmethods__"));
            }
            crate::types::heaptype::del_type_attr(o, "__abstractmethods__")?;
            false
        }
    };
    t.is_abstract.set(abstract_);
    Ok(())
}

/// `object.__new__(cls)`'s instance of a Python class laid out on `object` (`None` for other
/// layouts), refusing an abstract class: the only place the abstract check is made, as in
/// CPython (an exception or `list` subclass with `__abstractmethods__` can be instantiated).
pub fn object_new_instance(t: &PyType) -> PyResult<Option<Object>> {
    if !t.has_flag(crate::types::instance::INSTANCE_DICT) {
        return Ok(None);
    }
    check_not_abstract(t)?;
    Ok(crate::types::instance::new_instance(t))
}

/// For a class whose `__abstractmethods__` is non-empty: CPython's "Can't instantiate abstract
/// class" error, naming the methods in sorted order.
fn check_not_abstract(t: &PyType) -> PyResult<()> {
    if !t.is_abstract.get() {
        return Ok(());
    }
    let mut names: Vec<String> = Vec::new();
    if let Some(v) = own_dict_get(t, "__abstractmethods__")? {
        for n in crate::eval::helpers::iterate(v.as_ref())? {
            names.push(crate::ops::str_string(n.as_ref())?);
        }
    }
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        t.name(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    )))
}

fn t_annotate(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if !is_heap(t) {
        return Err(no_attr(t, "__annotate__"));
    }
    for k in ["__annotate__", "__annotate_func__"] {
        if let Some(f) = own_dict_get(t, k)? {
            return Ok(f);
        }
    }
    Ok(none())
}

fn t_annotations(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if !is_heap(t) {
        return Err(no_attr(t, "__annotations__"));
    }
    for k in ["__annotations__", "__annotations_cache__"] {
        if let Some(a) = own_dict_get(t, k)? {
            return Ok(a);
        }
    }
    let f = match own_dict_get(t, "__annotate_func__")? {
        Some(f) => Some(f),
        None => own_dict_get(t, "__annotate__")?,
    };
    let a = match f {
        Some(f) if !is_none(f.as_ref()) => {
            let a = crate::ops::call(f.as_ref(), &[new_int_i64(1)], None)?;
            if as_dict(a.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "__annotate__ returned non-dict of type '{}'",
                    a.type_().name()
                )));
            }
            a
        }
        _ => new_dict(),
    };
    // Cached as CPython does, so that later reads give the same dict.
    crate::types::heaptype::set_type_attr(o, "__annotations_cache__", a.clone())?;
    Ok(a)
}

fn t_type_params(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = ty_of(o);
    if !std::ptr::eq(t, &TYPE_TYPE.0)
        && let Some(v) = own_dict_get(t, "__type_params__")?
    {
        return Ok(v);
    }
    Ok(new_tuple(Vec::new()))
}

fn t_basicsize(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64((ty_of(o).basicsize + crate::object::HEADER_SIZE) as i64))
}

fn t_itemsize(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(ty_of(o).itemsize as i64))
}

fn t_flags(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64((ty_of(o).flags.0 & 0xffff_ffff) as i64))
}

fn t_zero(_o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_int_i64(0))
}

fn o_class(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.type_().as_object().to_owned())
}

/// `obj.__class__ = cls` on an object whose own `setattr` did not handle it: instances of
/// Python classes are handled by `types/instance.rs`; anything else is a built-in object.
fn o_set_class(o: ObjectRef<'_>, v: Option<ObjectRef<'_>>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new) = as_type(v) else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            v.type_().name()
        )));
    };
    // A module may become an instance of a subclass of `module` (module-level properties) and
    // back, when the layouts agree.
    let module = &crate::types::module::MODULE_TYPE.0;
    let old = o.type_();
    if old.is_subtype(module) && new.is_subtype(module) {
        if old.dealloc as usize != new.dealloc as usize
            || old.basicsize != new.basicsize
            || old.nslots.get() != new.nslots.get()
        {
            return Err(PyErr::type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                new.name(),
                old.name()
            )));
        }
        let header = o.header().expect("a heap object");
        // SAFETY: both types lay out their instances as `module` does (same deallocator,
        // payload size and slot count: docs/vm.md, "Object layout"); the reference the object
        // held to its old type is released right after the swap.
        let old_ptr = unsafe { header.swap_type(new) };
        // SAFETY: we own that reference and use nothing borrowed from the old type after this.
        unsafe { crate::types::typeobject::decref_type_if_heap(old_ptr) };
        return Ok(());
    }
    let heap = crate::types::typeobject::TypeFlags::HEAPTYPE;
    if old.has_flag(heap) && new.has_flag(heap) {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    Err(PyErr::type_error(
        "__class__ assignment only supported for mutable types or ModuleType subclasses",
    ))
}

fn exc_dict(o: ObjectRef<'_>) -> PyResult<Object> {
    crate::types::instance::instance_dict(o)
        .ok_or_else(|| crate::types::slotwrapper::no_attribute(o, "__dict__"))
}

/// The native getter (and setter) of `ty.name` when it is computed here rather than by the
/// type's own `getattr` slot.
pub(crate) fn native_getset(ty: &PyType, name: &str) -> Option<(GetterFn, Option<SetterFn>)> {
    if std::ptr::eq(ty, &TYPE_TYPE.0) {
        let g: GetterFn = match name {
            "__base__" => t_base,
            "__mro__" => t_mro,
            "__dict__" => t_dict,
            "__text_signature__" => t_text_signature,
            "__abstractmethods__" => return Some((t_abstractmethods, Some(set_abstractmethods))),
            "__name__" => return Some((t_name, Some(crate::types::typeset::set_name))),
            "__qualname__" => return Some((t_qualname, Some(crate::types::typeset::set_qualname))),
            "__module__" => return Some((t_module, Some(crate::types::typeset::set_module))),
            "__doc__" => return Some((t_doc, Some(crate::types::typeset::set_doc))),
            "__bases__" => return Some((t_bases, Some(crate::types::typeset::set_bases))),
            "__annotate__" => return Some((t_annotate, Some(crate::types::typeset::set_annotate))),
            "__annotations__" => {
                return Some((t_annotations, Some(crate::types::typeset::set_annotations)));
            }
            "__type_params__" => {
                return Some((t_type_params, Some(crate::types::typeset::set_type_params)));
            }
            "__basicsize__" => t_basicsize,
            "__itemsize__" => t_itemsize,
            "__flags__" => t_flags,
            "__weakrefoffset__" | "__dictoffset__" => t_zero,
            _ => return None,
        };
        return Some((g, None));
    }
    if std::ptr::eq(ty, &crate::types::object::OBJECT_TYPE.0) && name == "__class__" {
        return Some((o_class, Some(o_set_class)));
    }
    if std::ptr::eq(ty, &crate::types::exceptions::BASE_EXCEPTION.0) && name == "__dict__" {
        return Some((exc_dict, None));
    }
    if std::ptr::eq(ty, &crate::types::genericalias::GENERIC_ALIAS_TYPE.0) {
        return crate::types::genericalias::native_getset(name).map(|g| (g, None));
    }
    if std::ptr::eq(ty, &crate::types::weakref::REF_TYPE.0) && name == "__callback__" {
        return Some((crate::types::weakref::callback_get, None));
    }
    None
}

// ----- type's methods -------------------------------------------------------------------------

fn type_mro(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("mro", 0, 0)?;
    Ok(new_list(mro_of(ty_of(this(s)))))
}

fn type_subclasses(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__subclasses__", 0, 0)?;
    let t = ty_of(this(s));
    let mut out = if is_heap(t) { Vec::new() } else { crate::types::surface::static_subclasses(t) };
    // SAFETY: a type's subclass list holds only live types: each removes itself from its base's
    // list when it is freed (docs/vm.md, "Version tags and the method cache").
    out.extend(t.subclasses.borrow().iter().map(|p| unsafe { p.as_ref() }.as_object().to_owned()));
    Ok(new_list(out))
}

fn type_prepare(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_dict())
}

/// Adds the names of `cls`'s dict and its bases' (recursively) to `into`.
fn merge_class_dict(
    into: &crate::types::dict::DictPayload,
    cls: ObjectRef<'_>,
    depth: usize,
) -> PyResult<()> {
    if depth > 1000 {
        return Err(PyErr::recursion_error("maximum recursion depth exceeded in __dir__"));
    }
    if let Ok(d) = crate::attr::getattr(cls, intern("__dict__").as_ref()) {
        for k in crate::eval::helpers::iterate(d.as_ref())? {
            into.set_item(k, none())?;
        }
    }
    if let Ok(bases) = crate::attr::getattr(cls, intern("__bases__").as_ref())
        && let Some(items) = tuple_items(bases.as_ref())
    {
        for b in items {
            merge_class_dict(into, b.as_ref(), depth + 1)?;
        }
    }
    Ok(())
}

fn type_dir(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__dir__", 0, 0)?;
    let d = new_dict();
    merge_class_dict(as_dict(d.as_ref()).expect("dict"), this(s), 0)?;
    Ok(new_list(as_dict(d.as_ref()).expect("dict").keys()))
}

fn object_dir(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__dir__", 0, 0)?;
    let me = this(s);
    let d = new_dict();
    let dd = as_dict(d.as_ref()).expect("dict");
    if let Ok(own) = crate::attr::getattr(me, intern("__dict__").as_ref())
        && let Some(own) = as_dict(own.as_ref())
    {
        for k in own.keys() {
            dd.set_item(k, none())?;
        }
    }
    let cls = match crate::attr::getattr(me, intern("__class__").as_ref()) {
        Ok(c) => c,
        Err(_) => me.type_().as_object().to_owned(),
    };
    merge_class_dict(dd, cls.as_ref(), 0)?;
    Ok(new_list(dd.keys()))
}

fn module_dir(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__dir__", 0, 0)?;
    let me = this(s);
    let Some(d) = crate::types::module::module_dict(me).map(|d| d.to_owned()) else {
        return Err(PyErr::type_error("<module>.__dict__ is not a dictionary"));
    };
    let dd = as_dict(d.as_ref()).expect("dict");
    if let Some(f) = dd.get_str("__dir__")? {
        return crate::ops::call(f.as_ref(), &[], None);
    }
    Ok(new_list(dd.keys()))
}

/// `dir(obj)`: `type(obj).__dir__(obj)`, sorted into a new list.
pub fn dir_of(o: ObjectRef<'_>) -> PyResult<Object> {
    let Some(f) = crate::types::typelookup::type_lookup(o.type_(), intern("__dir__").as_ref())?
    else {
        return Err(PyErr::type_error("object does not provide __dir__"));
    };
    let bound = match f.type_().slots.descr_get.get() {
        Some(get) => get(f.as_ref(), Some(o), Some(o.type_().as_object()))?,
        None => f,
    };
    let r = crate::ops::call(bound.as_ref(), &[], None)?;
    sorted_list(r)
}

/// `sorted(iterable)` through the builtin.
pub fn sorted_list(items: Object) -> PyResult<Object> {
    let b = crate::builtins::builtins_dict();
    let f = as_dict(b.as_ref())
        .and_then(|d| d.get_str("sorted").ok().flatten())
        .ok_or_else(|| PyErr::type_error("sorted() is unavailable"))?;
    crate::ops::call(f.as_ref(), &[items], None)
}

// ----- object's methods -----------------------------------------------------------------------

fn sizeof(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__sizeof__", 0, 0)?;
    let me = this(s);
    let t = me.type_();
    let mut n = t.basicsize + crate::object::HEADER_SIZE;
    if t.itemsize > 0
        && let Ok(len) = crate::ops::len(me)
    {
        n += len * t.itemsize;
    }
    Ok(new_int_i64(n as i64))
}

fn getstate(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__getstate__", 0, 0)?;
    let me = this(s);
    let state = match crate::types::instance::instance_dict(me) {
        Some(d) if as_dict(d.as_ref()).is_some_and(|d| !d.is_empty()) => d,
        _ => none(),
    };
    // Values in `__slots__` come as a second dict, `(state, slots)`, as in CPython.
    if me.type_().has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) {
        let names = crate::ops::call(
            copyreg_attr("_slotnames")?.as_ref(),
            &[me.type_().as_object().to_owned()],
            None,
        )?;
        let names = crate::ops::sequence_to_vec(names.as_ref())?;
        if !names.is_empty() {
            let slots = crate::types::dict::new_dict();
            let sd = as_dict(slots.as_ref()).expect("dict");
            for n in names {
                match crate::attr::getattr(me, n.as_ref()) {
                    Ok(v) => sd.set_item(n, v)?,
                    Err(e) if e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR) => {}
                    Err(e) => return Err(e),
                }
            }
            if !sd.is_empty() {
                return Ok(tuple_items_new(state, slots));
            }
        }
    }
    Ok(state)
}

fn tuple_items_new(a: Object, b: Object) -> Object {
    new_tuple(vec![a, b])
}

fn copyreg_attr(name: &str) -> PyResult<Object> {
    let m = crate::import::import_absolute("copyreg")?;
    crate::attr::getattr(m.as_ref(), intern(name).as_ref())
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it overrides object's, else
/// `copyreg.__newobj__` with the state (protocol 2 and up) or `copyreg._reduce_ex`.
fn reduce_ex(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__reduce_ex__", 1, 1)?;
    let me = this(s);
    let proto = crate::ops::index_value(args[0].as_ref())?
        .ok_or_else(|| PyErr::type_error("__reduce_ex__ argument must be an integer"))?;
    let name = intern("__reduce__");
    if let Some(r) = crate::types::typelookup::type_lookup(me.type_(), name.as_ref())? {
        let base = crate::types::typelookup::type_lookup(
            &crate::types::object::OBJECT_TYPE.0,
            name.as_ref(),
        )?;
        if !base.is_some_and(|b| b.is(&r)) {
            let m = crate::attr::getattr(me, name.as_ref())?;
            return crate::ops::call(m.as_ref(), &[], None);
        }
    }
    common_reduce(me, proto)
}

fn common_reduce(me: ObjectRef<'_>, proto: isize) -> PyResult<Object> {
    if proto < 2 {
        let f = copyreg_attr("_reduce_ex")?;
        return crate::ops::call(f.as_ref(), &[me.to_owned(), new_int_i64(proto as i64)], None);
    }
    let cls = me.type_().as_object().to_owned();
    let mut newargs = vec![cls];
    if let Ok(g) = crate::attr::getattr(me, intern("__getnewargs__").as_ref()) {
        let a = crate::ops::call(g.as_ref(), &[], None)?;
        newargs.extend(tuple_items(a.as_ref()).unwrap_or(&[]).iter().cloned());
    }
    let getstate = crate::attr::getattr(me, intern("__getstate__").as_ref())?;
    let state = crate::ops::call(getstate.as_ref(), &[], None)?;
    let listitems =
        if crate::types::list::as_list(me).is_some() { crate::ops::iter(me)? } else { none() };
    let dictitems = if as_dict(me).is_some() {
        let items = crate::attr::getattr(me, intern("items").as_ref())?;
        crate::ops::iter(crate::ops::call(items.as_ref(), &[], None)?.as_ref())?
    } else {
        none()
    };
    Ok(new_tuple(vec![
        copyreg_attr("__newobj__")?,
        new_tuple(newargs),
        state,
        listitems,
        dictitems,
    ]))
}

fn reduce(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__reduce__", 0, 0)?;
    common_reduce(this(s), 0)
}

fn subclasshook(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "object.__subclasshook__() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(crate::types::singletons::not_implemented())
}

fn class_getitem(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__class_getitem__", 1, 1)?;
    Ok(crate::types::genericalias::new_generic_alias(this(s).to_owned(), args[0].as_ref()))
}

// ----- numeric and text dunders forwarding to the built-in operations --------------------------

fn builtin_fn(name: &str) -> PyResult<Object> {
    let b = crate::builtins::builtins_dict();
    as_dict(b.as_ref())
        .and_then(|d| d.get_str(name).ok().flatten())
        .ok_or_else(|| PyErr::type_error(format!("{name}() is unavailable")))
}

fn format_dunder(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__format__", 1, 1)?;
    let me = this(s);
    if crate::types::str::Str::new(args[0].as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            args[0].type_().name()
        )));
    }
    crate::eval::helpers::format_builtin_value(me, args[0].as_ref())
}

fn round_dunder(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__round__", 0, 1)?;
    let mut all = vec![this(s).to_owned()];
    all.extend(args.iter().filter(|a| !is_none(a.as_ref())).cloned());
    crate::ops::call(builtin_fn("round")?.as_ref(), &all, None)
}

fn int_self(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).count("__trunc__", 0, 0)?;
    let me = this(s);
    match crate::types::int::int_value(me) {
        Some(v) => Ok(crate::types::int::new_int(v.to_ibig().into_owned())),
        None => Err(PyErr::type_error("an integer is required")),
    }
}

fn math_fn(name: &str, me: ObjectRef<'_>) -> PyResult<Object> {
    let m = crate::builtins::builtin_module("math").expect("math");
    let f = crate::attr::getattr(m.as_ref(), intern(name).as_ref())?;
    crate::ops::call(f.as_ref(), &[me.to_owned()], None)
}

fn float_trunc(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__trunc__", 0, 0)?;
    math_fn("trunc", this(s))
}

fn float_floor(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__floor__", 0, 0)?;
    math_fn("floor", this(s))
}

fn float_ceil(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__ceil__", 0, 0)?;
    math_fn("ceil", this(s))
}

fn getnewargs(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__getnewargs__", 0, 0)?;
    Ok(new_tuple(vec![this(s).to_owned()]))
}

fn reversed_dunder(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__reversed__", 0, 0)?;
    crate::builtins::functions::reversed_native(this(s).to_owned())
}

/// A native method for `ty.name` that Taipan implements here (used when nothing was registered
/// for it).
pub(crate) fn native_method(ty: &PyType, name: &str) -> Option<NativeFn> {
    use crate::types::{float::FLOAT_TYPE, int::INT_TYPE, module::MODULE_TYPE};
    let is = |t: &PyType| std::ptr::eq(ty, t);
    Some(match name {
        "__dir__" if is(&TYPE_TYPE.0) => type_dir,
        "__dir__" if is(&MODULE_TYPE.0) => module_dir,
        "__dir__" => object_dir,
        "__sizeof__" => sizeof,
        "__reduce_ex__" if is(&crate::types::object::OBJECT_TYPE.0) => reduce_ex,
        "__reduce__" if is(&crate::types::object::OBJECT_TYPE.0) => reduce,
        "__reduce__" if is(&crate::types::function::BUILTIN_FUNCTION_TYPE.0) => {
            crate::types::function::builtin_reduce
        }
        "__getstate__" => getstate,
        "mro" if is(&TYPE_TYPE.0) => type_mro,
        "__subclasses__" if is(&TYPE_TYPE.0) => type_subclasses,
        "__instancecheck__" if is(&TYPE_TYPE.0) => crate::builtins::isinstance::type_instancecheck,
        "__subclasscheck__" if is(&TYPE_TYPE.0) => crate::builtins::isinstance::type_subclasscheck,
        "__format__" if !is(&crate::types::object::OBJECT_TYPE.0) => format_dunder,
        "__round__" => round_dunder,
        "__trunc__" | "__floor__" | "__ceil__" if is(&INT_TYPE.0) => int_self,
        "__trunc__" if is(&FLOAT_TYPE.0) => float_trunc,
        "__floor__" if is(&FLOAT_TYPE.0) => float_floor,
        "__ceil__" if is(&FLOAT_TYPE.0) => float_ceil,
        "__getnewargs__" => getnewargs,
        "__reversed__" => reversed_dunder,
        "__getitem__" => getitem_static,
        "__contains__" => contains_static,
        "__set_name__" => set_name_noop,
        _ => return None,
    })
}

/// A native class method for `ty.name` implemented here.
pub(crate) fn native_classmethod(ty: &PyType, name: &str) -> Option<NativeFn> {
    Some(match name {
        "__class_getitem__" => class_getitem,
        "__subclasshook__" => subclasshook,
        "__prepare__" if std::ptr::eq(ty, &TYPE_TYPE.0) => type_prepare,
        _ => return None,
    })
}

macro_rules! inplace_fns {
    ($($fname:ident => $dunder:literal, $op:ident;)*) => {
        $(fn $fname(s: Option<ObjectRef<'_>>, a: &[Object], k: Option<ObjectRef<'_>>) -> PyResult<Object> {
            Args::new(a, k).count($dunder, 1, 1)?;
            crate::eval::helpers::binary_op_builtin(this(s), a[0].as_ref(), crate::ops::BinOp::$op, true)
        })*
    };
}

inplace_fns! {
    iadd => "__iadd__", Add;
    isub => "__isub__", Sub;
    imul => "__imul__", Mul;
    ior => "__ior__", Or;
    iand => "__iand__", And;
    ixor => "__ixor__", Xor;
}

/// The built-in type an instance's behaviour comes from (a Python subclass's static base).
fn static_base(o: ObjectRef<'_>) -> &PyType {
    let mut t = o.type_();
    while is_heap(t) {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    t
}

fn getitem_static(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__getitem__", 1, 1)?;
    let me = this(s);
    let sl = &static_base(me).slots;
    if let Some(f) = sl.mp_subscript.get() {
        return f(me, a[0].as_ref());
    }
    if let Some(f) = sl.sq_item.get() {
        let i = crate::ops::index_value(a[0].as_ref())?
            .ok_or_else(|| PyErr::type_error("indices must be integers"))?;
        return f(me, i);
    }
    Err(PyErr::type_error(format!("'{}' object is not subscriptable", me.type_().name())))
}

fn contains_static(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__contains__", 1, 1)?;
    let me = this(s);
    match static_base(me).slots.sq_contains.get() {
        Some(f) => Ok(crate::types::bool::py_bool(f(me, a[0].as_ref())?)),
        None => crate::ops::contains(me, a[0].as_ref()).map(crate::types::bool::py_bool),
    }
}

fn set_name_noop(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__set_name__", 2, 2)?;
    Ok(none())
}

/// A native function behind a slot-wrapper dunder that has no slot in Taipan.
pub(crate) fn native_dunder(_ty: &PyType, name: &str) -> Option<NativeFn> {
    Some(match name {
        "__iadd__" => iadd,
        "__isub__" => isub,
        "__imul__" => imul,
        "__ior__" => ior,
        "__iand__" => iand,
        "__ixor__" => ixor,
        _ => return None,
    })
}

/// `dir()` for the builtin: with an object, [`dir_of`]; without, the caller's local names.
pub fn dir_builtin(
    ctx: Option<&crate::builtins::framefns::FrameCtx<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("dir")?;
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dir expected at most 1 argument, got {}",
            args.len()
        )));
    }
    match args.first() {
        Some(o) => dir_of(o.as_ref()),
        None => {
            let Some(ctx) = ctx else {
                return Err(PyErr::type_error("dir() needs a calling frame"));
            };
            let locals = crate::builtins::framefns::locals_of(ctx)?;
            let keys = crate::eval::helpers::iterate(locals.as_ref())?;
            sorted_list(new_list(keys))
        }
    }
}
