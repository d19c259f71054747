//! `taipan-dev`: developer views of each pipeline stage.
//!
//!   taipan-dev ast [-m MODE] [--no-type-comments] [-i INDENT] FILE
//!       prints what `python -m ast -a FILE` prints under CPython 3.14; a syntax error is reported
//!       on stderr as `python FILE` reports it, with exit status 1.
//!   taipan-dev tokens FILE
//!       prints what `python -m tokenize FILE` prints.
//!   taipan-dev parse-bench [--compile] [--repeat N] FILE...
//!       parses (with --compile: parses and compiles to code objects) every file N times
//!       (default 3) and prints the best total time in seconds (reading the files is not timed);
//!       `benches/parse_stdlib.sh` and `benches/compile_stdlib.sh` compare it with CPython.
//!   taipan-dev dis-pyc [-C] [-O] [-P] FILE.pyc
//!       prints what `python -m dis [-C] [-O] [-P]` prints for the module code object the .pyc
//!       holds (-C inline caches, -O offsets, -P source positions).
//!   taipan-dev dis [-C] [-O] [-P] [--optimize 1|2] FILE
//!       compiles FILE with Taipan's compiler and prints what `python -m dis [-C] [-O] [-P] FILE`
//!       prints (`--optimize`: as under `python -O` / `python -OO`).

mod dis_cmd;

use std::process::ExitCode;
use taipan_parser::ast::{DumpOptions, dump};
use taipan_parser::{Mode, ParseOptions, SyntaxError};

const USAGE: &str = "usage: taipan-dev ast [-m exec|eval|single|func_type] [--no-type-comments] [-i INDENT] FILE\n       taipan-dev tokens FILE\n       taipan-dev parse-bench [--compile] [--repeat N] FILE...\n       taipan-dev dis-pyc [-C] [-O] [-P] FILE.pyc\n       taipan-dev dis [-C] [-O] [-P] [--optimize 1|2] FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ast") => cmd_ast(&args[1..]),
        Some("tokens") => cmd_tokens(&args[1..]),
        Some("parse-bench") => cmd_parse_bench(&args[1..]),
        Some("dis-pyc") => cmd_dis_pyc(&args[1..]),
        Some("dis") => dis_cmd::cmd_dis(&args[1..], USAGE),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, ExitCode> {
    let data = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    data.map_err(|e| {
        eprintln!("taipan-dev: can't open file '{path}': {e}");
        ExitCode::from(2)
    })
}

/// Reports `err` as `python FILE` does; in exec mode with its keyword-typo search.
fn report(err: &SyntaxError, path: &str, source: &[u8], mode: Mode) -> ExitCode {
    let name = if path == "-" { "<stdin>" } else { path };
    if mode == Mode::Exec {
        eprint!("{}", taipan_compiler::codeop::file_report(err, source, name));
    } else {
        eprint!("{}", err.report(name));
    }
    ExitCode::from(1)
}

fn cmd_ast(args: &[String]) -> ExitCode {
    let mut opts = ParseOptions { type_comments: true, ..ParseOptions::default() };
    let mut dump_opts = DumpOptions::default();
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-m" | "--mode" => {
                opts.mode = match it.next().map(String::as_str) {
                    Some("exec") => Mode::Exec,
                    Some("eval") => Mode::Eval,
                    Some("single") => Mode::Single,
                    Some("func_type") => Mode::FuncType,
                    _ => {
                        eprintln!("{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--no-type-comments" => opts.type_comments = false,
            "-i" | "--indent" => match it.next().and_then(|s| s.parse().ok()) {
                Some(n) => dump_opts.indent = Some(n),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--show-empty" => dump_opts.show_empty = true,
            "-a" | "--include-attributes" => {}
            _ if file.is_none() => file = Some(a.clone()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let path = file.unwrap_or_else(|| "-".into());
    let source = match read(&path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match taipan_parser::parse_bytes(&source, &opts) {
        Ok(tree) => {
            println!("{}", dump(&tree, dump_opts));
            ExitCode::SUCCESS
        }
        Err(e) => report(&e, &path, &source, opts.mode),
    }
}

fn cmd_tokens(args: &[String]) -> ExitCode {
    let [path] = args else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let source = match read(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // As `python -m tokenize`: the listing on stdout; warnings, and an error as one
    // `FILE:LINE:COL: error: MSG` line, on stderr (exit status 1).
    let (result, warnings) = taipan_parser::tokenizer::tokenize_listing_with_warnings(&source);
    for w in &warnings {
        eprintln!("<string>:{}: SyntaxWarning: {}", w.lineno, w.msg);
    }
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", taipan_parser::tokenizer::listing_error_line(&e, path));
            ExitCode::from(1)
        }
    }
}

fn cmd_parse_bench(args: &[String]) -> ExitCode {
    let mut repeat = 3usize;
    let mut compile = false;
    let mut paths: Vec<&String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--compile" {
            compile = true;
        } else if a == "--repeat" {
            match it.next().and_then(|s| s.parse().ok()) {
                Some(n) if n > 0 => repeat = n,
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            }
        } else {
            paths.push(a);
        }
    }
    let mut sources = Vec::with_capacity(paths.len());
    for p in &paths {
        match read(p) {
            Ok(s) => sources.push(s),
            Err(code) => return code,
        }
    }
    let opts = ParseOptions::default();
    let compile_opts = taipan_compiler::CompileOptions::default();
    let mut best = f64::INFINITY;
    let mut failures = 0;
    for _ in 0..repeat {
        let start = std::time::Instant::now();
        failures = 0;
        for (src, path) in sources.iter().zip(&paths) {
            let ok = if compile {
                taipan_compiler::compile_source(src, path, &compile_opts).is_ok()
            } else {
                taipan_parser::parse_bytes(src, &opts).is_ok()
            };
            failures += usize::from(!ok);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("{best:.6}");
    if failures > 0 {
        eprintln!("taipan-dev parse-bench: {failures} of {} files failed", sources.len());
    }
    ExitCode::SUCCESS
}

/// `taipan-dev dis-pyc [-C] [-O] [-P] FILE.pyc`: what `python -m dis [-C] [-O] [-P]` prints for
/// the module the .pyc holds.
fn cmd_dis_pyc(args: &[String]) -> ExitCode {
    let mut opts = taipan_bytecode::dis::Options::default();
    let mut path = None;
    for a in args {
        match a.as_str() {
            "-C" | "--show-caches" => opts.show_caches = true,
            "-O" | "--show-offsets" => opts.show_offsets = true,
            "-P" | "--show-positions" => opts.show_positions = true,
            _ if path.is_none() => path = Some(a.as_str()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let data = match read(path) {
        Ok(d) => d,
        Err(code) => return code,
    };
    match taipan_bytecode::pyc::read(&data) {
        Ok(pyc) => {
            print!("{}", taipan_bytecode::dis::dis_with(&pyc.code, &opts));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("taipan-dev: {path}: {e}");
            ExitCode::from(1)
        }
    }
}
