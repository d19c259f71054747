//! `types.GenericAlias`: what subscripting a built-in generic class gives (`list[int]`,
//! `dict[str, int]`), with CPython's `repr`; and `__class_getitem__` of Python classes.

use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops;
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    GetAttrFn, PyType, Slots, StaticType, TypeFlags, UnaryFn, as_type, slot,
};

pub struct GenericAliasPayload {
    origin: Object,
    args: Object,
    /// `*tuple[int]`: the alias unpacked by iteration (`__unpacked__`).
    starred: bool,
}

// SAFETY: generic aliases are built only by `class_getitem` with this payload.
unsafe impl PyPayload for GenericAliasPayload {
    fn type_object() -> &'static PyType {
        &GENERIC_ALIAS_TYPE.0
    }
}

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
    /// A copy, for re-making an alias as an instance of a Python subclass of GenericAlias.
    pub fn duplicate(&self) -> GenericAliasPayload {
        GenericAliasPayload {
            origin: self.origin.clone(),
            args: self.args.clone(),
            starred: self.starred,
        }
    }
}

/// `GenericAlias(origin, args)`.
pub(crate) fn alias_ctor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = crate::builtins::args::Args::new(args, kw);
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
    let args = match tuple_items(item) {
        Some(_) => item.to_owned(),
        None => new_tuple(vec![item.to_owned()]),
    };
    new_object(&GENERIC_ALIAS_TYPE.0, GenericAliasPayload { origin, args, starred: false })
}

/// `cls[item]` for a class: a GenericAlias for the built-in generics, `__class_getitem__` for
/// Python classes; `None` when the class is not subscriptable.
pub fn class_getitem(cls: ObjectRef<'_>, item: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let Some(t) = as_type(cls) else { return Ok(None) };
    if is_builtin_generic(t) {
        let args = match tuple_items(item) {
            Some(_) => item.to_owned(),
            None => new_tuple(vec![item.to_owned()]),
        };
        return Ok(Some(new_object(
            &GENERIC_ALIAS_TYPE.0,
            GenericAliasPayload { origin: cls.to_owned(), args, starred: false },
        )));
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

/// How an alias argument prints: classes by qualified name, `...`, else `repr`.
fn arg_repr(o: ObjectRef<'_>) -> PyResult<String> {
    if let Some(t) = as_type(o) {
        if t.has_flag(TypeFlags::HEAPTYPE) {
            let r = ops::repr_string(o)?;
            return Ok(r.trim_start_matches("<class '").trim_end_matches("'>").to_string());
        }
        return Ok(t.name().to_string());
    }
    if o.is(crate::types::singletons::ELLIPSIS.as_ref()) {
        return Ok("...".into());
    }
    ops::repr_string(o)
}

fn alias_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<GenericAliasPayload>().expect("alias");
    let mut out = if p.starred { "*".to_string() } else { String::new() };
    out.push_str(&arg_repr(p.origin.as_ref())?);
    out.push('[');
    let items = tuple_items(p.args.as_ref()).unwrap_or(&[]);
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&arg_repr(a.as_ref())?);
    }
    out.push(']');
    Ok(new_str(&out))
}

fn alias_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<GenericAliasPayload>().expect("alias");
    match Str::new(name).and_then(|s| s.as_str()) {
        Some("__origin__") => Ok(p.origin.clone()),
        Some("__args__") => Ok(p.args.clone()),
        Some("__unpacked__") => Ok(crate::types::bool::py_bool(p.starred)),
        Some("__typing_unpacked_tuple_args__") => Ok(
            if p.starred && p.origin.as_ref().is(crate::types::tuple::TUPLE_TYPE.0.as_object()) {
                p.args.clone()
            } else {
                crate::types::singletons::none()
            },
        ),
        // Looked up on the alias itself, as CPython's attribute exceptions are.
        Some("__mro_entries__") => crate::attr::generic_getattr(o, name),
        _ => crate::attr::getattr(p.origin.as_ref(), name).map_err(|_| {
            PyErr::new(&crate::types::exceptions::ATTRIBUTE_ERROR, "attribute not found")
        }),
    }
}

fn alias_call(o: ObjectRef<'_>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let p = o.payload::<GenericAliasPayload>().expect("alias");
    ops::call(p.origin.as_ref(), args, kw)
}

fn alias_richcompare(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    op: crate::types::typeobject::CompareOp,
) -> PyResult<Object> {
    use crate::types::typeobject::CompareOp;
    let (Some(x), Some(y)) =
        (a.payload::<GenericAliasPayload>(), b.payload::<GenericAliasPayload>())
    else {
        return Ok(crate::types::singletons::not_implemented());
    };
    let eq = x.origin.is(&y.origin)
        && x.starred == y.starred
        && ops::rich_compare_bool(x.args.as_ref(), y.args.as_ref(), CompareOp::Eq)?;
    match op {
        CompareOp::Eq => Ok(crate::types::bool::py_bool(eq)),
        CompareOp::Ne => Ok(crate::types::bool::py_bool(!eq)),
        _ => Ok(crate::types::singletons::not_implemented()),
    }
}

/// `iter(tuple[int])` gives the one starred alias `*tuple[int]` (what `(*tuple[int],)` and
/// `tuple[*tuple[int, ...]]` unpack).
fn alias_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let p = o.payload::<GenericAliasPayload>().expect("alias");
    let starred = new_object(
        &GENERIC_ALIAS_TYPE.0,
        GenericAliasPayload { origin: p.origin.clone(), args: p.args.clone(), starred: true },
    );
    ops::iter(new_tuple(vec![starred]).as_ref())
}

fn alias_hash(o: ObjectRef<'_>) -> PyResult<isize> {
    let p = o.payload::<GenericAliasPayload>().expect("alias");
    Ok(ops::hash(p.origin.as_ref())? ^ ops::hash(p.args.as_ref())?)
}

fn alias_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let p = o.payload::<GenericAliasPayload>().expect("alias");
    visit(p.origin.as_ref());
    visit(p.args.as_ref());
}

/// # Safety
/// Called only by the deallocation path on a dead alias.
unsafe fn alias_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: aliases carry a `GenericAliasPayload`.
    unsafe { dealloc_payload::<GenericAliasPayload>(obj) }
}

pub static GENERIC_ALIAS_TYPE: StaticType = StaticType(PyType::new_static(
    "GenericAlias",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<GenericAliasPayload>(),
    0,
    TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
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
        nb_or: slot(crate::types::union::union_or as crate::types::typeobject::BinaryFn),
        ..crate::types::object::object_slots()
    },
));
