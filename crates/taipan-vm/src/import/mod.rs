//! The import system: `IMPORT_NAME`, `IMPORT_FROM`, `__import__` and `importlib`'s core, with
//! CPython 3.14's observable behaviour (`sys.modules`, `sys.meta_path`, `sys.path`, module specs,
//! relative imports, `from pkg import *`, the messages and attributes of `ImportError`).
//!
//! The algorithm is `importlib._bootstrap`'s, written natively so that the common path (a module
//! already in `sys.modules`) costs one dict lookup:
//!
//! - [`import_module_level`] is `__import__`: resolve a relative name, find the module in
//!   `sys.modules` or load it, then apply the `fromlist`.
//! - [`find_and_load`] imports the parent package first, asks each finder on `sys.meta_path`
//!   for a spec (the native finders are answered here without calling Python), makes the module
//!   from the spec, registers it in `sys.modules` while its code runs, and binds it on its parent.
//! - [`bootstrap`]: the Python half (`ModuleSpec`, `BuiltinImporter`, `SourceFileLoader`,
//!   `PathFinder`, ... as `_frozen_importlib` and `_frozen_importlib_external`) and `_imp`.
//! - [`path`]: searching a list of directories for `NAME/__init__.py`, `NAME.py` or a namespace
//!   package, and running a source file as a module.
//! - [`registry`]: the native (built-in) modules by name, including ones an embedder adds.

pub mod bootstrap;
pub mod path;
pub mod registry;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::exceptions::{self, ExcPayload, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::tuple_items;
use crate::types::typeobject::StaticType;

pub(crate) fn text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

/// `getattr(o, name)`, or `None` when the attribute is missing (other errors propagate).
pub(crate) fn getattr_opt(o: ObjectRef<'_>, name: &str) -> PyResult<Option<Object>> {
    match crate::attr::getattr(o, intern(name).as_ref()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

pub(crate) fn setattr_str(o: ObjectRef<'_>, name: &str, v: ObjectRef<'_>) -> PyResult<()> {
    crate::attr::setattr(o, intern(name).as_ref(), Some(v))
}

/// An `ImportError` (or subclass) with its `name` and `path` attributes.
pub fn import_error(
    ty: &'static StaticType,
    msg: &str,
    name: Option<&str>,
    path: Option<ObjectRef<'_>>,
) -> PyErr {
    let e = PyErr::new(ty, msg);
    if let Some(d) = crate::types::instance::instance_dict(e.instance())
        && let Some(d) = as_dict(d.as_ref())
    {
        let _ = d.set_str("msg", new_str(msg));
        let _ = d.set_str("name", name.map_or_else(none, new_str));
        let _ = d.set_str("path", path.map_or_else(none, |p| p.to_owned()));
    }
    e
}

/// `ModuleNotFoundError: No module named 'name'`.
pub fn module_not_found(name: &str) -> PyErr {
    import_error(&MODULE_NOT_FOUND_ERROR, &format!("No module named '{name}'"), Some(name), None)
}

/// The `sys.modules` dict.
pub fn sys_modules() -> Object {
    sys_attr("modules").expect("sys.modules")
}

pub(crate) fn sys_attr(name: &str) -> Option<Object> {
    let sys = crate::builtins::sys_module();
    let d = crate::types::module::module_dict(sys.as_ref())?;
    as_dict(d)?.get_str(name).ok().flatten()
}

fn sys_modules_get(name: &str) -> PyResult<Option<Object>> {
    let m = sys_modules();
    match as_dict(m.as_ref()) {
        Some(d) => d.get_str(name),
        None => match ops::getitem(m.as_ref(), new_str(name).as_ref()) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&exceptions::KEY_ERROR) => Ok(None),
            Err(e) => Err(e),
        },
    }
}

fn sys_modules_set(name: &str, module: Object) -> PyResult<()> {
    let m = sys_modules();
    match as_dict(m.as_ref()) {
        Some(d) => d.set_str(name, module),
        None => ops::setitem(m.as_ref(), new_str(name).as_ref(), Some(module.as_ref())),
    }
}

fn sys_modules_del(name: &str) -> PyResult<Option<Object>> {
    let m = sys_modules();
    match as_dict(m.as_ref()) {
        Some(d) => d.del_item(new_str(name).as_ref()),
        None => ops::setitem(m.as_ref(), new_str(name).as_ref(), None).map(|()| None),
    }
}

/// `IMPORT_NAME`: calls `builtins.__import__` when a program replaced it, otherwise imports
/// directly.
pub(crate) fn import_name(
    builtins: &Object,
    globals: &Object,
    locals: Option<&Object>,
    name: ObjectRef<'_>,
    fromlist: ObjectRef<'_>,
    level: ObjectRef<'_>,
) -> PyResult<Object> {
    let import = match as_dict(builtins.as_ref()) {
        Some(d) => d.get_str("__import__")?,
        None => ops::getitem(builtins.as_ref(), intern("__import__").as_ref()).ok(),
    };
    let Some(import) = import else {
        return Err(PyErr::new(&IMPORT_ERROR, "__import__ not found"));
    };
    if !crate::types::function::is_native(import.as_ref(), crate::builtins::functions::import_fn())
    {
        let locals = locals.cloned().unwrap_or_else(none);
        return ops::call(
            import.as_ref(),
            &[name.to_owned(), globals.clone(), locals, fromlist.to_owned(), level.to_owned()],
            None,
        );
    }
    let level = crate::types::int::int_value(level)
        .and_then(|v| v.to_ibig().as_ref().try_into().ok())
        .unwrap_or(0i64);
    import_module_level(name, Some(globals.as_ref()), Some(fromlist), level)
}

/// `__import__(name, globals, locals, fromlist, level)` (CPython's
/// `PyImport_ImportModuleLevelObject`).
pub fn import_module_level(
    name: ObjectRef<'_>,
    globals: Option<ObjectRef<'_>>,
    fromlist: Option<ObjectRef<'_>>,
    level: i64,
) -> PyResult<Object> {
    let Some(name_s) = Str::new(name) else {
        return Err(PyErr::type_error("module name must be a string"));
    };
    let name_t = name_s.to_string_lossy();
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve_name(&name_t, globals, level as usize)?
    } else {
        if name_t.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        name_t.clone()
    };
    let module = import_absolute(&abs_name)?;
    let has_from = match fromlist {
        None => false,
        Some(f) if is_none(f) => false,
        Some(f) => ops::is_true(f)?,
    };
    if !has_from {
        if level == 0 || !name_t.is_empty() {
            let Some(dot) = name_t.find('.') else {
                return Ok(module);
            };
            if level == 0 {
                return import_module_level(new_str(&name_t[..dot]).as_ref(), None, None, 0);
            }
            let cut_off = name_t.len() - dot;
            let to_return = &abs_name[..abs_name.len() - cut_off];
            return sys_modules_get(to_return)?.ok_or_else(|| {
                PyErr::key_error(new_str(&format!("'{to_return}' not in sys.modules as expected")))
            });
        }
        return Ok(module);
    }
    let fromlist = fromlist.expect("fromlist");
    if getattr_opt(module.as_ref(), "__path__")?.is_some() {
        handle_fromlist(module.as_ref(), fromlist, false)?;
    }
    Ok(module)
}

/// `import name` of an absolute name: `sys.modules` or find and load.
pub fn import_absolute(abs_name: &str) -> PyResult<Object> {
    match sys_modules_get(abs_name)? {
        Some(m) if is_none(m.as_ref()) => Err(import_error(
            &MODULE_NOT_FOUND_ERROR,
            &format!("import of {abs_name} halted; None in sys.modules"),
            Some(abs_name),
            None,
        )),
        Some(m) => Ok(m),
        None => find_and_load(abs_name),
    }
}

/// The absolute name of a relative import of `name` at `level` from the module whose globals
/// are given (CPython's `resolve_name`).
pub fn resolve_name(name: &str, globals: Option<ObjectRef<'_>>, level: usize) -> PyResult<String> {
    let Some(g) = globals.and_then(as_dict) else {
        return Err(PyErr::type_error("globals must be a dict"));
    };
    let package = g.get_str("__package__")?.filter(|p| !is_none(p.as_ref()));
    let spec = g.get_str("__spec__")?.filter(|p| !is_none(p.as_ref()));
    let package: String = if let Some(p) = package {
        match Str::new(p.as_ref()) {
            Some(s) => s.to_string_lossy(),
            None => return Err(PyErr::type_error("package must be a string")),
        }
    } else if let Some(spec) = spec {
        let parent = crate::attr::getattr(spec.as_ref(), intern("parent").as_ref())?;
        match Str::new(parent.as_ref()) {
            Some(s) => s.to_string_lossy(),
            None => return Err(PyErr::type_error("__spec__.parent must be a string")),
        }
    } else {
        let Some(n) = g.get_str("__name__")? else {
            return Err(PyErr::key_error(new_str("'__name__' not in globals")));
        };
        let Some(n) = Str::new(n.as_ref()).map(|s| s.to_string_lossy()) else {
            return Err(PyErr::type_error("__name__ must be a string"));
        };
        if g.get_str("__path__")?.is_some() {
            n
        } else {
            n.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default()
        }
    };
    if package.is_empty() {
        return Err(import_error(
            &IMPORT_ERROR,
            "attempted relative import with no known parent package",
            None,
            None,
        ));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => {
                return Err(import_error(
                    &IMPORT_ERROR,
                    "attempted relative import beyond top-level package",
                    None,
                    None,
                ));
            }
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// `_handle_fromlist`: imports the submodules a `from package import a, b` (or `*` with
/// `__all__`) names that are not attributes of the package yet.
fn handle_fromlist(
    module: ObjectRef<'_>,
    fromlist: ObjectRef<'_>,
    recursive: bool,
) -> PyResult<()> {
    let items = crate::eval::helpers::iterate(fromlist)?;
    for x in items {
        let Some(xs) = Str::new(x.as_ref()) else {
            let where_ = if recursive {
                let n =
                    getattr_opt(module, "__name__")?.map(|n| text(n.as_ref())).unwrap_or_default();
                format!("{n}.__all__")
            } else {
                "``from list''".to_string()
            };
            return Err(PyErr::type_error(format!(
                "Item in {where_} must be str, not {}",
                x.type_().name()
            )));
        };
        let xt = xs.to_string_lossy();
        if xt == "*" {
            if !recursive && let Some(all) = getattr_opt(module, "__all__")? {
                handle_fromlist(module, all.as_ref(), true)?;
            }
            continue;
        }
        if getattr_opt(module, &xt)?.is_some() {
            continue;
        }
        let mname = crate::attr::getattr(module, intern("__name__").as_ref())?;
        let from_name = format!("{}.{xt}", text(mname.as_ref()));
        if let Err(e) = import_absolute(&from_name) {
            if e.matches(&MODULE_NOT_FOUND_ERROR) {
                let ename = getattr_opt(e.instance(), "name")?;
                let same = ename.is_some_and(|n| text(n.as_ref()) == from_name);
                let in_modules = sys_modules_get(&from_name)?;
                if same && !in_modules.is_some_and(|m| is_none(m.as_ref())) {
                    continue;
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

/// `_find_and_load`: imports the parent package, finds a spec, loads the module.
pub fn find_and_load(name: &str) -> PyResult<Object> {
    bootstrap::ensure_installed()?;
    let mut path = None;
    let mut parent_spec = None;
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    if let Some(parent) = parent {
        if sys_modules_get(parent)?.is_none() {
            import_absolute(parent)?;
        }
        if let Some(m) = sys_modules_get(name)? {
            return Ok(m);
        }
        let parent_module =
            sys_modules_get(parent)?.ok_or_else(|| PyErr::key_error(new_str(parent)))?;
        match getattr_opt(parent_module.as_ref(), "__path__")? {
            Some(p) => path = Some(p),
            None => {
                let e = import_error(
                    &MODULE_NOT_FOUND_ERROR,
                    &format!("No module named '{name}'; '{parent}' is not a package"),
                    Some(name),
                    None,
                );
                if let Some(p) = e.instance().payload::<ExcPayload>() {
                    p.suppress_context.set(true);
                }
                return Err(e);
            }
        }
        parent_spec =
            getattr_opt(parent_module.as_ref(), "__spec__")?.filter(|s| !is_none(s.as_ref()));
    }
    let Some(spec) = find_spec(name, path.as_ref().map(|p| p.as_ref()))? else {
        return Err(module_not_found(name));
    };
    // Remember which submodule of the parent is being initialised (`_uninitialized_submodules`).
    let pending = match &parent_spec {
        Some(ps) => getattr_opt(ps.as_ref(), "_uninitialized_submodules")?,
        None => None,
    };
    if let Some(l) = pending.as_ref().and_then(|p| crate::types::list::as_list(p.as_ref())) {
        l.append(new_str(child));
    }
    let module = load_unlocked(spec.as_ref());
    if let Some(l) = pending.as_ref().and_then(|p| crate::types::list::as_list(p.as_ref())) {
        l.pop();
    }
    let module = module?;
    if let Some(parent) = parent
        && let Some(pm) = sys_modules_get(parent)?
    {
        // CPython only warns when the parent refuses the attribute.
        let _ = setattr_str(pm.as_ref(), child, module.as_ref());
    }
    Ok(module)
}

/// `_find_spec`: asks each finder on `sys.meta_path` in turn.
pub fn find_spec(name: &str, path: Option<ObjectRef<'_>>) -> PyResult<Option<Object>> {
    let meta_path = sys_attr("meta_path").ok_or_else(|| {
        PyErr::new(&IMPORT_ERROR, "sys.meta_path is None, Python is likely shutting down")
    })?;
    if is_none(meta_path.as_ref()) {
        return Err(PyErr::new(
            &IMPORT_ERROR,
            "sys.meta_path is None, Python is likely shutting down",
        ));
    }
    let finders = crate::eval::helpers::iterate(meta_path.as_ref())?;
    let is_reload = sys_modules_get(name)?.is_some();
    for finder in finders {
        let spec = match bootstrap::native_finder(finder.as_ref()) {
            Some(bootstrap::NativeFinder::Builtin) => {
                if path.is_some() || !registry::is_builtin(name) {
                    None
                } else {
                    Some(bootstrap::builtin_spec(name)?)
                }
            }
            Some(bootstrap::NativeFinder::Frozen) => None,
            Some(bootstrap::NativeFinder::Path) => path::path_find_spec(name, path)?,
            None => {
                let Some(f) = getattr_opt(finder.as_ref(), "find_spec")? else {
                    continue;
                };
                let r = ops::call(
                    f.as_ref(),
                    &[new_str(name), path.map_or_else(none, |p| p.to_owned()), none()],
                    None,
                )?;
                if is_none(r.as_ref()) { None } else { Some(r) }
            }
        };
        if let Some(spec) = spec {
            // A module that got into sys.modules while its spec was being found wins (reload).
            if !is_reload && let Some(m) = sys_modules_get(name)? {
                if let Some(s) = getattr_opt(m.as_ref(), "__spec__")?
                    && !is_none(s.as_ref())
                {
                    return Ok(Some(s));
                }
            }
            return Ok(Some(spec));
        }
    }
    Ok(None)
}

/// `module_from_spec`: the loader's `create_module` (or a new module), with the spec's
/// attributes set on it.
pub fn module_from_spec(spec: ObjectRef<'_>) -> PyResult<Object> {
    let loader = getattr_opt(spec, "loader")?.filter(|l| !is_none(l.as_ref()));
    let name = text(crate::attr::getattr(spec, intern("name").as_ref())?.as_ref());
    let mut module = None;
    if let Some(l) = &loader {
        if bootstrap::is_builtin_importer(l.as_ref()) {
            module = Some(registry::create_builtin(&name)?);
        } else if bootstrap::is_source_loader(l.as_ref()) {
        } else if let Some(create) = getattr_opt(l.as_ref(), "create_module")? {
            let m = ops::call(create.as_ref(), &[spec.to_owned()], None)?;
            if !is_none(m.as_ref()) {
                module = Some(m);
            }
        } else if getattr_opt(l.as_ref(), "exec_module")?.is_some() {
            return Err(PyErr::new(
                &IMPORT_ERROR,
                "loaders that define exec_module() must also define create_module()",
            ));
        }
    }
    let module = module.unwrap_or_else(|| crate::types::module::new_module(&name));
    init_module_attrs(spec, module.as_ref(), loader.as_ref(), false)?;
    Ok(module)
}

/// `_init_module_attrs`: `__name__`, `__loader__`, `__package__`, `__spec__`, `__path__`,
/// `__file__`, `__cached__` from the spec (only missing ones unless `override`).
pub(crate) fn init_module_attrs(
    spec: ObjectRef<'_>,
    module: ObjectRef<'_>,
    loader: Option<&Object>,
    override_: bool,
) -> PyResult<()> {
    let is_unset = |attr: &str| -> PyResult<bool> {
        Ok(override_ || getattr_opt(module, attr)?.is_none_or(|v| is_none(v.as_ref())))
    };
    if override_ || getattr_opt(module, "__name__")?.is_none() {
        let n = crate::attr::getattr(spec, intern("name").as_ref())?;
        let _ = setattr_str(module, "__name__", n.as_ref());
    }
    if is_unset("__loader__")?
        && let Some(l) = loader
    {
        let _ = setattr_str(module, "__loader__", l.as_ref());
    }
    if is_unset("__package__")? {
        let p = crate::attr::getattr(spec, intern("parent").as_ref())?;
        let _ = setattr_str(module, "__package__", p.as_ref());
    }
    let _ = setattr_str(module, "__spec__", spec);
    let locations =
        getattr_opt(spec, "submodule_search_locations")?.filter(|l| !is_none(l.as_ref()));
    if let Some(l) = locations
        && (override_ || getattr_opt(module, "__path__")?.is_none())
    {
        let _ = setattr_str(module, "__path__", l.as_ref());
    }
    let has_location = getattr_opt(spec, "has_location")?
        .map(|h| ops::is_true(h.as_ref()))
        .transpose()?
        .unwrap_or(false);
    if has_location {
        if override_ || getattr_opt(module, "__file__")?.is_none() {
            let origin = crate::attr::getattr(spec, intern("origin").as_ref())?;
            let _ = setattr_str(module, "__file__", origin.as_ref());
        }
        if override_ || getattr_opt(module, "__cached__")?.is_none() {
            let cached = crate::attr::getattr(spec, intern("cached").as_ref())?;
            if !is_none(cached.as_ref()) {
                let _ = setattr_str(module, "__cached__", cached.as_ref());
            }
        }
    }
    Ok(())
}

/// `_load_unlocked`: makes the module, registers it in `sys.modules`, runs it; on failure the
/// entry is removed again.
pub fn load_unlocked(spec: ObjectRef<'_>) -> PyResult<Object> {
    let name = text(crate::attr::getattr(spec, intern("name").as_ref())?.as_ref());
    let module = module_from_spec(spec)?;
    let _ = setattr_str(spec, "_initializing", crate::types::bool::py_bool(true).as_ref());
    let r = (|| {
        sys_modules_set(&name, module.clone())?;
        if let Err(e) = exec_spec(spec, module.as_ref()) {
            let _ = sys_modules_del(&name);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules; move it to the end, as CPython.
        let m = sys_modules_del(&name)?.ok_or_else(|| {
            PyErr::key_error(new_str(&format!("module '{name}' not in sys.modules")))
        });
        let m = match m {
            Ok(m) => m,
            Err(_) if as_dict(sys_modules().as_ref()).is_none() => module.clone(),
            Err(e) => return Err(e),
        };
        sys_modules_set(&name, m.clone())?;
        Ok(m)
    })();
    let _ = setattr_str(spec, "_initializing", crate::types::bool::py_bool(false).as_ref());
    r
}

/// Runs the module's code through its loader.
fn exec_spec(spec: ObjectRef<'_>, module: ObjectRef<'_>) -> PyResult<()> {
    let loader = getattr_opt(spec, "loader")?.filter(|l| !is_none(l.as_ref()));
    let Some(loader) = loader else {
        let locations = getattr_opt(spec, "submodule_search_locations")?;
        if locations.is_some_and(|l| !is_none(l.as_ref())) {
            return Ok(());
        }
        let name = text(crate::attr::getattr(spec, intern("name").as_ref())?.as_ref());
        return Err(import_error(&IMPORT_ERROR, "missing loader", Some(&name), None));
    };
    if bootstrap::is_builtin_importer(loader.as_ref()) {
        return Ok(());
    }
    if bootstrap::is_source_loader(loader.as_ref()) {
        let path = crate::attr::getattr(loader.as_ref(), intern("path").as_ref())?;
        return path::exec_source_file(module, &text(path.as_ref()));
    }
    match getattr_opt(loader.as_ref(), "exec_module")? {
        Some(f) => {
            ops::call(f.as_ref(), &[module.to_owned()], None)?;
            Ok(())
        }
        None => {
            let name = text(crate::attr::getattr(spec, intern("name").as_ref())?.as_ref());
            match getattr_opt(loader.as_ref(), "load_module")? {
                Some(f) => {
                    ops::call(f.as_ref(), &[new_str(&name)], None)?;
                    Ok(())
                }
                None => Err(import_error(&IMPORT_ERROR, "missing loader", Some(&name), None)),
            }
        }
    }
}

/// `IMPORT_FROM`: the attribute, or the submodule already in `sys.modules`, or CPython's
/// ImportError ("cannot import name 'x' from 'm' (path)", with the circular-import wording
/// while `m` is still initialising).
pub(crate) fn import_from(module: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    match crate::attr::getattr(module, name) {
        Ok(v) => return Ok(v),
        Err(e) if !e.matches(&exceptions::ATTRIBUTE_ERROR) => return Err(e),
        Err(_) => {}
    }
    let pkgname =
        getattr_opt(module, "__name__").ok().flatten().filter(|n| Str::new(n.as_ref()).is_some());
    if let Some(p) = &pkgname {
        let full = format!("{}.{}", text(p.as_ref()), text(name));
        if let Some(m) = sys_modules_get(&full)? {
            return Ok(m);
        }
    }
    let pkgpath = if module.type_().is_subtype(&crate::types::module::MODULE_TYPE.0) {
        getattr_opt(module, "__file__").ok().flatten().filter(|f| Str::new(f.as_ref()).is_some())
    } else {
        None
    };
    let pkgname_s = pkgname.as_ref().map(|p| text(p.as_ref()));
    let shown = pkgname_s.clone().unwrap_or_else(|| "<unknown module name>".into());
    let location =
        pkgpath.as_ref().map_or_else(|| "unknown location".to_string(), |p| text(p.as_ref()));
    let initializing = getattr_opt(module, "__spec__")
        .ok()
        .flatten()
        .filter(|s| !is_none(s.as_ref()))
        .and_then(|s| getattr_opt(s.as_ref(), "_initializing").ok().flatten())
        .is_some_and(|v| ops::is_true(v.as_ref()).unwrap_or(false));
    let msg = if initializing {
        format!(
            "cannot import name '{}' from partially initialized module '{shown}' (most likely due to a circular import) ({location})",
            text(name)
        )
    } else {
        format!("cannot import name '{}' from '{shown}' ({location})", text(name))
    };
    let e = import_error(
        &IMPORT_ERROR,
        &msg,
        pkgname_s.as_deref(),
        pkgpath.as_ref().map(|p| p.as_ref()),
    );
    if let Some(d) = crate::types::instance::instance_dict(e.instance())
        && let Some(d) = as_dict(d.as_ref())
    {
        let _ = d.set_str("name_from", name.to_owned());
    }
    crate::eval::suggestions::import_error_hint(&e, module, &text(name));
    Err(e)
}

/// `importlib.import_module(name, package)` (`_gcd_import` after resolving a relative name).
pub fn import_module(name: &str, package: Option<&str>) -> PyResult<Object> {
    let mut level = 0;
    if name.starts_with('.') {
        let Some(package) = package else {
            return Err(PyErr::type_error(format!(
                "the 'package' argument is required to perform a relative import for '{name}'"
            )));
        };
        level = name.len() - name.trim_start_matches('.').len();
        let g = crate::types::dict::new_dict();
        as_dict(g.as_ref()).expect("dict").set_str("__package__", new_str(package))?;
        let abs = resolve_name(&name[level..], Some(g.as_ref()), level)?;
        return import_absolute(&abs);
    }
    let _ = level;
    if name.is_empty() {
        return Err(PyErr::value_error("Empty module name"));
    }
    import_absolute(name)
}

/// The `ImportError` keyword arguments `name`, `path` and `name_from`, read back as attributes
/// (None when not given).
pub fn import_error_attr(o: ObjectRef<'_>, attr: &str) -> Option<Object> {
    if !o.type_().is_subtype(&IMPORT_ERROR.0) {
        return None;
    }
    match attr {
        "name" | "path" | "name_from" => Some(none()),
        "msg" => {
            let p = o.payload::<ExcPayload>()?;
            let args = p.args();
            let items = tuple_items(args.as_ref())?;
            Some(if items.len() == 1 { items[0].clone() } else { none() })
        }
        _ => None,
    }
}
