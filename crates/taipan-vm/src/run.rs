//! Running a program as `__main__`: the module, its globals, and what happens to an exception
//! that escapes (the traceback on stderr and status 1; `SystemExit` gives its code).

use std::sync::Arc;

use taipan_bytecode::CodeObject;

use crate::object::ObjectRef;
use crate::types::dict::as_dict;
use crate::types::exceptions::{ExcPayload, SYSTEM_EXIT};
use crate::types::int::int_value;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::is_none;
use crate::types::tuple::tuple_items;

/// Runs `code` as the `__main__` module and returns the process exit status (with `-i`, the
/// interactive prompt follows it).
pub fn run_main(code: CodeObject, argv: Vec<String>) -> i32 {
    run_main_with(code, argv, false)
}

/// The interactive prompt as the program (`taipan` on a terminal, `taipan -i` reading standard
/// input): a banner (unless `-q`), then statements read from standard input in `__main__`.
pub fn run_interactive(argv: Vec<String>) -> i32 {
    crate::builtins::sys::set_path0(Some(String::new()));
    run_main_with(interactive_code(), argv, true)
}

/// An empty module code object (what the prompt's `__main__` runs before the first line).
fn interactive_code() -> CodeObject {
    let opts = taipan_compiler::CompileOptions::default();
    taipan_compiler::compile_source(b"", "<stdin>", &opts).expect("empty source compiles")
}

fn run_main_with(code: CodeObject, argv: Vec<String>, banner: bool) -> i32 {
    crate::modules::signal::install_startup_handlers();
    crate::builtins::sys::set_argv(argv);
    let filename = code.filename.to_string_lossy();
    if !crate::builtins::sys::path0_is_set() {
        // The script's directory; `''` for `-c` and standard input (`<string>`, `<stdin>`).
        let path0 = if filename.starts_with('<') {
            String::new()
        } else {
            match filename.rfind('/') {
                Some(0) => "/".to_string(),
                Some(i) => filename[..i].to_string(),
                None => String::new(),
            }
        };
        crate::builtins::sys::set_path0(Some(path0));
    }
    let status = match crate::types::code::new_code(Arc::new(code)) {
        Err(e) => report(e.instance()),
        Ok(code) => {
            let builtins = crate::builtins::builtins_module();
            let main = new_module("__main__");
            crate::builtins::sys::register_module("__main__", main.clone());
            crate::builtins::sys::register_module("builtins", builtins.clone());
            let globals = module_dict(main.as_ref()).expect("dict").to_owned();
            let d = as_dict(globals.as_ref()).expect("dict");
            let _ = d.set_str("__builtins__", builtins.clone());
            let file = crate::types::code::as_code(code.as_ref()).expect("code").filename.clone();
            let _ = d.set_str("__file__", file);
            let bdict = crate::builtins::builtins_dict();
            match crate::import::bootstrap::ensure_installed() {
                Err(e) => report(e.instance()),
                Ok(()) => {
                    let _ = crate::builtins::install_site_builtins();
                    if crate::builtins::sys::has_warnoptions()
                        && let Err(e) = crate::import::import_module("warnings", None)
                    {
                        crate::gc::write_unraisable(e, "Exception ignored in warnings setup", None);
                    }
                    if !filename.starts_with('<')
                        && let Ok(l) =
                            crate::import::bootstrap::new_source_loader("__main__", &filename)
                    {
                        let _ = d.set_str("__loader__", l);
                    }
                    let result =
                        crate::eval::run_code(code, globals.clone(), Some(globals.clone()), bdict);
                    if crate::config::get().inspect || banner {
                        // `-i`: whatever escaped the program (`SystemExit` too) is shown as a
                        // traceback, then the prompt runs in its namespace.
                        if let Err(e) = result {
                            crate::builtins::sys::write_stderr(
                                &crate::traceback::format_exception(e.instance()),
                            );
                        }
                        if banner && !crate::config::get().quiet {
                            crate::builtins::sys::write_stderr(&crate::interact::banner());
                        }
                        crate::interact::interact(&globals)
                    } else {
                        match result {
                            Ok(_) => 0,
                            Err(e) => report(e.instance()),
                        }
                    }
                }
            }
        }
    };
    // Non-daemon threads are waited for, then the atexit callbacks run (after the program and
    // its traceback), before finalisation.
    crate::modules::thread::wait_for_shutdown();
    crate::modules::atexit::run_exitfuncs();
    // Files still open are closed (flushed) first, text layer before buffer, as CPython's
    // teardown of the module namespaces does; the collector's order would not keep it.
    crate::modules::io::close_open_writers();
    finalize_main();
    crate::builtins::sys::flush_stdout();
    crate::modules::signal::exit_if_interrupted();
    status
}

/// What CPython's finalisation does that a program can observe in the common cases: `__main__`
/// leaves `sys.modules`, so its namespace dies (by refcount, or as cyclic garbage through the
/// functions and classes that refer to it) and the `__del__` methods and weakref callbacks of
/// the objects it held run, in the collector's order.
fn finalize_main() {
    // Freeing a large heap costs time for nothing a program can see, unless some object has a
    // finaliser or weak references: only then is the namespace torn down.
    if !crate::gc::anything_to_finalize() {
        return;
    }
    let sys = crate::builtins::sys_module();
    if let Some(d) = module_dict(sys.as_ref()).and_then(as_dict)
        && let Ok(Some(mods)) = d.get_str("modules")
        && let Some(md) = as_dict(mods.as_ref())
    {
        let key = crate::types::str::new_str("__main__");
        let old = md.del_item(key.as_ref());
        drop(old);
    }
    drop(sys);
    crate::gc::collect(crate::gc::NUM_GENERATIONS - 1);
}

/// A fresh `__main__` globals dict (with `__builtins__`), for embedding and tests.
pub fn new_globals() -> crate::object::Object {
    let main = new_module("__main__");
    let globals = module_dict(main.as_ref()).expect("dict").to_owned();
    let d = as_dict(globals.as_ref()).expect("dict");
    let _ = d.set_str("__builtins__", crate::builtins::builtins_module());
    globals
}

/// Runs `code` with `globals` as globals and locals.
pub fn exec_code(
    code: CodeObject,
    globals: &crate::object::Object,
) -> crate::error::PyResult<crate::object::Object> {
    let code = crate::types::code::new_code(Arc::new(code))?;
    crate::eval::run_code(
        code,
        globals.clone(),
        Some(globals.clone()),
        crate::builtins::builtins_dict(),
    )
}

/// Handles an exception that escaped the program: `SystemExit` becomes the status (printing a
/// non-integer code), anything else prints its traceback and gives 1.
fn report(exc: ObjectRef<'_>) -> i32 {
    if exc.type_().is_subtype(&SYSTEM_EXIT.0) {
        return exit_status(exc);
    }
    crate::builtins::sys::write_stderr(&crate::traceback::format_exception(exc));
    // CPython ends an interrupted program by re-raising SIGINT with the default handler, which
    // a shell reports as status 128 + 2 (`exit_if_interrupted`, once the program is done).
    if exc.type_().is_subtype(&crate::types::exceptions::KEYBOARD_INTERRUPT.0) {
        crate::modules::signal::note_unhandled_keyboard_interrupt();
        130
    } else {
        1
    }
}

/// The exit status a `SystemExit` asks for (printing a code that is not an int or None).
pub(crate) fn exit_status(exc: ObjectRef<'_>) -> i32 {
    {
        let args = exc.payload::<ExcPayload>().map(|p| p.args());
        let code = args.as_ref().and_then(|a| tuple_items(a.as_ref())).and_then(|a| match a {
            [] => None,
            [one] => Some(one.clone()),
            _ => Some(args.clone().expect("args")),
        });
        return match code {
            None => 0,
            Some(c) if is_none(c.as_ref()) => 0,
            Some(c) => match int_value(c.as_ref()) {
                Some(v) => v.to_ibig().as_ref().try_into().map_or(-1, |v: i64| v as i32),
                None => {
                    let s = crate::ops::str_string(c.as_ref()).unwrap_or_default();
                    crate::builtins::sys::write_stderr(&format!("{s}\n"));
                    1
                }
            },
        };
    }
}

/// `taipan -m MODULE`: finds the module on `sys.path` (the current directory first), runs a
/// package's `__main__` submodule, and executes the module's code as `__main__` with its spec
/// (CPython's `runpy._run_module_as_main`). Returns the exit status; `program` names the
/// interpreter in "No module named" errors.
pub fn run_module_main(modname: &str, mut argv: Vec<String>, program: &str) -> i32 {
    crate::modules::signal::install_startup_handlers();
    let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
    crate::builtins::sys::set_path0(Some(cwd));
    crate::builtins::sys::set_argv(argv.clone());
    let status = match find_main_spec(modname) {
        Err(e) => report(e.instance()),
        Ok(Err(msg)) => {
            crate::builtins::sys::write_stderr(&format!("{program}: {msg}\n"));
            1
        }
        Ok(Ok((spec, origin))) => {
            argv[0] = origin.clone();
            if let Some(a) = crate::import::sys_attr("argv")
                && let Some(l) = crate::types::list::as_list(a.as_ref())
            {
                l.set(0, crate::types::str::new_str(&origin));
            }
            match run_spec_as_main(spec, &origin) {
                Ok(()) => 0,
                Err(e) => report(e.instance()),
            }
        }
    };
    crate::modules::thread::wait_for_shutdown();
    crate::modules::atexit::run_exitfuncs();
    crate::modules::io::close_open_writers();
    crate::builtins::sys::flush_stdout();
    crate::modules::signal::exit_if_interrupted();
    status
}

type MainSpec = Result<(crate::object::Object, String), String>;

fn find_main_spec(modname: &str) -> crate::error::PyResult<MainSpec> {
    use crate::import::{getattr_opt, text};
    crate::builtins::builtins_module();
    crate::import::bootstrap::ensure_installed()?;
    let _ = crate::builtins::install_site_builtins();
    if crate::builtins::sys::has_warnoptions() {
        crate::import::import_module("warnings", None)?;
    }
    let mut name = modname.to_string();
    for attempt in 0..2 {
        let mut path = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            match crate::import::import_absolute(parent) {
                Ok(p) => path = getattr_opt(p.as_ref(), "__path__")?,
                Err(e) if e.matches(&crate::types::exceptions::IMPORT_ERROR) => {
                    return Ok(Err(format!(
                        "Error while finding module specification for '{name}' ({}: {})",
                        e.exc_type().name(),
                        e.message()
                    )));
                }
                Err(e) => return Err(e),
            }
        }
        let Some(spec) = crate::import::find_spec(&name, path.as_ref().map(|p| p.as_ref()))? else {
            return Ok(Err(format!("No module named {name}")));
        };
        let locations = getattr_opt(spec.as_ref(), "submodule_search_locations")?
            .filter(|l| !is_none(l.as_ref()));
        if locations.is_some() {
            if attempt == 1 {
                return Ok(Err(format!("No module named {name}")));
            }
            // As runpy: only an ImportError for this package (or a parent) means "no module";
            // any other error raised while importing the package is the program's to report.
            if let Err(e) = crate::import::import_absolute(&name) {
                let missing = e.matches(&crate::types::exceptions::IMPORT_ERROR)
                    && getattr_opt(e.instance(), "name")?
                        .filter(|n| !is_none(n.as_ref()))
                        .map(|n| text(n.as_ref()))
                        .is_some_and(|n| n == name || name.starts_with(&format!("{n}.")));
                if !missing {
                    return Err(e);
                }
                return Ok(Err(format!("No module named {name}")));
            }
            let pkg = name.clone();
            name = format!("{name}.__main__");
            let pkgmod = crate::import::import_absolute(&pkg)?;
            let p = getattr_opt(pkgmod.as_ref(), "__path__")?;
            if crate::import::find_spec(&name, p.as_ref().map(|p| p.as_ref()))?.is_none() {
                return Ok(Err(format!(
                    "No module named {name}; '{pkg}' is a package and cannot be directly executed"
                )));
            }
            continue;
        }
        let origin = getattr_opt(spec.as_ref(), "origin")?
            .filter(|o| !is_none(o.as_ref()))
            .map(|o| text(o.as_ref()))
            .unwrap_or_default();
        if !origin.ends_with(".py") {
            return Ok(Err(format!("No code object available for {name}")));
        }
        return Ok(Ok((spec, origin)));
    }
    Ok(Err(format!("No module named {modname}")))
}

fn run_spec_as_main(spec: crate::object::Object, origin: &str) -> crate::error::PyResult<()> {
    let main = new_module("__main__");
    crate::builtins::sys::register_module("__main__", main.clone());
    let loader = crate::import::getattr_opt(spec.as_ref(), "loader")?;
    crate::import::init_module_attrs(spec.as_ref(), main.as_ref(), loader.as_ref(), false)?;
    let code = crate::import::path::compile_file(origin)?;
    crate::import::path::exec_code_in_module(main.as_ref(), code)
}
