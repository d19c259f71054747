//! The `_weakref` module (what `Lib/weakref.py` builds on): `ref`, `proxy`, `getweakrefcount`,
//! `getweakrefs`, `_remove_dead_weakref` and the three reference types.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::typeobject::{PyType, as_type};
use crate::types::weakref::{
    CALLABLE_PROXY_TYPE, PROXY_TYPE, REF_TYPE, as_weakref, new_weakref, weakrefs_of,
};

pub(crate) fn make_weakref() -> Object {
    register_constructor();
    let m = new_module("_weakref");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: &[(&'static str, NativeFn)] = &[
        ("proxy", proxy),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("_remove_dead_weakref", remove_dead_weakref),
    ];
    for (n, f) in fns {
        let _ = d.set_str(n, new_builtin_function(n, *f));
    }
    let _ = d.set_str("ref", REF_TYPE.0.as_object().to_owned());
    let _ = d.set_str("ReferenceType", REF_TYPE.0.as_object().to_owned());
    let _ = d.set_str("ProxyType", PROXY_TYPE.0.as_object().to_owned());
    let _ = d.set_str("CallableProxyType", CALLABLE_PROXY_TYPE.0.as_object().to_owned());
    m
}

/// `weakref.ref(obj[, callback])` as a type call.
pub(crate) fn register_constructor() {
    crate::eval::typecall::register_constructor(&REF_TYPE.0, ref_new);
}

fn ref_new(
    ty: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    // `ref` itself or a Python subclass of it (`typecall` passes the subclass).
    let kind: &PyType = ty.and_then(as_type).unwrap_or(&REF_TYPE.0);
    crate::types::weakref::check_ref_args("__new__", args, kw)?;
    new_weakref(kind, args[0].as_ref(), args.get(1).cloned())
}

fn proxy(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("proxy")?;
    a.count("proxy", 1, 2)?;
    new_weakref(&PROXY_TYPE.0, args[0].as_ref(), args.get(1).cloned())
}

fn getweakrefcount(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getweakrefcount")?;
    a.count("getweakrefcount", 1, 1)?;
    Ok(new_int_i64(weakrefs_of(args[0].as_ref()).len() as i64))
}

fn getweakrefs(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("getweakrefs")?;
    a.count("getweakrefs", 1, 1)?;
    Ok(new_list(weakrefs_of(args[0].as_ref())))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_remove_dead_weakref")?;
    a.count("_remove_dead_weakref", 2, 2)?;
    let d = as_dict(args[0].as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            args[0].type_().name()
        ))
    })?;
    if let Some(v) = d.get_item(args[1].as_ref())?
        && as_weakref(v.as_ref()).is_some_and(|w| w.get().is_none())
    {
        let old = d.del_item(args[1].as_ref())?;
        drop(old);
    }
    Ok(none())
}
