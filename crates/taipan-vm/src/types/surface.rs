//! The attribute surface of the built-in types: builds each static type's per-interpreter dict
//! from the generated table (`surface_table.rs`, CPython 3.14's `__dict__` keys in order, each
//! with the kind of descriptor CPython stores), reusing what the VM registered for the name and
//! converting it to CPython's descriptor kind. Also owns the list of static types, the private
//! bases hidden from `__mro__`/`dir()`, and the `__new__` wrapper.
//!
//! A type added to the VM appears here by being listed in [`static_types`] (or by being a type
//! in `builtins`); its methods registered before `complete` runs keep working and get the kind
//! CPython gives them. Names Taipan has no implementation for become descriptors that raise
//! NotImplementedError when called.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::descriptors::{CLASSMETHOD_TYPE, STATICMETHOD_TYPE, WrapperPayload};
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{
    BUILTIN_FUNCTION_TYPE, ClassMethodImpl, METHOD_DESCRIPTOR_TYPE, NativeFn,
    method_descriptor_parts, new_bound_builtin, new_builtin_function, new_classmethod_descriptor,
    new_method_descriptor, not_implemented_method,
};
use crate::types::getset::{GetSetImpl, new_getset, new_member};
use crate::types::singletons::none;
use crate::types::slotwrapper::{WRAPPER_DESCRIPTOR_TYPE, WrapperImpl, new_slot_wrapper};
use crate::types::str::new_str;
use crate::types::typelookup::{replace_static_dict, type_dict};
use crate::types::typeobject::{PyType, as_type};

/// What CPython stores under a name in a built-in type's `__dict__`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `wrapper_descriptor`: a slot exposed as a dunder.
    Slot,
    /// `method_descriptor`.
    Method,
    /// `classmethod_descriptor`.
    ClassMethod,
    /// A `staticmethod` around a builtin (`str.maketrans`).
    Static,
    /// `__new__`: a builtin bound to the type.
    New,
    /// `getset_descriptor`.
    GetSet,
    /// `member_descriptor`.
    Member,
    /// `None` (`__hash__` of unhashable types, some `__doc__`s).
    NoneValue,
    /// A docstring Taipan does not carry (stored as `None`).
    Doc,
    /// A string value.
    Str(&'static str),
}

/// Every static type whose surface the table describes, by Python name (the first of a name
/// wins). Types made elsewhere must be listed here (or be in `builtins`) to get theirs.
pub fn static_types() -> Vec<&'static PyType> {
    use crate::types::*;
    let mut v: Vec<&'static PyType> = vec![
        &object::OBJECT_TYPE.0,
        &typeobject::TYPE_TYPE.0,
        &int::INT_TYPE.0,
        &bool::BOOL_TYPE.0,
        &float::FLOAT_TYPE.0,
        &str::STR_TYPE.0,
        &bytes::BYTES_TYPE.0,
        &list::LIST_TYPE.0,
        &tuple::TUPLE_TYPE.0,
        &dict::DICT_TYPE.0,
        &set::SET_TYPE.0,
        &set::FROZENSET_TYPE.0,
        &range::RANGE_TYPE.0,
        &range::RANGE_ITER_TYPE.0,
        &range::LONGRANGE_ITER_TYPE.0,
        &slice::SLICE_TYPE.0,
        &singletons::NONE_TYPE.0,
        &singletons::NOT_IMPLEMENTED_TYPE.0,
        &singletons::ELLIPSIS_TYPE.0,
        &pyfunction::FUNCTION_TYPE.0,
        &pyfunction::METHOD_TYPE.0,
        &function::BUILTIN_FUNCTION_TYPE.0,
        &function::METHOD_DESCRIPTOR_TYPE.0,
        &function::CLASSMETHOD_DESCRIPTOR_TYPE.0,
        &slotwrapper::WRAPPER_DESCRIPTOR_TYPE.0,
        &slotwrapper::METHOD_WRAPPER_TYPE.0,
        &getset::GETSET_DESCRIPTOR_TYPE.0,
        &getset::MEMBER_DESCRIPTOR_TYPE.0,
        &mappingproxy::MAPPINGPROXY_TYPE.0,
        &descriptors::PROPERTY_TYPE.0,
        &descriptors::CLASSMETHOD_TYPE.0,
        &descriptors::STATICMETHOD_TYPE.0,
        &superobj::SUPER_TYPE.0,
        &module::MODULE_TYPE.0,
        &cell::CELL_TYPE.0,
        &code::CODE_TYPE.0,
        &traceback_obj::TRACEBACK_TYPE.0,
        &traceback_obj::FRAME_TYPE.0,
        &generator::GENERATOR_TYPE.0,
        &coroutine::COROUTINE_TYPE.0,
        &asyncgen::ASYNC_GENERATOR_TYPE.0,
        &genericalias::GENERIC_ALIAS_TYPE.0,
        &dictview::DICT_KEYS_TYPE.0,
        &dictview::DICT_VALUES_TYPE.0,
        &dictview::DICT_ITEMS_TYPE.0,
        &iter::LIST_ITERATOR_TYPE.0,
        &iter::LIST_REVERSEITERATOR_TYPE.0,
        &iter::TUPLE_ITERATOR_TYPE.0,
        &iter::STR_ASCII_ITERATOR_TYPE.0,
        &iter::BYTES_ITERATOR_TYPE.0,
        &iter::SET_ITERATOR_TYPE.0,
        &iter::DICT_KEYITERATOR_TYPE.0,
        &iter::DICT_VALUEITERATOR_TYPE.0,
        &iter::DICT_ITEMITERATOR_TYPE.0,
        &native_iter::ENUMERATE_TYPE.0,
        &native_iter::ZIP_TYPE.0,
        &native_iter::MAP_TYPE.0,
        &native_iter::FILTER_TYPE.0,
        &native_iter::REVERSED_TYPE.0,
        &native_iter::CALLABLE_ITER_TYPE.0,
        &native_iter::SEQ_ITER_TYPE.0,
        &crate::types::weakref::REF_TYPE.0,
    ];
    for t in crate::types::exceptions::ALL_EXCEPTION_TYPES.iter() {
        if !v.iter().any(|x| std::ptr::eq(*x, &t.0)) {
            v.push(&t.0);
        }
    }
    v
}

/// Private base types Taipan uses to share a payload; CPython has no such classes, so they are
/// left out of `__mro__`, `__bases__`, `__subclasses__()` and `dir()`.
pub fn is_hidden(ty: &PyType) -> bool {
    use crate::types::*;
    [
        &iter::ITER_BASE_TYPE.0,
        &native_iter::NATIVE_ITER_BASE.0,
        &dictview::DICT_VIEW_BASE.0,
        &getset::DESCR_BASE.0,
        &descriptors::WRAPPER_BASE.0,
    ]
    .iter()
    .any(|h| std::ptr::eq(*h, ty))
}

/// The first base of `ty` that is not hidden.
pub fn visible_base(ty: &PyType) -> Option<&PyType> {
    let mut b = ty.base();
    while let Some(t) = b {
        if !is_hidden(t) {
            return Some(t);
        }
        b = t.base();
    }
    None
}

/// A static type's `__bases__`: its visible base, plus the second base of the few built-in
/// types CPython defines with two (`ExceptionGroup(BaseExceptionGroup, Exception)`), which
/// Taipan's single `base` pointer cannot express.
pub fn static_bases(ty: &PyType) -> Vec<&PyType> {
    let mut v: Vec<&PyType> = visible_base(ty).into_iter().collect();
    if std::ptr::eq(ty, &crate::types::exception_group::EXCEPTION_GROUP.0) {
        v.push(&crate::types::exceptions::EXCEPTION.0);
    }
    v
}

/// The C3 linearisation of a static type over [`static_bases`].
fn static_mro(ty: &PyType) -> Vec<&PyType> {
    let bases = static_bases(ty);
    let mut seqs: Vec<Vec<&PyType>> = bases.iter().map(|b| static_mro(b)).collect();
    seqs.push(bases);
    let mut out = vec![ty];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return out;
        }
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| std::ptr::eq(*x, *c))));
        let Some(c) = head else { return out };
        out.push(c);
        for s in &mut seqs {
            if std::ptr::eq(s[0], c) {
                s.remove(0);
            }
        }
    }
}

/// `__mro__` as a vector: the type's MRO tuple when it has one, else the linearisation of its
/// visible bases.
pub fn mro_of(ty: &PyType) -> Vec<Object> {
    let m = ty.mro.take();
    ty.mro.set(m.clone());
    if let Some(items) = m.as_ref().and_then(|m| crate::types::tuple::tuple_items(m.as_ref())) {
        // A subclass of a built-in with a hidden base (`class E(enumerate)`) keeps that base in
        // its MRO tuple (payload checks walk it); `__mro__` leaves it out.
        return items
            .iter()
            .filter(|t| crate::types::typeobject::as_type(t.as_ref()).is_none_or(|t| !is_hidden(t)))
            .cloned()
            .collect();
    }
    if ty.has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) {
        let mut v = vec![ty.as_object().to_owned()];
        let mut t = visible_base(ty);
        while let Some(x) = t {
            if x.has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) {
                v.push(x.as_object().to_owned());
                t = visible_base(x);
            } else {
                v.extend(static_mro(x).into_iter().map(|s| s.as_object().to_owned()));
                break;
            }
        }
        return v;
    }
    static_mro(ty).into_iter().map(|s| s.as_object().to_owned()).collect()
}

fn depth(ty: &PyType) -> usize {
    let mut n = 0;
    let mut t = ty.base();
    while let Some(b) = t {
        n += 1;
        t = b.base();
    }
    n
}

/// The value a base type (hidden ones included) stores for `name`.
fn inherited(ty: &PyType, name: &str) -> Option<Object> {
    let mut t = ty.base();
    while let Some(b) = t {
        let d = type_dict(b);
        if let Some(v) = as_dict(d.as_ref()).and_then(|d| d.get_str(name).ok().flatten()) {
            return Some(v);
        }
        t = b.base();
    }
    None
}

fn is_type(o: ObjectRef<'_>, t: &PyType) -> bool {
    std::ptr::eq(o.type_(), t)
}

/// Whether `ty` itself implements the slot behind the dunder `name` (so a slot wrapper works).
fn has_slot(ty: &PyType, name: &str) -> bool {
    let s = &ty.slots;
    match name {
        "__init__" => s.init.get().is_some(),
        "__call__" => s.call.get().is_some(),
        "__iter__" => s.iter.get().is_some(),
        "__next__" => s.iternext.get().is_some(),
        "__getattribute__" => s.getattr.get().is_some(),
        "__setattr__" | "__delattr__" => s.setattr.get().is_some(),
        "__get__" => s.descr_get.get().is_some(),
        "__set__" | "__delete__" => s.descr_set.get().is_some(),
        "__len__" => s.sq_length.get().is_some() || s.mp_length.get().is_some(),
        "__getitem__" => s.mp_subscript.get().is_some() || s.sq_item.get().is_some(),
        "__setitem__" | "__delitem__" => {
            s.mp_ass_subscript.get().is_some() || s.sq_ass_item.get().is_some()
        }
        "__contains__" => s.sq_contains.get().is_some(),
        "__del__" | "__await__" | "__aiter__" | "__anext__" | "__buffer__"
        | "__release_buffer__" => false,
        n if n.starts_with("__i")
            && !matches!(n, "__init__" | "__index__" | "__int__" | "__invert__" | "__iter__") =>
        {
            false
        }
        _ => true,
    }
}

fn to_wrapper(ty: &'static PyType, name: &'static str, existing: Option<Object>) -> Object {
    if let Some(e) = &existing {
        if is_type(e.as_ref(), &WRAPPER_DESCRIPTOR_TYPE.0) {
            return e.clone();
        }
        if let Some((_, f, _)) = method_descriptor_parts(e.as_ref()) {
            return new_slot_wrapper(ty, name, WrapperImpl::Native(f));
        }
    }
    if let Some(f) = crate::types::typeattrs::native_dunder(ty, name) {
        return new_slot_wrapper(ty, name, WrapperImpl::Native(f));
    }
    if !has_slot(ty, name)
        && let Some(inh) = inherited(ty, name)
        && !crate::types::singletons::is_none(inh.as_ref())
    {
        if let Some((_, f, _)) = method_descriptor_parts(inh.as_ref()) {
            return new_slot_wrapper(ty, name, WrapperImpl::Native(f));
        }
        return new_slot_wrapper(ty, name, WrapperImpl::Inherited(inh));
    }
    new_slot_wrapper(ty, name, WrapperImpl::Slot)
}

fn to_method(ty: &'static PyType, name: &'static str, existing: Option<Object>) -> Object {
    if let Some(e) = existing {
        if let Some((_, f, owner)) = method_descriptor_parts(e.as_ref())
            && !std::ptr::eq(owner, ty)
        {
            return new_method_descriptor(ty, name, f);
        }
        return e;
    }
    // The type-specific methods first: `typeattrs` also has catch-alls (`object.__dir__`).
    if let Some(f) = crate::types::extra_methods::native_method(ty, name)
        .or_else(|| crate::types::typeattrs::native_method(ty, name))
    {
        return new_method_descriptor(ty, name, f);
    }
    if let Some(inh) = inherited(ty, name)
        && let Some((_, f, _)) = method_descriptor_parts(inh.as_ref())
    {
        return new_method_descriptor(ty, name, f);
    }
    new_method_descriptor(ty, name, not_implemented_method)
}

fn to_classmethod(ty: &'static PyType, name: &'static str, existing: Option<Object>) -> Object {
    if let Some(e) = existing {
        if is_type(e.as_ref(), &crate::types::function::CLASSMETHOD_DESCRIPTOR_TYPE.0) {
            return e;
        }
        if is_type(e.as_ref(), &CLASSMETHOD_TYPE.0)
            && let Some(w) = e.payload::<WrapperPayload>()
        {
            return new_classmethod_descriptor(
                ty,
                name,
                ClassMethodImpl::Callable(w.func().clone()),
            );
        }
        if let Some((_, f, _)) = method_descriptor_parts(e.as_ref()) {
            return new_classmethod_descriptor(ty, name, ClassMethodImpl::Native(f));
        }
        if is_type(e.as_ref(), &BUILTIN_FUNCTION_TYPE.0) {
            return new_classmethod_descriptor(ty, name, ClassMethodImpl::Callable(e));
        }
        return e;
    }
    let f = crate::types::typeattrs::native_classmethod(ty, name)
        .or_else(|| crate::types::extra_methods::native_classmethod(ty, name))
        .unwrap_or(not_implemented_method);
    new_classmethod_descriptor(ty, name, ClassMethodImpl::Native(f))
}

fn to_static(name: &'static str, existing: Option<Object>) -> Object {
    match existing {
        Some(e) if is_type(e.as_ref(), &STATICMETHOD_TYPE.0) => e,
        Some(e) => crate::types::descriptors::new_staticmethod(e),
        None => crate::types::descriptors::new_staticmethod(new_builtin_function(
            name,
            not_implemented_method,
        )),
    }
}

fn to_getset(
    ty: &'static PyType,
    name: &'static str,
    kind: Kind,
    existing: Option<Object>,
) -> Object {
    let make = |imp| {
        if kind == Kind::Member { new_member(ty, name, imp) } else { new_getset(ty, name, imp) }
    };
    if let Some((get, set)) = crate::types::typeattrs::native_getset(ty, name) {
        return make(GetSetImpl::Native(get, set));
    }
    if let Some(e) = existing {
        if is_type(e.as_ref(), &crate::types::descriptors::PROPERTY_TYPE.0)
            && let Some(fget) = crate::types::descriptors::property_fget(e.as_ref())
        {
            return make(GetSetImpl::Getter(fget));
        }
        if e.payload::<crate::types::getset::GetSetPayload>().is_some() {
            return e;
        }
    }
    make(GetSetImpl::Delegate)
}

/// `T.__new__(S, ...)`: checks `S` is a subtype of `T` and runs `T`'s constructor for it.
pub(crate) fn tp_new_wrapper(
    s: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let owner = s.and_then(as_type).expect("__new__ bound to its type");
    let Some(first) = args.first() else {
        return Err(PyErr::type_error(format!("{}.__new__(): not enough arguments", owner.name())));
    };
    let Some(sub) = as_type(first.as_ref()) else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name(),
            first.type_().name()
        )));
    };
    if !sub.is_subtype(owner) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name(),
            sub.name(),
            sub.name(),
            owner.name()
        )));
    }
    crate::eval::typecall::new_for(owner, first.as_ref(), &args[1..], kw)
}

fn to_value(
    ty: &'static PyType,
    name: &'static str,
    kind: Kind,
    existing: Option<Object>,
) -> Object {
    match kind {
        Kind::Slot => to_wrapper(ty, name, existing),
        Kind::Method => to_method(ty, name, existing),
        Kind::ClassMethod => to_classmethod(ty, name, existing),
        Kind::Static => to_static(name, existing),
        Kind::New => new_bound_builtin("__new__", tp_new_wrapper, ty.as_object().to_owned()),
        Kind::GetSet | Kind::Member => to_getset(ty, name, kind, existing),
        Kind::NoneValue => none(),
        Kind::Doc => match existing {
            Some(e) if crate::types::str::Str::new(e.as_ref()).is_some() => e,
            _ => none(),
        },
        Kind::Str(s) => new_str(s),
    }
}

/// Rebuilds one static type's dict in CPython's order.
fn rebuild(ty: &'static PyType, entries: &'static [(&'static str, Kind)]) -> PyResult<()> {
    let old = type_dict(ty);
    let old = as_dict(old.as_ref()).expect("a dict");
    let new = new_dict();
    let nd = as_dict(new.as_ref()).expect("a dict");
    for (name, kind) in entries {
        let existing = old.get_str(name)?;
        nd.set_str(name, to_value(ty, name, *kind, existing))?;
    }
    for (k, v) in old.items() {
        if !nd.contains(k.as_ref())? {
            nd.set_item(k, v)?;
        }
    }
    replace_static_dict(ty, new);
    Ok(())
}

/// The static types whose surface the table may describe: [`static_types`] plus the static
/// types found in `builtins`.
fn surface_types() -> Vec<&'static PyType> {
    let mut types = static_types();
    let builtins = crate::builtins::builtins_dict();
    if let Some(d) = as_dict(builtins.as_ref()) {
        for v in d.values() {
            if let Some(t) = as_type(v.as_ref())
                && !types.iter().any(|x| std::ptr::eq(*x, t))
                && let Some(st) = static_ref(t)
            {
                types.push(st);
            }
        }
    }
    types
}

/// Builds the surface of every known static type (once per interpreter, after the builtins
/// registered their methods).
pub(crate) fn complete() {
    crate::types::mappingproxy::register();
    crate::types::genericalias::register();
    let types = surface_types();
    let mut found: Vec<(&'static PyType, &'static [(&'static str, Kind)])> = Vec::new();
    for (name, entries) in crate::types::surface_table::TYPES {
        // The table is keyed by `__name__` (`ReferenceType` for `weakref.ReferenceType`).
        if let Some(t) = types.iter().find(|t| t.name().rsplit('.').next() == Some(*name)) {
            found.push((t, entries));
        }
    }
    found.sort_by_key(|(t, _)| depth(t));
    for (t, entries) in found {
        let _ = rebuild(t, entries);
    }
}

/// A static type found in `builtins` as a `&'static` (static types are never freed).
fn static_ref(t: &PyType) -> Option<&'static PyType> {
    if t.has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE) {
        return None;
    }
    // SAFETY: a static type is an immortal `static` (docs/vm.md, "Immortality"), so a reference
    // to it is valid for the whole program.
    Some(unsafe { &*(t as *const PyType) })
}

/// Whether an object stored in a type's dict is one of the descriptor kinds built here.
pub fn is_native_descriptor(o: ObjectRef<'_>) -> bool {
    is_type(o, &METHOD_DESCRIPTOR_TYPE.0) || is_type(o, &WRAPPER_DESCRIPTOR_TYPE.0)
}

/// The static types deriving directly from `ty` (hidden bases looked through), for
/// `__subclasses__()`.
pub fn static_subclasses(ty: &PyType) -> Vec<Object> {
    static_types()
        .into_iter()
        .filter(|t| static_bases(t).iter().any(|b| std::ptr::eq(*b, ty)))
        .map(|t| t.as_object().to_owned())
        .collect()
}

/// Every `type.name` of the built-in types whose value is still a NotImplementedError
/// placeholder (see `docs/remaining_stubs.txt`), sorted.
pub fn remaining_stubs() -> Vec<String> {
    let mut out = Vec::new();
    let types = surface_types();
    for (name, entries) in crate::types::surface_table::TYPES {
        let Some(t) = types.iter().find(|t| t.name().rsplit('.').next() == Some(*name)) else {
            continue;
        };
        let d = type_dict(t);
        let Some(d) = as_dict(d.as_ref()) else { continue };
        for (attr, _) in entries.iter() {
            if let Ok(Some(v)) = d.get_str(attr)
                && crate::types::function::is_stub(v.as_ref())
            {
                out.push(format!("{name}.{attr}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[allow(dead_code)]
fn unused(_: NativeFn) {}
