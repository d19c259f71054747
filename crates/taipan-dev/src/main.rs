//! `taipan-dev`: developer views of each pipeline stage.
//!
//!   taipan-dev ast [-m MODE] [--no-type-comments] [-i INDENT] FILE
//!       prints what `python -m ast -a FILE` prints under CPython 3.14; a syntax error is reported
//!       on stderr as `python FILE` reports it, with exit status 1.
//!   taipan-dev tokens FILE
//!       prints what `python -m tokenize FILE` prints.

use std::process::ExitCode;
use taipan_parser::ast::{DumpOptions, dump};
use taipan_parser::{Mode, ParseOptions, SyntaxError};

const USAGE: &str = "usage: taipan-dev ast [-m exec|eval|single|func_type] [--no-type-comments] [-i INDENT] FILE\n       taipan-dev tokens FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ast") => cmd_ast(&args[1..]),
        Some("tokens") => cmd_tokens(&args[1..]),
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

fn report(err: &SyntaxError, path: &str) -> ExitCode {
    let name = if path == "-" { "<stdin>" } else { path };
    eprint!("{}", err.report(name));
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
        Err(e) => report(&e, &path),
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
    match taipan_parser::tokenizer::tokenize_listing(&source) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => report(&e, path),
    }
}
