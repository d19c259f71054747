//! The `taipan` command, with CPython's command line (`cli.rs`): `taipan FILE [ARGS...]`,
//! `taipan -c CODE [ARGS...]`, `taipan -m MODULE [ARGS...]`, `taipan - [ARGS...]` /
//! `taipan < FILE` (the program on standard input), and the interactive prompt (`-i`, or a
//! terminal on standard input). It compiles the program and runs it as `__main__` on Taipan's
//! VM. A syntax error is reported as CPython reports it (exit status 1); an uncaught exception
//! prints its traceback (status 1); a command-line error prints the usage (status 2).

use std::process::ExitCode;

#[cfg(feature = "quarantine")]
mod quarantine;

#[cfg(all(feature = "mimalloc", not(feature = "quarantine")))]
mod capped;

#[cfg(all(feature = "mimalloc", not(feature = "quarantine")))]
#[global_allocator]
static GLOBAL: capped::Capped = capped::Capped;

#[cfg(feature = "quarantine")]
#[global_allocator]
static GLOBAL: quarantine::Quarantine = quarantine::Quarantine;

mod cli;

use taipan_compiler::{CompileError, CompileOptions, compile_with_warnings};
use taipan_parser::{ParseOptions, parse_bytes};

/// Stack for the thread running the program: Python-to-Python calls do not grow it, but native
/// code calling back into Python (`__init__`, `__eq__`, `sorted`'s key, ...) does.
const MAIN_STACK: usize = 256 << 20;

/// How much of that stack nested native operations (repr, comparison, hash, `isinstance` of
/// nested tuples, ...) may use before `RecursionError`: CPython 3.14 stops them when its C stack
/// (8 MiB, the default `RLIMIT_STACK`) is nearly used, and Taipan's frames for these paths are
/// about as large as CPython's, so the same budget gives about CPython's depth (deep nesting
/// fails as fast as there, instead of running for minutes through 248 MiB).
const NATIVE_RECURSION_BUDGET: usize = (8 << 20) - (40 << 10);

/// The usage line CPython prints after a command-line error (exit status 2).
fn usage_error(program: &str, msg: &str) -> ExitCode {
    eprintln!("{msg}");
    eprintln!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...");
    eprintln!("Try `python -h' for more information.");
    ExitCode::from(2)
}

/// `-h`/`--help`.
const HELP: &str = "\
Options (as CPython's):
-b     : warn (-bb: error) when comparing bytes with str
-B     : do not write .pyc files (Taipan never does)
-c cmd : program passed in as string (terminates option list)
-d     : parser debugging (accepted)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running the program; forces a prompt even
         if stdin does not appear to be a terminal
-I     : isolated mode (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; -OO also removes docstrings
-P     : do not prepend the script's directory (or '') to sys.path
-q     : do not print the version banner on interactive startup
-s     : do not add the user site directory to sys.path
-S     : do not import the site module
-u     : unbuffered binary stdout and stderr
-v     : verbose (trace import statements)
-V     : print the Python version number and exit (also --version)
-W arg : warning control (action:message:category:module:lineno)
-x     : skip the first line of the source
-X opt : implementation-specific option, in sys._xoptions
--     : end of options
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to the program in sys.argv[1:]
";

fn main() -> ExitCode {
    #[cfg(all(feature = "mimalloc", not(feature = "quarantine")))]
    capped::init();
    let orig_argv: Vec<String> = std::env::args().collect();
    let program = orig_argv.first().cloned().unwrap_or_else(|| "taipan".into());
    let args: Vec<String> = orig_argv.iter().skip(1).cloned().collect();
    let cli = match cli::parse(&args, orig_argv.clone(), &|n| std::env::var(n).ok()) {
        Ok(c) => c,
        Err(cli::CliError(msg)) => return usage_error(&program, &msg),
    };
    if cli.help {
        println!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...");
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    if cli.version > 0 {
        let full = concat!("3.14.0 (main) [Taipan ", env!("CARGO_PKG_VERSION"), " (Rust)]");
        println!("Python {}", if cli.version > 1 { full } else { "3.14.0" });
        return ExitCode::SUCCESS;
    }
    let cli::Cli { config, command, args, warnoptions, skip_first_line, .. } = cli;
    let inspect = config.inspect;
    taipan_vm::config::set(config);
    let (source, filename, argv) = match command {
        cli::Command::Stdin(dash) => {
            use std::io::{IsTerminal, Read};
            // `sys.argv[0]` is `-` when the program was named so, else empty.
            let mut argv = vec![if dash { "-".to_string() } else { String::new() }];
            argv.extend(args.iter().cloned());
            if inspect || std::io::stdin().is_terminal() {
                return run_on_main_thread(move || {
                    taipan_vm::builtins::sys::set_warnoptions(warnoptions);
                    taipan_vm::run::run_interactive(argv)
                });
            }
            let mut source = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut source) {
                eprintln!("{program}: can't read standard input: {}", strip_os_error(&e));
                return ExitCode::from(2);
            }
            (source, "<stdin>".to_string(), argv)
        }
        cli::Command::Module(module) => {
            let mut argv = vec!["-m".to_string()];
            argv.extend(args);
            return run_on_main_thread(move || {
                taipan_vm::builtins::sys::set_warnoptions(warnoptions);
                taipan_vm::run::run_module_main(&module, argv, &program)
            });
        }
        cli::Command::Code(code) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(args);
            (code.into_bytes(), "<string>".to_string(), argv)
        }
        cli::Command::File(path) => {
            // As CPython: the script's code (tracebacks, SyntaxErrors, `__file__`) names it by
            // the current directory joined with the path as given; `sys.argv[0]` keeps it as is.
            let filename = absolute_script_path(&path);
            let mut argv = vec![path.clone()];
            argv.extend(args);
            match std::fs::read(&path) {
                Ok(s) => (s, filename, argv),
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
    // `-x`: the first line is skipped, but still counted (line numbers stay the file's).
    let source = if skip_first_line {
        match source.iter().position(|&b| b == b'\n') {
            Some(i) => source[i..].to_vec(),
            None => Vec::new(),
        }
    } else {
        source
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
    let opts =
        CompileOptions { optimize: taipan_vm::config::optimize(), ..CompileOptions::default() };
    let (result, warnings) = compile_with_warnings(&tree, &filename, &opts);
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
    run_on_main_thread(move || {
        if filename == "<string>" {
            taipan_vm::traceback::register_source(&filename, &text);
        }
        if filename == "<stdin>" {
            taipan_vm::builtins::sys::set_path0(Some(String::new()));
        }
        taipan_vm::builtins::sys::set_warnoptions(warnoptions);
        taipan_vm::run::run_main(code, argv)
    })
}

/// Runs `f` (the program) on a thread with a large stack, holding the GIL, and gives its exit
/// status.
fn run_on_main_thread(f: impl FnOnce() -> i32 + Send + 'static) -> ExitCode {
    let child = std::thread::Builder::new().stack_size(MAIN_STACK).spawn(move || {
        taipan_vm::gil::attach();
        taipan_vm::ops::set_stack_budget(NATIVE_RECURSION_BUDGET);
        f()
    });
    // Process signals go to the program's thread, so its blocking calls are interrupted.
    taipan_vm::modules::signal::block_all_in_this_thread();
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
