//! `types.GenericAlias`: what subscripting a built-in generic class gives (`list[int]`,
//! `dict[str, int]`) — its `repr`, `__parameters__` and type-variable substitution
//! (`dict[str, T][int]`), calls that record `__orig_class__`, attribute reads forwarded to the
//! origin, pickling, `dir()`, the starred form `*tuple[int]` its iterator yields — and
//! `__class_getitem__` of Python classes.

use std::cell::RefCell;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::exceptions::{ATTRIBUTE_ERROR, TYPE_ERROR};
use crate::types::list::{LIST_TYPE, as_list, new_list};
use crate::types::singletons::{ELLIPSIS, is_none, none};
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::{TUPLE_TYPE, new_tuple, tuple_items};
use crate::types::typeobject::{
    BinaryFn, GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, as_type, slot,
};

pub struct GenericAliasPayload {
    origin: Object,
    /// Always a tuple.
    args: Object,
    /// `__parameters__`, computed on first use.
    parameters: RefCell<Option<Object>>,
    /// `*tuple[int]`: the alias unpacked by iteration (`__unpacked__`).
    starred: bool,
}

// SAFETY: generic aliases are built only here (and by `typecall` for Python subclasses, from a
// `duplicate`) with this payload.
unsafe impl PyPayload for GenericAliasPayload {
    fn type_object() -> &'static PyType {
        &GENERIC_ALIAS_TYPE.0
    }
}

/// Names an alias answers itself; every other attribute is read from its origin.
const OWN_ATTRS: [&str; 12] = [
    "__class__",
    "__bases__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn is_builtin_generic(t: &PyType) -> bool {
    use crate::types::*;
    [
        &list::LIST_TYPE.0,
        &dict::DICT_TYPE.0,
        &tuple::TUPLE_TYPE.0,
        &set::SET_TYPE.0,
        &set::FROZENSET_TYPE.0,
        &typeobject::TYPE_TYPE.0,
    ]
    .iter()
    .any(|g| std::ptr::eq(t, *g))
}

impl GenericAliasPayload {
    fn new(origin: Object, args: ObjectRef<'_>, starred: bool) -> GenericAliasPayload {
        let args = match tuple_items(args) {
            Some(_) => args.to_owned(),
            None => new_tuple(vec![args.to_owned()]),
        };
        GenericAliasPayload { origin, args, parameters: RefCell::new(None), starred }
    }

    /// A copy, for re-making an alias as an instance of a Python subclass of GenericAlias.
    pub fn duplicate(&self) -> GenericAliasPayload {
        GenericAliasPayload::new(self.origin.clone(), self.args.as_ref(), self.starred)
    }

    fn args(&self) -> &[Object] {
        tuple_items(self.args.as_ref()).unwrap_or(&[])
    }

    /// `__parameters__`: the type variables of the arguments, computed once.
    fn parameters(&self) -> PyResult<Object> {
        if let Some(p) = self.parameters.borrow().as_ref() {
            return Ok(p.clone());
        }
        let p = new_tuple(make_parameters(self.args())?);
        *self.parameters.borrow_mut() = Some(p.clone());
        Ok(p)
    }
}

fn payload(o: ObjectRef<'_>) -> &GenericAliasPayload {
    o.payload::<GenericAliasPayload>().expect("a generic alias")
}

fn make_alias(origin: Object, args: ObjectRef<'_>, starred: bool) -> Object {
    new_object(&GENERIC_ALIAS_TYPE.0, GenericAliasPayload::new(origin, args, starred))
}

/// `GenericAlias(origin, args)`.
pub(crate) fn alias_ctor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("GenericAlias")?;
    a.count("GenericAlias", 2, 2)?;
    Ok(new_generic_alias(args[0].clone(), args[1].as_ref()))
}

/// A generic alias's `__origin__`, `None` for other objects.
pub fn alias_origin(o: ObjectRef<'_>) -> Option<Object> {
    o.payload::<GenericAliasPayload>().map(|g| g.origin.clone())
}

/// `origin[item]` as a GenericAlias (`__class_getitem__` of the built-in generics).
pub fn new_generic_alias(origin: Object, item: ObjectRef<'_>) -> Object {
    make_alias(origin, item, false)
}

/// `cls[item]` for a class: a GenericAlias for the built-in generics, `__class_getitem__` for
/// Python classes; `None` when the class is not subscriptable.
pub fn class_getitem(cls: ObjectRef<'_>, item: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let Some(t) = as_type(cls) else { return Ok(None) };
    if is_builtin_generic(t) {
        return Ok(Some(new_generic_alias(cls.to_owned(), item)));
    }
    if let Some(f) = crate::types::typelookup::type_lookup(t, intern("__class_getitem__").as_ref())?
    {
        let f = match f.payload::<crate::types::descriptors::WrapperPayload>() {
            Some(w) => w.func().clone(),
            None => f,
        };
        return ops::call(f.as_ref(), &[cls.to_owned(), item.to_owned()], None).map(Some);
    }
    Ok(None)
}

/// `getattr(o, name)`, `None` when it is missing.
fn lookup(o: ObjectRef<'_>, name: &str) -> PyResult<Option<Object>> {
    crate::import::getattr_opt(o, name)
}

// ----- repr ------------------------------------------------------------------------------------

/// How a type argument prints in an alias's repr (CPython's `_Py_typing_type_repr`): `...`,
/// `None`, other aliases by `repr`, classes and functions as `module.qualname` (`qualname` alone
/// for builtins), anything else by `repr`.
fn type_repr(o: ObjectRef<'_>) -> PyResult<String> {
    if o.is(ELLIPSIS.as_ref()) {
        return Ok("...".into());
    }
    if o.is(crate::types::singletons::NONE_TYPE.0.as_object()) {
        return Ok("None".into());
    }
    if lookup(o, "__origin__")?.is_some() && lookup(o, "__args__")?.is_some() {
        return ops::repr_string(o);
    }
    let Some(qualname) = lookup(o, "__qualname__")? else { return ops::repr_string(o) };
    let module = match lookup(o, "__module__")? {
        Some(m) if !is_none(m.as_ref()) => m,
        _ => return ops::repr_string(o),
    };
    let qualname = ops::str_string(qualname.as_ref())?;
    if Str::new(module.as_ref()).and_then(|s| s.as_str()) == Some("builtins") {
        return Ok(qualname);
    }
    Ok(format!("{}.{}", ops::str_string(module.as_ref())?, qualname))
}

fn alias_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o);
    let mut out = if p.starred { "*".to_string() } else { String::new() };
    out.push_str(&type_repr(p.origin.as_ref())?);
    out.push('[');
    for (i, a) in p.args().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // A ParamSpec's argument list, as in `Callable[[int, str], bool]`.
        if std::ptr::eq(a.type_(), &LIST_TYPE.0) {
            // Item by item: a `__repr__` may shrink the list (IndexError, as in CPython).
            let list = as_list(a.as_ref()).expect("list");
            out.push('[');
            for j in 0..list.len() {
                let x = list.get(j).ok_or_else(|| {
                    PyErr::new(&crate::types::exceptions::INDEX_ERROR, "list index out of range")
                })?;
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(&type_repr(x.as_ref())?);
            }
            out.push(']');
        } else {
            out.push_str(&type_repr(a.as_ref())?);
        }
    }
    if p.args().is_empty() {
        out.push_str("()");
    }
    out.push(']');
    Ok(new_str(&out))
}

// ----- parameters and substitution -------------------------------------------------------------

/// Items of a tuple or list argument (`list[[T]]`, `Callable[[T], S]`).
fn seq_items(o: ObjectRef<'_>) -> Option<Vec<Object>> {
    if let Some(items) = tuple_items(o) {
        return Some(items.to_vec());
    }
    as_list(o).map(|l| l.to_vec())
}

fn push_unique(params: &mut Vec<Object>, t: &Object) {
    if !params.iter().any(|p| p.is(t)) {
        params.push(t.clone());
    }
}

/// The type variables among `args`, first occurrence first (CPython's `_Py_make_parameters`):
/// an object with `__typing_subst__` is one, others contribute their `__parameters__`, and
/// nested tuples and lists are searched.
pub fn make_parameters(args: &[Object]) -> PyResult<Vec<Object>> {
    let mut params: Vec<Object> = Vec::new();
    for t in args {
        // A bare class's `__parameters__` would be a descriptor, not its variables.
        if as_type(t.as_ref()).is_some() {
            continue;
        }
        if lookup(t.as_ref(), "__typing_subst__")?.is_some() {
            push_unique(&mut params, t);
            continue;
        }
        let sub = match lookup(t.as_ref(), "__parameters__")? {
            Some(s) => Some(s),
            None => match seq_items(t.as_ref()) {
                Some(items) => Some(new_tuple(make_parameters(&items)?)),
                None => None,
            },
        };
        if let Some(sub) = sub
            && let Some(items) = tuple_items(sub.as_ref())
        {
            for x in items {
                push_unique(&mut params, x);
            }
        }
    }
    Ok(params)
}

/// Whether `t` is a TypeVarTuple (CPython tells them by their type's `tp_iter`).
fn is_typevartuple(t: ObjectRef<'_>) -> bool {
    t.type_().slots.iter.get().is_some()
}

/// `obj` with the type variables `params` replaced by `items` when it has parameters of its
/// own (`list[T]` inside `dict[str, list[T]]`), else `obj` itself.
fn subs_tvars(obj: ObjectRef<'_>, params: &[Object], items: &[Object]) -> PyResult<Object> {
    let sub = lookup(obj, "__parameters__")?;
    let Some(sub) = sub.as_ref().and_then(|s| tuple_items(s.as_ref())).filter(|s| !s.is_empty())
    else {
        return Ok(obj.to_owned());
    };
    let mut subargs = Vec::with_capacity(sub.len());
    for arg in sub {
        match params.iter().position(|p| p.is(arg)) {
            Some(i) => {
                let value = &items[i];
                match tuple_items(value.as_ref()) {
                    Some(vs) if is_typevartuple(params[i].as_ref()) => {
                        subargs.extend(vs.iter().cloned())
                    }
                    _ => subargs.push(value.clone()),
                }
            }
            None => subargs.push(arg.clone()),
        }
    }
    ops::getitem(obj, new_tuple(subargs).as_ref())
}

/// The arguments of a subscription with unpacked fixed-length tuples spliced in
/// (`alias[int, *tuple[str, bytes]]` substitutes three arguments).
fn unpack_args(item: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    let given: Vec<Object> = match tuple_items(item) {
        Some(items) => items.to_vec(),
        None => vec![item.to_owned()],
    };
    let mut out = Vec::with_capacity(given.len());
    for it in given {
        if as_type(it.as_ref()).is_none() {
            let sub = match it.payload::<GenericAliasPayload>() {
                Some(g) if g.starred && g.origin.as_ref().is(TUPLE_TYPE.0.as_object()) => {
                    Some(g.args.clone())
                }
                _ => lookup(it.as_ref(), "__typing_unpacked_tuple_args__")?,
            };
            if let Some(sub) = sub
                && let Some(items) = tuple_items(sub.as_ref())
                && !items.last().is_some_and(|l| l.as_ref().is(ELLIPSIS.as_ref()))
            {
                out.extend(items.iter().cloned());
                continue;
            }
        }
        out.push(it);
    }
    Ok(out)
}

/// The new arguments of `self_[item]` for an alias (or union) with arguments `args` and type
/// variables `params` (CPython's `_Py_subs_parameters`).
pub fn subs_parameters(
    self_: ObjectRef<'_>,
    args: &[Object],
    params: &[Object],
    item: ObjectRef<'_>,
) -> PyResult<Vec<Object>> {
    if params.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} is not a generic class",
            ops::repr_string(self_)?
        )));
    }
    let mut item = new_tuple(unpack_args(item)?);
    for p in params {
        if let Some(prepare) = lookup(p.as_ref(), "__typing_prepare_subst__")?
            && !is_none(prepare.as_ref())
        {
            item = ops::call(prepare.as_ref(), &[self_.to_owned(), item.clone()], None)?;
        }
    }
    let items: Vec<Object> = match tuple_items(item.as_ref()) {
        Some(i) => i.to_vec(),
        None => vec![item.clone()],
    };
    if items.len() != params.len() {
        return Err(PyErr::type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if items.len() > params.len() { "many" } else { "few" },
            ops::repr_string(self_)?,
            items.len(),
            params.len()
        )));
    }
    subs_args(self_, args, params, &items, item.as_ref())
}

fn subs_args(
    self_: ObjectRef<'_>,
    args: &[Object],
    params: &[Object],
    items: &[Object],
    item: ObjectRef<'_>,
) -> PyResult<Vec<Object>> {
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        if as_type(arg.as_ref()).is_some() {
            out.push(arg.clone());
            continue;
        }
        // Substitution goes inside argument lists and tuples (`list[[T]][str]`).
        let is_list = std::ptr::eq(arg.type_(), &LIST_TYPE.0);
        if is_list || tuple_items(arg.as_ref()).is_some() {
            let inner = seq_items(arg.as_ref()).expect("tuple or list");
            let sub = subs_args(self_, &inner, params, items, item)?;
            out.push(if is_list { new_list(sub) } else { new_tuple(sub) });
            continue;
        }
        let unpack = match lookup(arg.as_ref(), "__typing_is_unpacked_typevartuple__")? {
            Some(v) => ops::is_true(v.as_ref())?,
            None => false,
        };
        let value = match lookup(arg.as_ref(), "__typing_subst__")? {
            Some(subst) => {
                let i = params.iter().position(|p| p.is(arg)).ok_or_else(|| {
                    PyErr::type_error("a type variable is missing from __parameters__")
                })?;
                ops::call(subst.as_ref(), &[items[i].clone()], None)?
            }
            None => subs_tvars(arg.as_ref(), params, items)?,
        };
        match tuple_items(value.as_ref()) {
            Some(vs) if unpack => out.extend(vs.iter().cloned()),
            _ => out.push(value),
        }
    }
    Ok(out)
}

fn alias_getitem(o: ObjectRef<'_>, item: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o);
    let params = p.parameters()?;
    let params = tuple_items(params.as_ref()).expect("tuple");
    let new_args = subs_parameters(o, p.args(), params, item)?;
    Ok(make_alias(p.origin.clone(), new_tuple(new_args).as_ref(), p.starred))
}

// ----- attributes, calls, comparisons ----------------------------------------------------------

fn alias_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    if let Some(n) = Str::new(name).and_then(|s| s.as_str())
        && !OWN_ATTRS.contains(&n)
    {
        return crate::attr::getattr(payload(o).origin.as_ref(), name);
    }
    crate::attr::generic_getattr(o, name)
}

fn get_origin(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(payload(o).origin.clone())
}

fn get_args(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(payload(o).args.clone())
}

fn get_unpacked(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(crate::types::bool::py_bool(payload(o).starred))
}

fn get_parameters(o: ObjectRef<'_>) -> PyResult<Object> {
    payload(o).parameters()
}

fn get_unpacked_tuple_args(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = payload(o);
    Ok(if p.starred && p.origin.as_ref().is(TUPLE_TYPE.0.as_object()) {
        p.args.clone()
    } else {
        none()
    })
}

/// The getters of `__origin__`, `__args__`, `__unpacked__`, `__parameters__` and
/// `__typing_unpacked_tuple_args__`.
pub(crate) fn native_getset(name: &str) -> Option<crate::types::getset::GetterFn> {
    Some(match name {
        "__origin__" => get_origin,
        "__args__" => get_args,
        "__unpacked__" => get_unpacked,
        "__parameters__" => get_parameters,
        "__typing_unpacked_tuple_args__" => get_unpacked_tuple_args,
        _ => return None,
    })
}

/// Calls the origin, then records the alias as the new object's `__orig_class__` where the
/// object accepts it.
fn alias_call(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let obj = ops::call(payload(o).origin.as_ref(), args, kw)?;
    match crate::import::setattr_str(obj.as_ref(), "__orig_class__", o) {
        Err(e) if !e.matches(&ATTRIBUTE_ERROR) && !e.matches(&TYPE_ERROR) => Err(e),
        _ => Ok(obj),
    }
}

fn alias_richcompare(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: crate::types::typeobject::CompareOp,
) -> PyResult<Object> {
    use crate::types::bool::py_bool;
    use crate::types::typeobject::CompareOp;
    let (Some(x), Some(y)) =
        (a.payload::<GenericAliasPayload>(), b.payload::<GenericAliasPayload>())
    else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let eq = || -> PyResult<Object> {
        if x.starred != y.starred
            || !ops::rich_compare_bool(x.origin.as_ref(), y.origin.as_ref(), CompareOp::Eq)?
        {
            return Ok(py_bool(false));
        }
        ops::rich_compare(x.args.as_ref(), y.args.as_ref(), CompareOp::Eq)
    };
    match op {
        CompareOp::Eq => eq(),
        CompareOp::Ne => Ok(py_bool(!ops::is_true(eq()?.as_ref())?)),
        _ => Ok(crate::types::singletons::not_implemented()),
    }
}

fn alias_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let p = payload(o);
    Ok(ops::hash(p.origin.as_ref())? ^ ops::hash(p.args.as_ref())?)
}

// ----- methods -----------------------------------------------------------------------------------

fn this<'a>(s: Option<ObjectRef<'a>>) -> ObjectRef<'a> {
    s.expect("method called with self")
}

pub(crate) fn ga_mro_entries(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let args = Args::new(a, k);
    args.no_kw_at_all("GenericAlias.__mro_entries__")?;
    args.count("GenericAlias.__mro_entries__", 1, 1)?;
    Ok(new_tuple(vec![payload(this(s)).origin.clone()]))
}

pub(crate) fn ga_instancecheck(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("GenericAlias.__instancecheck__", 1, 1)?;
    Err(PyErr::type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

pub(crate) fn ga_subclasscheck(
    _: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("GenericAlias.__subclasscheck__", 1, 1)?;
    Err(PyErr::type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn builtin(name: &str) -> PyResult<Object> {
    let b = crate::builtins::builtins_dict();
    crate::types::dict::as_dict(b.as_ref())
        .expect("dict")
        .get_str(name)?
        .ok_or_else(|| PyErr::new(&crate::types::exceptions::NAME_ERROR, name.to_string()))
}

/// `__reduce__`: `(type(alias), (origin, args))`; a starred alias is the next item of its
/// unstarred form's iterator.
pub(crate) fn ga_reduce(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("GenericAlias.__reduce__", 0, 0)?;
    let o = this(s);
    let p = payload(o);
    if p.starred {
        let it = ops::iter(make_alias(p.origin.clone(), p.args.as_ref(), false).as_ref())?;
        return Ok(new_tuple(vec![builtin("next")?, new_tuple(vec![it])]));
    }
    Ok(new_tuple(vec![
        o.type_().as_object().to_owned(),
        new_tuple(vec![p.origin.clone(), p.args.clone()]),
    ]))
}

/// `__dir__`: the origin's names plus the alias's own.
pub(crate) fn ga_dir(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("GenericAlias.__dir__", 0, 0)?;
    let names = crate::types::typeattrs::dir_of(payload(this(s)).origin.as_ref())?;
    let list = as_list(names.as_ref()).expect("dir() gives a list");
    // The names an alias answers itself, less those it only blocks (they are not attributes).
    for n in OWN_ATTRS.iter().filter(|n| !matches!(**n, "__bases__" | "__copy__" | "__deepcopy__"))
    {
        let n = new_str(n);
        if !ops::contains(names.as_ref(), n.as_ref())? {
            list.append(n);
        }
    }
    Ok(names)
}

// ----- iteration: `*alias` -----------------------------------------------------------------------

/// `generic_alias_iterator`: yields the starred form of its alias once.
pub struct AliasIterPayload {
    alias: RefCell<Option<Object>>,
}

// SAFETY: made only by `alias_iter` with this payload.
unsafe impl PyPayload for AliasIterPayload {
    fn type_object() -> &'static PyType {
        &ALIAS_ITER_TYPE.0
    }
}

fn alias_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(new_object(&ALIAS_ITER_TYPE.0, AliasIterPayload { alias: RefCell::new(Some(o.to_owned())) }))
}

fn alias_iter_next(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let p = o.payload::<AliasIterPayload>().expect("alias iterator");
    let Some(alias) = p.alias.borrow_mut().take() else { return Ok(None) };
    let g = payload(alias.as_ref());
    Ok(Some(make_alias(g.origin.clone(), g.args.as_ref(), true)))
}

/// `generic_alias_iterator.__reduce__`: `(iter, (alias,))`, `(iter, ((),))` once exhausted.
fn alias_iter_reduce(
    s: Option<ObjectRef<'_>>,
    a: &[Object],
    k: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(a, k).count("__reduce__", 0, 0)?;
    let p = this(s).payload::<AliasIterPayload>().expect("alias iterator");
    let what = p.alias.borrow().clone().unwrap_or_else(|| new_tuple(Vec::new()));
    Ok(new_tuple(vec![builtin("iter")?, new_tuple(vec![what])]))
}

/// Gives `generic_alias_iterator` its `__iter__`, `__next__` and `__reduce__`.
pub(crate) fn register() {
    use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
    use crate::types::typelookup::register_static_attr;
    let t = &ALIAS_ITER_TYPE.0;
    for name in ["__iter__", "__next__"] {
        let _ = register_static_attr(t, name, new_slot_wrapper(t, name, WrapperImpl::Slot));
    }
    let reduce = crate::types::function::new_method_descriptor(t, "__reduce__", alias_iter_reduce);
    let _ = register_static_attr(t, "__reduce__", reduce);
}

fn self_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    Ok(o.to_owned())
}

fn alias_iter_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<AliasIterPayload>().expect("alias iterator");
    if let Some(a) = p.alias.borrow().as_ref() {
        visit(a.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead alias iterator.
unsafe fn alias_iter_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: alias iterators carry an `AliasIterPayload`.
    unsafe { dealloc_payload::<AliasIterPayload>(obj) }
}

pub static ALIAS_ITER_TYPE: StaticType = StaticType(PyType::new_static(
    "generic_alias_iterator",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<AliasIterPayload>(),
    0,
    TypeFlags::HAVE_GC,
    231,
    alias_iter_dealloc,
    Some(alias_iter_traverse),
    Slots {
        iter: slot(self_iter as UnaryFn),
        iternext: slot(alias_iter_next as crate::types::typeobject::IterNextFn),
        ..crate::types::object::object_slots()
    },
));

// ----- the type ----------------------------------------------------------------------------------

fn alias_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = payload(o);
    visit(p.origin.as_ref());
    visit(p.args.as_ref());
    if let Some(params) = p.parameters.borrow().as_ref() {
        visit(params.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead alias.
unsafe fn alias_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: aliases carry a `GenericAliasPayload`.
    unsafe { dealloc_payload::<GenericAliasPayload>(obj) }
}

pub static GENERIC_ALIAS_TYPE: StaticType = StaticType(PyType::new_static(
    "types.GenericAlias",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<GenericAliasPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE).union(crate::types::weakref::WEAKREFABLE),
    230,
    alias_dealloc,
    Some(alias_traverse),
    Slots {
        repr: slot(alias_repr as UnaryFn),
        getattr: slot(alias_getattr as GetAttrFn),
        iter: slot(alias_iter as UnaryFn),
        call: slot(alias_call as crate::types::typeobject::CallFn),
        richcompare: slot(alias_richcompare as crate::types::typeobject::RichCompareFn),
        hash: slot(alias_hash as crate::types::typeobject::HashFn),
        nb_or: slot(crate::types::union::union_or as BinaryFn),
        mp_subscript: slot(alias_getitem as BinaryFn),
        ..crate::types::object::object_slots()
    },
));
