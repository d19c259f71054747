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
                    crate::modules::io::stdio::finish_install();
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
    // The trace tables hold frame objects: released while the thread's state still exists.
    crate::trace::clear_thread();
    // `sys.stdout` and `sys.stderr` are flushed (a failure makes the status 120), then files
    // still open are closed (flushed), text layer before buffer, as CPython's teardown of the
    // module namespaces does (the collector's order would not keep it); the original standard
    // streams come back for what `__main__`'s finalisers print, flushed last.
    let flushed = crate::modules::io::stdio::flush_std_files();
    crate::modules::io::close_open_writers();
    crate::modules::io::stdio::restore_std_streams();
    finalize_main();
    crate::modules::io::stdio::flush_std_files_quietly();
    crate::modules::signal::exit_if_interrupted();
    if flushed { status } else { 120 }
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

/// `taipan -m MODULE`: as CPython, `runpy._run_module_as_main(MODULE)` runs it as `__main__`
/// (a package's `__main__` submodule, `sys.argv[0]` set to its file, "No module named" errors
/// as `sys.exit` messages, the two `<frozen runpy>` frames in tracebacks). Returns the exit
/// status.
pub fn run_module_main(modname: &str, argv: Vec<String>, _program: &str) -> i32 {
    crate::modules::signal::install_startup_handlers();
    let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
    crate::builtins::sys::set_path0(Some(cwd));
    crate::builtins::sys::set_argv(argv);
    let status = match run_module_with_runpy(modname) {
        Ok(()) => 0,
        Err(e) => report(e.instance()),
    };
    crate::modules::thread::wait_for_shutdown();
    crate::modules::atexit::run_exitfuncs();
    // The trace tables hold frame objects: released while the thread's state still exists.
    crate::trace::clear_thread();
    let flushed = crate::modules::io::stdio::flush_std_files();
    crate::modules::io::close_open_writers();
    crate::modules::io::stdio::restore_std_streams();
    crate::modules::io::stdio::flush_std_files_quietly();
    crate::modules::signal::exit_if_interrupted();
    if flushed { status } else { 120 }
}

fn run_module_with_runpy(modname: &str) -> crate::error::PyResult<()> {
    let builtins = crate::builtins::builtins_module();
    crate::import::bootstrap::ensure_installed()?;
    crate::modules::io::stdio::finish_install();
    let _ = crate::builtins::install_site_builtins();
    if crate::builtins::sys::has_warnoptions() {
        crate::import::import_module("warnings", None)?;
    }
    // runpy runs the module in the namespace of the `__main__` that exists at start-up.
    let main = new_module("__main__");
    let d = module_dict(main.as_ref()).and_then(as_dict).expect("dict");
    d.set_str("__builtins__", builtins)?;
    crate::builtins::sys::register_module("__main__", main);
    let runpy = crate::import::import_module("runpy", None)?;
    let run = crate::attr::getattr(
        runpy.as_ref(),
        crate::types::str::intern("_run_module_as_main").as_ref(),
    )?;
    crate::ops::call(run.as_ref(), &[crate::types::str::new_str(modname)], None)?;
    Ok(())
}
