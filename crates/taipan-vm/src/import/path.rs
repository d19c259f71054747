//! The path-based finder and the source loader: searching `sys.path` (or a package's
//! `__path__`) for `NAME/__init__.py`, `NAME.py` or a namespace package directory, the initial
//! `sys.path` (the script's directory, then the standard library's `Lib`), and running a source
//! file as a module (read, compile with the file's path as its name, execute in the module's
//! dict).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::dict::as_dict;
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};

use super::bootstrap;

/// The directory holding CPython's pure-Python standard library: `$TAIPAN_STDLIB`, else the
/// first `.stdlib/Lib` found walking up from the executable, else the one next to this crate's
/// workspace.
pub fn stdlib_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("TAIPAN_STDLIB") {
        return Some(PathBuf::from(d));
    }
    if let Ok(exe) = std::env::current_exe() {
        let mut dir = exe.parent().map(Path::to_path_buf);
        while let Some(d) = dir {
            let cand = d.join(".stdlib").join("Lib");
            if cand.is_dir() {
                return Some(cand);
            }
            dir = d.parent().map(Path::to_path_buf);
        }
    }
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.stdlib/Lib");
    if ws.is_dir() {
        return std::fs::canonicalize(&ws).ok().or(Some(ws));
    }
    None
}

/// The initial `sys.path`: `first` (the script's directory, `''` for `-c`, the current
/// directory for `-m`; left out under `-P`/`-I`), the `PYTHONPATH` entries, then the standard
/// library.
pub fn initial_sys_path(first: Option<String>) -> Vec<String> {
    let mut v = Vec::new();
    if let Some(f) = first.filter(|_| !crate::config::get().safe_path) {
        v.push(f);
    }
    v.extend(crate::config::get().pythonpath.iter().cloned());
    if let Some(d) = stdlib_dir() {
        v.push(d.to_string_lossy().into_owned());
    }
    v
}

/// `importlib.util.cache_from_source`: `DIR/__pycache__/STEM.cpython-314.pyc`.
pub fn cache_from_source(path: &str) -> String {
    let (dir, file) = match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    let stem = match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file,
    };
    if dir.is_empty() {
        format!("__pycache__/{stem}.cpython-314.pyc")
    } else {
        format!("{dir}/__pycache__/{stem}.cpython-314.pyc")
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// `PathFinder.find_spec(name, path)`: the first entry of `path` (default `sys.path`) holding
/// the module; a directory without `__init__.py` is remembered and, when nothing else is found,
/// they all become one namespace package.
pub fn path_find_spec(fullname: &str, path: Option<ObjectRef<'_>>) -> PyResult<Option<Object>> {
    let entries = match path {
        Some(p) => crate::eval::helpers::iterate(p)?,
        None => match super::sys_attr("path") {
            Some(p) => crate::eval::helpers::iterate(p.as_ref())?,
            None => Vec::new(),
        },
    };
    let tail = fullname.rsplit('.').next().unwrap_or(fullname);
    let mut namespace: Vec<String> = Vec::new();
    for entry in entries {
        let Some(e) = Str::new(entry.as_ref()) else { continue };
        let entry = e.to_string_lossy();
        let dir = if entry.is_empty() {
            match std::env::current_dir() {
                Ok(d) => d.to_string_lossy().into_owned(),
                Err(_) => continue,
            }
        } else {
            entry.clone()
        };
        let pkg_dir = join(&dir, tail);
        let init = join(&pkg_dir, "__init__.py");
        if Path::new(&pkg_dir).is_dir() {
            if Path::new(&init).is_file() {
                return Ok(Some(source_spec(fullname, &init, Some(&pkg_dir))?));
            }
        }
        let file = join(&dir, &format!("{tail}.py"));
        if Path::new(&file).is_file() {
            return Ok(Some(source_spec(fullname, &file, None)?));
        }
        if Path::new(&pkg_dir).is_dir() {
            namespace.push(pkg_dir);
        }
    }
    if namespace.is_empty() {
        return Ok(None);
    }
    Ok(Some(bootstrap::namespace_spec(fullname, namespace)?))
}

/// A spec for a source file, with a `SourceFileLoader`.
fn source_spec(name: &str, file: &str, pkg_dir: Option<&str>) -> PyResult<Object> {
    let loader = bootstrap::new_source_loader(name, file)?;
    bootstrap::file_spec(name, loader, file, pkg_dir)
}

/// An `OSError` (the errno subclass) for an I/O failure on `path`.
pub fn os_error(e: &std::io::Error, path: &str) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let s = e.to_string();
    let msg = match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    let ty = crate::types::exceptions::OS_ERROR.0.as_object();
    match ops::call(
        ty,
        &[crate::types::int::new_int_i64(errno as i64), new_str(&msg), new_str(path)],
        None,
    ) {
        Ok(inst) => PyErr::from_instance(inst),
        Err(e) => e,
    }
}

/// Compiles the source file at `path` (named by that path in tracebacks) into a code object.
pub fn compile_file(path: &str) -> PyResult<Object> {
    let source = std::fs::read(path).map_err(|e| os_error(&e, path))?;
    compile_bytes(&source, path)
}

/// Compiles module source text named `filename`.
pub fn compile_bytes(source: &[u8], filename: &str) -> PyResult<Object> {
    let opts = taipan_compiler::CompileOptions {
        optimize: crate::config::optimize(),
        ..taipan_compiler::CompileOptions::default()
    };
    let code = taipan_compiler::compile_source(source, filename, &opts).map_err(|e| {
        crate::builtins::framefns::syntax_error(e, filename, &String::from_utf8_lossy(source))
    })?;
    crate::types::code::new_code(Arc::new(code))
}

/// The stdlib modules CPython 3.14 freezes into its binary. Their code runs under the file name
/// `<frozen NAME>`, as CPython's does: its own traceback printer finds no source line for their
/// frames, while `linecache`/`inspect` still get the source through the module's loader.
pub(crate) const FROZEN_STDLIB: [&str; 15] = [
    "zipimport",
    "abc",
    "codecs",
    "io",
    "_collections_abc",
    "_sitebuiltins",
    "genericpath",
    "ntpath",
    "posixpath",
    "os",
    "site",
    "stat",
    "importlib.util",
    "importlib.machinery",
    "runpy",
];

/// `<frozen NAME>` when `path` is the stdlib's own file of a module CPython freezes.
fn frozen_filename(module: ObjectRef<'_>, path: &str) -> Option<String> {
    let d = crate::types::module::module_dict(module).and_then(as_dict)?;
    let name = d.get_str("__name__").ok()??;
    let name = crate::types::str::str_to_string(name.as_ref())?;
    if !FROZEN_STDLIB.contains(&name.as_str()) {
        return None;
    }
    let own = stdlib_dir()?.join(format!("{}.py", name.replace('.', "/")));
    (Path::new(path) == own).then(|| format!("<frozen {name}>"))
}

/// Runs the source file at `path` in `module`'s namespace (`SourceFileLoader.exec_module`).
pub fn exec_source_file(module: ObjectRef<'_>, path: &str) -> PyResult<()> {
    let code = match frozen_filename(module, path) {
        Some(frozen) => {
            let source = std::fs::read(path).map_err(|e| os_error(&e, path))?;
            compile_bytes(&source, &frozen)?
        }
        None => compile_file(path)?,
    };
    exec_code_in_module(module, code)
}

/// Runs a code object with the module's dict as globals (adding `__builtins__`).
pub fn exec_code_in_module(module: ObjectRef<'_>, code: Object) -> PyResult<()> {
    let globals = crate::attr::getattr(module, crate::types::str::intern("__dict__").as_ref())?;
    let Some(g) = as_dict(globals.as_ref()) else {
        return Err(PyErr::type_error("module's __dict__ is not a dict"));
    };
    let bdict = crate::builtins::builtins_dict();
    if g.get_str("__builtins__")?.is_none() {
        g.set_str("__builtins__", bdict.clone())?;
    }
    let _ = none;
    crate::eval::run_code(code, globals.clone(), Some(globals), bdict)?;
    Ok(())
}
