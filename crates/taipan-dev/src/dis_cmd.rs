//! `taipan-dev dis FILE`: compile FILE with Taipan's compiler and print what `python -m dis
//! FILE` prints (the module code object and every nested one), with the compiler's
//! `SyntaxWarning`s on stderr as Python's default warning filter shows them.

use std::process::ExitCode;
use taipan_compiler::{CompileError, CompileOptions, compile_source_with_warnings};

pub fn cmd_dis(args: &[String], usage: &str) -> ExitCode {
    // `python -m dis`'s display options, and `--optimize 1|2` for `python -O|-OO -m dis`.
    let mut view = taipan_bytecode::dis::Options::default();
    let mut optimize = -1;
    let mut path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-C" | "--show-caches" => view.show_caches = true,
            "-O" | "--show-offsets" => view.show_offsets = true,
            "-P" | "--show-positions" => view.show_positions = true,
            "--optimize" => match it.next().and_then(|v| v.parse().ok()) {
                Some(level @ 0..=2) => optimize = level,
                _ => {
                    eprintln!("{usage}");
                    return ExitCode::from(2);
                }
            },
            _ if path.is_none() => path = Some(a.as_str()),
            _ => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let opts = CompileOptions { optimize, ..CompileOptions::default() };
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("taipan-dev: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let (result, warnings) = compile_source_with_warnings(&data, path, &opts);
    // Each warning as Python's default `showwarning` prints it, with its source line.
    let text = String::from_utf8_lossy(&data);
    let lines: Vec<&str> = text.lines().collect();
    for w in &warnings {
        eprintln!("{path}:{}: SyntaxWarning: {}", w.lineno, w.msg);
        if let Some(line) = usize::try_from(w.lineno - 1).ok().and_then(|i| lines.get(i)) {
            let line = line.trim();
            if !line.is_empty() {
                eprintln!("  {line}");
            }
        }
    }
    match result {
        Ok(code) => {
            print!("{}", taipan_bytecode::dis::dis_with(&code, &view));
            ExitCode::SUCCESS
        }
        Err(CompileError::Syntax(mut e)) => {
            if let Ok(text) = taipan_parser::tokenizer::decode_source(&data) {
                e.fill_text_from(&text);
            }
            eprint!("{}", taipan_compiler::codeop::file_report(&e, &data, path));
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{}", e.summary());
            ExitCode::from(1)
        }
    }
}
