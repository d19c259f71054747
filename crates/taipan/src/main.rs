//! The `taipan` command: `taipan FILE [ARGS...]`, `taipan -c CODE [ARGS...]`,
//! `taipan -m MODULE [ARGS...]` or `taipan - [ARGS...]` / `taipan < FILE` (the program on
//! standard input) compiles the program and runs it as `__main__` on Taipan's VM. A syntax error is reported as CPython
//! reports it (exit status 1); an uncaught exception prints its traceback (status 1).

use std::process::ExitCode;

#[cfg(feature = "quarantine")]
mod quarantine;

#[cfg(all(feature = "mimalloc", not(feature = "quarantine")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "quarantine")]
#[global_allocator]
static GLOBAL: quarantine::Quarantine = quarantine::Quarantine;

use taipan_compiler::{CompileError, CompileOptions, compile_with_warnings};
use taipan_parser::{ParseOptions, parse_bytes};

/// Stack for the thread running the program: Python-to-Python calls do not grow it, but native
/// code calling back into Python (`__init__`, `__eq__`, `sorted`'s key, ...) does.
const MAIN_STACK: usize = 256 << 20;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `-W ARG` / `-WARG` (warning filters) and options that change nothing observable here
    // (unbuffered, no .pyc, no site, ...).
    let mut w_options = Vec::new();
    let mut ignore_env = false;
    while let Some(a) = args.first().cloned() {
        if matches!(a.as_str(), "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-P") {
            ignore_env |= a == "-E" || a == "-I";
            args.remove(0);
        } else if a == "-W" {
            let Some(v) = args.get(1).cloned() else {
                eprintln!("Argument expected for the -W option");
                return ExitCode::from(2);
            };
            w_options.push(v);
            args.drain(..2);
        } else if let Some(v) = a.strip_prefix("-W") {
            w_options.push(v.to_string());
            args.remove(0);
        } else {
            break;
        }
    }
    // As CPython: `PYTHONWARNINGS` (comma-separated) first, then the `-W` options.
    let mut warnoptions: Vec<String> = Vec::new();
    if !ignore_env && let Ok(env) = std::env::var("PYTHONWARNINGS") {
        warnoptions.extend(env.split(',').filter(|s| !s.is_empty()).map(str::to_string));
    }
    warnoptions.extend(w_options);
    let program = std::env::args().next().unwrap_or_else(|| "taipan".into());
    let (source, filename, argv) = match args.first().map(String::as_str) {
        None | Some("-") => {
            use std::io::{IsTerminal, Read};
            if args.is_empty() && std::io::stdin().is_terminal() {
                eprintln!(
                    "usage: taipan FILE [ARGS...] | taipan -c CODE [ARGS...] | taipan -m MODULE [ARGS...] | taipan - [ARGS...]"
                );
                return ExitCode::from(2);
            }
            let mut source = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut source) {
                eprintln!("{program}: can't read standard input: {}", strip_os_error(&e));
                return ExitCode::from(2);
            }
            let mut argv = vec![if args.is_empty() { String::new() } else { "-".to_string() }];
            argv.extend(args.iter().skip(1).cloned());
            (source, "<stdin>".to_string(), argv)
        }
        Some("-m") => {
            let Some(module) = args.get(1).cloned() else {
                eprintln!("Argument expected for the -m option");
                return ExitCode::from(2);
            };
            let mut argv = vec!["-m".to_string()];
            argv.extend(args[2..].iter().cloned());
            let child = std::thread::Builder::new().stack_size(MAIN_STACK).spawn(move || {
                taipan_vm::gil::attach();
                taipan_vm::builtins::sys::set_warnoptions(warnoptions);
                taipan_vm::ops::set_stack_budget(MAIN_STACK - (8 << 20));
                taipan_vm::run::run_module_main(&module, argv, &program)
            });
            let status = match child.map(|h| h.join()) {
                Ok(Ok(s)) => s,
                _ => 1,
            };
            return ExitCode::from(status as u8);
        }
        Some("-c") => {
            let Some(code) = args.get(1) else {
                eprintln!("Argument expected for the -c option");
                return ExitCode::from(2);
            };
            let mut argv = vec!["-c".to_string()];
            argv.extend(args[2..].iter().cloned());
            (code.clone().into_bytes(), "<string>".to_string(), argv)
        }
        Some(path) => {
            // As CPython: the script's code (tracebacks, SyntaxErrors, `__file__`) names it by
            // the current directory joined with the path as given; `sys.argv[0]` keeps it as is.
            let filename = absolute_script_path(path);
            match std::fs::read(path) {
                Ok(s) => (s, filename, args.clone()),
                Err(e) => {
                    eprintln!(
                        "{program}: can't open file '{filename}': [Errno {}] {}",
                        e.raw_os_error().unwrap_or(0),
                        strip_os_error(&e)
                    );
                    return ExitCode::from(2);
                }
            }
        }
    };
    let tree = match parse_bytes(&source, &ParseOptions::default()) {
        Ok(t) => t,
        Err(e) => {
            // With traceback's keyword-typo search ("invalid syntax. Did you mean 'for'?").
            let report = if filename == "<string>" {
                taipan_compiler::codeop::string_report(
                    &e,
                    &String::from_utf8_lossy(&source),
                    &filename,
                )
            } else {
                taipan_compiler::codeop::file_report(&e, &source, &filename)
            };
            eprint!("{report}");
            return ExitCode::from(1);
        }
    };
    let text = String::from_utf8_lossy(&source).into_owned();
    let line_of = |n: i32| text.lines().nth((n as usize).wrapping_sub(1)).map(str::to_string);
    let (result, warnings) = compile_with_warnings(&tree, &filename, &CompileOptions::default());
    for w in &warnings {
        let mut msg = format!("{filename}:{}: SyntaxWarning: {}\n", w.lineno, w.msg);
        if let Some(l) = line_of(w.lineno) {
            msg.push_str(&format!("  {}\n", l.trim()));
        }
        eprint!("{msg}");
    }
    let code = match result {
        Ok(c) => c,
        Err(CompileError::Syntax(mut e)) => {
            if e.text.is_none() {
                e.text = e.lineno.and_then(line_of).map(|l| l + "\n");
            }
            eprint!("{}", e.report(&filename));
            return ExitCode::from(1);
        }
        Err(e @ CompileError::Recursion) => {
            eprintln!("{}", e.summary());
            return ExitCode::from(1);
        }
    };
    let child = std::thread::Builder::new().stack_size(MAIN_STACK).spawn(move || {
        taipan_vm::gil::attach();
        if filename == "<string>" {
            taipan_vm::traceback::register_source(&filename, &text);
        }
        if filename == "<stdin>" {
            taipan_vm::builtins::sys::set_path0(Some(String::new()));
        }
        taipan_vm::builtins::sys::set_warnoptions(warnoptions);
        taipan_vm::ops::set_stack_budget(MAIN_STACK - (8 << 20));
        taipan_vm::run::run_main(code, argv)
    });
    let status = match child.map(|h| h.join()) {
        Ok(Ok(s)) => s,
        _ => 1,
    };
    ExitCode::from(status as u8)
}

/// The OS error text without Rust's " (os error N)" suffix.
fn strip_os_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// CPython's `_Py_abspath` for the script: an absolute path as it is, otherwise the current
/// directory, a separator and the path, without normalising `.` or `..`.
fn absolute_script_path(path: &str) -> String {
    if std::path::Path::new(path).is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{path}", cwd.display()),
        Err(_) => path.to_string(),
    }
}
