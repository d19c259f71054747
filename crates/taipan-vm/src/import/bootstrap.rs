//! The Python half of the import system and the `_imp` module.
//!
//! `_frozen_importlib` and `_frozen_importlib_external` are Python source written for Taipan
//! (`py/*.py`, compiled when the interpreter starts): `ModuleSpec`, `BuiltinImporter`,
//! `FrozenImporter`, `SourceFileLoader`, `PathFinder`, `FileFinder`, ... , the objects programs
//! and `importlib` inspect. Installing them fills `sys.meta_path`, `sys.path_hooks` and
//! `sys.path_importer_cache` and gives the modules made before (`sys`, `builtins`) their specs.
//! The finders on `sys.meta_path` are recognised by identity and answered natively; anything
//! else a program puts there is called as CPython would call it.

use std::cell::{Cell, RefCell};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::new_builtin_function;
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, intern, new_str};

use super::{getattr_opt, setattr_str, text};

const BOOTSTRAP: &str = include_str!("py/frozen_importlib.py");
const BOOTSTRAP_EXTERNAL: &str = include_str!("py/frozen_importlib_external.py");
const NAMESPACE: &str = include_str!("py/namespace.py");
const MONITORING: &str = include_str!("../builtins/py/monitoring.py");

/// The classes the native import path recognises.
struct Installed {
    module_spec: Object,
    builtin_importer: Object,
    frozen_importer: Object,
    path_finder: Object,
    source_loader: Object,
    namespace_loader: Object,
}

static INSTALLED: crate::gil::GilCell<RefCell<Option<Installed>>> =
    crate::gil::GilCell::new(RefCell::new(None));
/// The thread installing the import system, while it does.
static INSTALLING: crate::gil::GilCell<Cell<Option<std::thread::ThreadId>>> =
    crate::gil::GilCell::new(Cell::new(None));

/// Which native finder a `sys.meta_path` entry is.
pub enum NativeFinder {
    Builtin,
    Frozen,
    Path,
}

fn with<R>(f: impl FnOnce(&Installed) -> R) -> Option<R> {
    INSTALLED.with(|i| i.borrow().as_ref().map(f))
}

pub fn native_finder(o: ObjectRef<'_>) -> Option<NativeFinder> {
    with(|i| {
        if o.is(i.builtin_importer.as_ref()) {
            Some(NativeFinder::Builtin)
        } else if o.is(i.path_finder.as_ref()) {
            Some(NativeFinder::Path)
        } else if o.is(i.frozen_importer.as_ref()) {
            Some(NativeFinder::Frozen)
        } else {
            None
        }
    })
    .flatten()
}

pub fn is_builtin_importer(o: ObjectRef<'_>) -> bool {
    with(|i| o.is(i.builtin_importer.as_ref())).unwrap_or(false)
}

/// Whether `o` is exactly a `SourceFileLoader` (not a subclass, which may override
/// `exec_module`).
pub fn is_source_loader(o: ObjectRef<'_>) -> bool {
    with(|i| std::ptr::eq(o.type_().as_object().raw().as_ptr(), i.source_loader.raw().as_ptr()))
        .unwrap_or(false)
}

fn module_spec_class() -> PyResult<Object> {
    ensure_installed()?;
    with(|i| i.module_spec.clone()).ok_or_else(|| {
        PyErr::new(&crate::types::exceptions::IMPORT_ERROR, "import machinery not installed")
    })
}

fn kw(names: &[&str]) -> Object {
    crate::types::tuple::new_tuple(names.iter().map(|n| intern(n)).collect())
}

/// `ModuleSpec(name, BuiltinImporter, origin='built-in')`.
pub fn builtin_spec(name: &str) -> PyResult<Object> {
    let cls = module_spec_class()?;
    let loader = with(|i| i.builtin_importer.clone()).expect("installed");
    ops::call(
        cls.as_ref(),
        &[new_str(name), loader, new_str("built-in")],
        Some(kw(&["origin"]).as_ref()),
    )
}

/// A `SourceFileLoader(name, path)`.
pub fn new_source_loader(name: &str, path: &str) -> PyResult<Object> {
    let cls = with(|i| i.source_loader.clone()).expect("installed");
    ops::call(cls.as_ref(), &[new_str(name), new_str(path)], None)
}

/// The spec of a module found at `file` (a package when `pkg_dir` is given).
pub fn file_spec(
    name: &str,
    loader: Object,
    file: &str,
    pkg_dir: Option<&str>,
) -> PyResult<Object> {
    let cls = module_spec_class()?;
    let spec = ops::call(
        cls.as_ref(),
        &[new_str(name), loader, new_str(file)],
        Some(kw(&["origin"]).as_ref()),
    )?;
    setattr_str(spec.as_ref(), "_set_fileattr", crate::types::bool::py_bool(true).as_ref())?;
    if let Some(d) = pkg_dir {
        setattr_str(
            spec.as_ref(),
            "submodule_search_locations",
            new_list(vec![new_str(d)]).as_ref(),
        )?;
    }
    Ok(spec)
}

/// The spec of a namespace package spread over `dirs`.
pub fn namespace_spec(name: &str, dirs: Vec<String>) -> PyResult<Object> {
    let cls = module_spec_class()?;
    let (ns_loader, path_finder) =
        with(|i| (i.namespace_loader.clone(), i.path_finder.clone())).expect("installed");
    let locations = new_list(dirs.iter().map(|d| new_str(d)).collect());
    let loader =
        ops::call(ns_loader.as_ref(), &[new_str(name), locations.clone(), path_finder], None)?;
    let spec = ops::call(
        cls.as_ref(),
        &[new_str(name), loader, crate::types::bool::py_bool(true)],
        Some(kw(&["is_package"]).as_ref()),
    )?;
    setattr_str(spec.as_ref(), "submodule_search_locations", locations.as_ref())?;
    Ok(spec)
}

fn run_frozen(name: &str, filename: &str, source: &str) -> PyResult<Object> {
    let m = new_module(name);
    super::sys_modules_set(name, m.clone())?;
    let code = super::path::compile_bytes(source.as_bytes(), filename)?;
    super::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}

fn class_of(m: &Object, name: &str) -> PyResult<Object> {
    crate::attr::getattr(m.as_ref(), intern(name).as_ref())
}

/// Installs the import machinery in this interpreter (once; later calls do nothing).
pub fn ensure_installed() -> PyResult<()> {
    let me = std::thread::current().id();
    loop {
        if INSTALLED.with(|i| i.borrow().is_some()) {
            return Ok(());
        }
        match INSTALLING.with(Cell::get) {
            // The installation itself imports: those nested calls go ahead.
            Some(t) if t == me => return Ok(()),
            // Another thread is installing and gave up the GIL while running the bootstrap
            // modules' code: wait for it to finish rather than import with half a system.
            Some(_) => crate::gil::allow_threads(std::thread::yield_now),
            None => break,
        }
    }
    INSTALLING.with(|i| i.set(Some(me)));
    let r = install();
    INSTALLING.with(|i| i.set(None));
    r
}

fn install() -> PyResult<()> {
    let sys = crate::builtins::sys_module();
    let sysd = as_dict(module_dict(sys.as_ref()).expect("dict")).expect("dict");
    super::sys_modules_set("builtins", crate::builtins::builtins_module())?;
    let imp = make_imp();
    super::sys_modules_set("_imp", imp.clone())?;
    // `types.SimpleNamespace` and `sys.implementation`, which `types.py` needs; the module that
    // defines them is not kept in `sys.modules`.
    let ns = new_module("types");
    let code = super::path::compile_bytes(NAMESPACE.as_bytes(), "<frozen namespace>")?;
    super::path::exec_code_in_module(ns.as_ref(), code)?;
    crate::types::union::set_factory(class_of(&ns, "_make_union")?);
    // `sys.monitoring`, which needs `sys.implementation`'s namespace class.
    let monitoring = new_module("sys.monitoring");
    if let Some(d) =
        crate::types::module::module_dict(monitoring.as_ref()).and_then(crate::types::dict::as_dict)
    {
        let f = crate::types::function::new_builtin_function("_set_monitor", set_monitor);
        d.set_str("_set_monitor", f)?;
    }
    let code = super::path::compile_bytes(MONITORING.as_bytes(), "<frozen sys.monitoring>")?;
    super::path::exec_code_in_module(monitoring.as_ref(), code)?;
    crate::attr::setattr(
        crate::builtins::sys_module().as_ref(),
        crate::types::str::new_str("monitoring").as_ref(),
        Some(monitoring.as_ref()),
    )?;
    let boot = run_frozen("_frozen_importlib", "<frozen importlib._bootstrap>", BOOTSTRAP)?;
    let ext = run_frozen(
        "_frozen_importlib_external",
        "<frozen importlib._bootstrap_external>",
        BOOTSTRAP_EXTERNAL,
    )?;
    let installed = Installed {
        module_spec: class_of(&boot, "ModuleSpec")?,
        builtin_importer: class_of(&boot, "BuiltinImporter")?,
        frozen_importer: class_of(&boot, "FrozenImporter")?,
        path_finder: class_of(&ext, "PathFinder")?,
        source_loader: class_of(&ext, "SourceFileLoader")?,
        namespace_loader: class_of(&ext, "NamespaceLoader")?,
    };
    let meta_path = new_list(vec![
        installed.builtin_importer.clone(),
        installed.frozen_importer.clone(),
        installed.path_finder.clone(),
    ]);
    let file_finder = class_of(&ext, "FileFinder")?;
    let hook = ops::call(class_of(&file_finder, "path_hook")?.as_ref(), &[], None)?;
    let builtin_importer = installed.builtin_importer.clone();
    let frozen_importer = installed.frozen_importer.clone();
    INSTALLED.with(|i| *i.borrow_mut() = Some(installed));
    sysd.set_str("meta_path", meta_path)?;
    sysd.set_str("path_hooks", new_list(vec![hook]))?;
    sysd.set_str("path_importer_cache", new_dict())?;
    if sysd.get_str("path")?.is_none() {
        sysd.set_str("path", new_list(Vec::new()))?;
    }
    // The modules made before the machinery existed get their specs now.
    for (name, loader, origin) in [
        ("sys", &builtin_importer, "built-in"),
        ("builtins", &builtin_importer, "built-in"),
        ("_imp", &builtin_importer, "built-in"),
        ("_frozen_importlib", &frozen_importer, "frozen"),
        ("_frozen_importlib_external", &frozen_importer, "frozen"),
    ] {
        let Some(m) = super::sys_modules_get(name)? else { continue };
        let spec = ops::call(
            module_spec_class()?.as_ref(),
            &[new_str(name), loader.clone(), new_str(origin)],
            Some(kw(&["origin"]).as_ref()),
        )?;
        setattr_str(m.as_ref(), "__spec__", spec.as_ref())?;
        setattr_str(m.as_ref(), "__loader__", loader.as_ref())?;
        setattr_str(m.as_ref(), "__package__", new_str("").as_ref())?;
    }
    Ok(())
}

// ---- _imp ------------------------------------------------------------------------------------

type Native = crate::types::function::NativeFn;

fn arg_str(fname: &str, a: &Args<'_>, i: usize) -> PyResult<String> {
    match a.pos.get(i) {
        Some(o) => match Str::new(o.as_ref()) {
            Some(s) => Ok(s.to_string_lossy()),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument {} must be str, not {}",
                i + 1,
                o.type_().name()
            ))),
        },
        None => Err(PyErr::type_error(format!("{fname}() missing required argument"))),
    }
}

fn imp_is_builtin(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("is_builtin", 1, 1)?;
    let n = arg_str("is_builtin", &a, 0)?;
    // CPython answers -1 for modules that cannot be re-initialised (sys, builtins).
    let v = if !super::registry::is_builtin(&n) {
        0
    } else if n == "sys" || n == "builtins" {
        -1
    } else {
        1
    };
    Ok(crate::types::int::new_int_i64(v))
}

fn imp_false(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(crate::types::bool::py_bool(false))
}

fn imp_none(_: Option<ObjectRef<'_>>, _: &[Object], _: Option<ObjectRef<'_>>) -> PyResult<Object> {
    Ok(none())
}

/// `_imp._override_frozen_modules_for_tests(override)`: Taipan has no frozen stdlib modules,
/// so there is nothing to switch; the argument is checked as CPython does.
fn imp_override_frozen(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.no_kw_at_all("_imp._override_frozen_modules_for_tests")?;
    a.count("_imp._override_frozen_modules_for_tests", 1, 1)?;
    if crate::ops::index_value(args[0].as_ref())?.is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_().name()
        )));
    }
    Ok(none())
}

fn imp_create_builtin(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("create_builtin", 1, 1)?;
    let name = crate::attr::getattr(args[0].as_ref(), intern("name").as_ref())?;
    let Some(n) = Str::new(name.as_ref()).map(|s| s.to_string_lossy()) else {
        return Err(PyErr::type_error("name must be string"));
    };
    super::registry::create_builtin(&n)
}

fn imp_extension_suffixes(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(new_list(Vec::new()))
}

fn imp_import(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("__import__", 5, 5)?;
    let level = ops::index_value(args[4].as_ref())?.unwrap_or(0) as i64;
    let g = Some(args[1].as_ref()).filter(|g| !is_none(*g));
    super::import_module_level(args[0].as_ref(), g, Some(args[3].as_ref()), level)
}

fn imp_gcd_import(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("_gcd_import", 3, 3)?;
    let name = arg_str("_gcd_import", &a, 0)?;
    let level = ops::index_value(args[2].as_ref())?.unwrap_or(0);
    let package = Str::new(args[1].as_ref()).map(|s| s.to_string_lossy());
    if level > 0 {
        let Some(package) = package else {
            return Err(PyErr::type_error("__package__ not set to a string"));
        };
        if package.is_empty() {
            return Err(super::import_error(
                &crate::types::exceptions::IMPORT_ERROR,
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        let g = new_dict();
        as_dict(g.as_ref()).expect("dict").set_str("__package__", new_str(&package))?;
        let abs = super::resolve_name(&name, Some(g.as_ref()), level as usize)?;
        return super::import_absolute(&abs);
    }
    if name.is_empty() {
        return Err(PyErr::value_error("Empty module name"));
    }
    super::import_absolute(&name)
}

fn imp_find_spec(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("_find_spec", 2, 2)?;
    let name = arg_str("_find_spec", &a, 0)?;
    let path = Some(args[1].as_ref()).filter(|p| !is_none(*p));
    Ok(super::find_spec(&name, path)?.unwrap_or_else(none))
}

fn imp_path_find_spec(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("_path_find_spec", 2, 2)?;
    let name = arg_str("_path_find_spec", &a, 0)?;
    let path = Some(args[1].as_ref()).filter(|p| !is_none(*p));
    Ok(super::path::path_find_spec(&name, path)?.unwrap_or_else(none))
}

fn imp_load(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("_load", 1, 1)?;
    super::load_unlocked(args[0].as_ref())
}

fn imp_module_from_spec(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("module_from_spec", 1, 1)?;
    super::module_from_spec(args[0].as_ref())
}

fn imp_init_module_attrs(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("_init_module_attrs", 3, 3)?;
    let loader = getattr_opt(args[0].as_ref(), "loader")?.filter(|l| !is_none(l.as_ref()));
    let override_ = ops::is_true(args[2].as_ref())?;
    super::init_module_attrs(args[0].as_ref(), args[1].as_ref(), loader.as_ref(), override_)?;
    Ok(args[1].clone())
}

fn imp_exec_source(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("_exec_source", 2, 2)?;
    let path = arg_str("_exec_source", &a, 1)?;
    super::path::exec_source_file(args[0].as_ref(), &path)?;
    Ok(none())
}

fn imp_cache_from_source(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("cache_from_source", 1, 1)?;
    let path = arg_str("cache_from_source", &a, 0)?;
    Ok(new_str(&super::path::cache_from_source(&path)))
}

fn imp_read_bytes(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn);
    a.count("get_data", 1, 1)?;
    let path = arg_str("get_data", &a, 0)?;
    let data = std::fs::read(&path).map_err(|e| super::path::os_error(&e, &path))?;
    Ok(crate::types::bytes::new_bytes(&data))
}

/// `_imp.source_hash(key, source)`: the 8-byte keyed SipHash-1-3 of `source` (key `key`, second
/// key 0), little-endian, that hash-based `.pyc` files record.
fn imp_source_hash(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn).bind("source_hash", &["key", "source"], 2)?;
    let (key, source) = (a[0].expect("key"), a[1].expect("source"));
    let key = crate::ops::index_value(key.as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            key.type_().name()
        ))
    })?;
    let data = crate::builtins::bytesmethods::bytes_like(source.as_ref()).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            source.type_().name()
        ))
    })?;
    let h = taipan_common::siphash::siphash13(key as u64, 0, &data);
    Ok(crate::types::bytes::new_bytes(&h.to_le_bytes()))
}

/// `_imp.find_frozen(name, *, withdata=False)`: Taipan freezes no stdlib module (its own import
/// modules are answered by `FrozenImporter` natively), so there is none to describe.
fn imp_find_frozen(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kwn);
    a.take_kw("withdata");
    a.bind("find_frozen", &["name"], 1)?;
    Ok(none())
}

/// `_imp._frozen_module_names()`: the import system's own two modules.
fn imp_frozen_names(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let names = ["_frozen_importlib", "_frozen_importlib_external"];
    Ok(new_list(names.iter().map(|n| new_str(n)).collect()))
}

fn imp_main_only(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Err(PyErr::new(
        &crate::types::exceptions::RUNTIME_ERROR,
        "_imp._override_multi_interp_extensions_check() cannot be used in the main interpreter",
    ))
}

/// `_imp.create_dynamic(spec, file=None)`: Taipan loads no C extension modules.
fn imp_create_dynamic(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kwn: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kwn).bind("create_dynamic", &["spec", "file"], 1)?;
    let spec = a[0].expect("spec");
    let name = getattr_opt(spec.as_ref(), "name")?.map(|n| text(n.as_ref())).unwrap_or_default();
    Err(PyErr::new(
        &crate::types::exceptions::IMPORT_ERROR,
        format!("cannot load extension module {name:?}: Taipan runs no C extension modules"),
    ))
}

/// The `_imp` module: CPython's built-in half of importlib, plus Taipan's entry points into the
/// native import path (underscored names).
pub fn make_imp() -> Object {
    let m = new_module("_imp");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: [(&'static str, Native); 21] = [
        ("is_builtin", imp_is_builtin),
        ("is_frozen", imp_false),
        ("is_frozen_package", imp_false),
        ("lock_held", imp_false),
        ("acquire_lock", imp_none),
        ("release_lock", imp_none),
        ("exec_builtin", imp_none),
        ("exec_dynamic", imp_none),
        ("_fix_co_filename", imp_none),
        ("create_builtin", imp_create_builtin),
        ("extension_suffixes", imp_extension_suffixes),
        ("_import", imp_import),
        ("_gcd_import", imp_gcd_import),
        ("_find_spec", imp_find_spec),
        ("_path_find_spec", imp_path_find_spec),
        ("_load", imp_load),
        ("_module_from_spec", imp_module_from_spec),
        ("_init_module_attrs", imp_init_module_attrs),
        ("_exec_source", imp_exec_source),
        ("_cache_from_source", imp_cache_from_source),
        // No frozen modules here: test.support's switch for them has nothing to do (the
        // argument is still checked).
        ("_override_frozen_modules_for_tests", imp_override_frozen),
    ];
    for (n, f) in fns {
        let _ = d.set_str(n, new_builtin_function(n, f));
    }
    let more: [(&'static str, Native); 6] = [
        ("_read_bytes", imp_read_bytes),
        ("source_hash", imp_source_hash),
        ("find_frozen", imp_find_frozen),
        ("_frozen_module_names", imp_frozen_names),
        ("_override_multi_interp_extensions_check", imp_main_only),
        ("create_dynamic", imp_create_dynamic),
    ];
    for (n, f) in more {
        let _ = d.set_str(n, new_builtin_function(n, f));
    }
    let _ = d.set_str("check_hash_based_pycs", new_str("default"));
    let _ =
        d.set_str("pyc_magic_number_token", crate::types::int::new_int_i64(3627 | (0x0a0d << 16)));
    let _ = text;
    m
}

/// `sys.monitoring._set_monitor(namespace or None, events)`: whether a tool has events set,
/// and which (the union over the tools and code objects), for the loop's tracing instance
/// (`trace_monitor.rs`).
fn set_monitor(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let ns = args.first().filter(|a| !crate::types::singletons::is_none(a.as_ref())).cloned();
    let mask = match args.get(1) {
        Some(m) => ops::index_value(m.as_ref())?.unwrap_or(0) as u32,
        None => 0,
    };
    crate::trace::set_monitor(ns, mask);
    Ok(crate::types::singletons::none())
}
