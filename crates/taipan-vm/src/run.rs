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

/// Runs `code` as the `__main__` module and returns the process exit status.
pub fn run_main(code: CodeObject, argv: Vec<String>) -> i32 {
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
                    if !filename.starts_with('<')
                        && let Ok(l) =
                            crate::import::bootstrap::new_source_loader("__main__", &filename)
                    {
                        let _ = d.set_str("__loader__", l);
                    }
                    match crate::eval::run_code(code, globals.clone(), Some(globals), bdict) {
                        Ok(_) => 0,
                        Err(e) => report(e.instance()),
                    }
                }
            }
        }
    };
    crate::builtins::sys::flush_stdout();
    status
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
    crate::builtins::sys::write_stderr(&crate::traceback::format_exception(exc));
    1
}
