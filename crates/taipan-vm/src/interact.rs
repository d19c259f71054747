//! The interactive prompt (CPython's basic REPL): `taipan -i ...` after the program, and
//! `taipan` with a terminal on standard input. Statements are read from standard input, the
//! prompts (`sys.ps1`, `sys.ps2`, by default `>>> ` and `... `) written to standard error; each
//! complete statement is compiled in "single" mode, so that an expression's value goes through
//! `sys.displayhook`, and run in `__main__`'s namespace. A traceback is printed through
//! `sys.excepthook` and the prompt goes on; `SystemExit` ends it with its status; end of input
//! ends it with status 0.

use std::io::BufRead;
use std::sync::Arc;

use taipan_compiler::{CompileOptions, compile_source};
use taipan_parser::Mode;

use crate::error::PyErr;
use crate::object::Object;
use crate::types::exceptions::SYSTEM_EXIT;

/// The banner a terminal session starts with (unless `-q`).
pub fn banner() -> String {
    let version = crate::import::sys_attr("version")
        .and_then(|v| crate::ops::str_string(v.as_ref()).ok())
        .unwrap_or_default();
    format!(
        "Python {version} on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n"
    )
}

/// The prompt `sys.ps1`/`sys.ps2` names (its `str()`), or the default.
fn prompt(name: &str, default: &str) -> String {
    match crate::import::sys_attr(name) {
        Some(p) => crate::ops::str_string(p.as_ref()).unwrap_or_else(|_| default.to_string()),
        None => default.to_string(),
    }
}

/// Whether the `lines` read so far are an unfinished statement: the parser wants more input, or
/// a compound statement (first line ending in `:`, or decorators) has not been closed by an
/// empty line yet; a bracketed expression runs as soon as it closes. Shared with the embedding
/// `Repl`.
pub(crate) fn needs_more(lines: &[String]) -> bool {
    let source = lines.join("\n") + "\n";
    let last_empty = lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty());
    if last_empty {
        return false;
    }
    let opts = taipan_parser::ParseOptions { mode: Mode::Single, ..Default::default() };
    match taipan_parser::parse_str_detailed(&source, &opts) {
        Err(f) => f.incomplete,
        // A compound statement (or its decorators) goes on until an empty line.
        Ok(_) => lines[0].trim_end().ends_with(':') || lines[0].trim_start().starts_with('@'),
    }
}

/// Runs the prompt in `globals` until end of input or `SystemExit`; returns the exit status.
pub fn interact(globals: &Object) -> i32 {
    let stdin = std::io::stdin();
    let mut lines: Vec<String> = Vec::new();
    loop {
        let p = if lines.is_empty() { prompt("ps1", ">>> ") } else { prompt("ps2", "... ") };
        crate::builtins::sys::flush_stdout();
        crate::builtins::sys::write_stderr(&p);
        // Other threads run while the prompt waits for a line.
        let (read, line) = crate::gil::allow_threads(|| {
            let mut line = String::new();
            let read = stdin.lock().read_line(&mut line);
            (read, line)
        });
        match read {
            Ok(0) | Err(_) => {
                crate::builtins::sys::write_stderr("\n");
                return 0;
            }
            Ok(_) => {}
        }
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line).to_string();
        if lines.is_empty() && line.trim().is_empty() {
            continue;
        }
        lines.push(line);
        if needs_more(&lines) {
            continue;
        }
        let source = lines.join("\n") + "\n";
        lines.clear();
        if let Err(e) = run_one(&source, globals) {
            if e.instance().type_().is_subtype(&SYSTEM_EXIT.0) {
                return crate::run::exit_status(e.instance());
            }
            show(e);
        }
    }
}

/// Compiles and runs one interactive statement.
fn run_one(source: &str, globals: &Object) -> Result<(), PyErr> {
    crate::traceback::register_source("<stdin>", source);
    let opts = CompileOptions {
        mode: Mode::Single,
        optimize: crate::config::optimize(),
        ..CompileOptions::default()
    };
    let code = compile_source(source.as_bytes(), "<stdin>", &opts)
        .map_err(|e| crate::builtins::framefns::syntax_error(e, "<stdin>", source))?;
    let code = crate::types::code::new_code(Arc::new(code))?;
    crate::eval::run_code(
        code,
        globals.clone(),
        Some(globals.clone()),
        crate::builtins::builtins_dict(),
    )
    .map(drop)
}

/// Prints an exception through `sys.excepthook` (the built-in report if that fails).
fn show(e: PyErr) {
    let exc = e.instance().to_owned();
    if let Some(hook) = crate::import::sys_attr("excepthook") {
        let tb = crate::types::traceback_obj::traceback_of(exc.as_ref());
        let args = [exc.type_().as_object().to_owned(), exc.clone(), tb];
        if crate::ops::call(hook.as_ref(), &args, None).is_ok() {
            return;
        }
    }
    crate::builtins::sys::write_stderr(&crate::traceback::format_exception(exc.as_ref()));
}
