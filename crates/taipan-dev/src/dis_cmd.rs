//! `taipan-dev dis FILE`: compile FILE with Taipan's compiler and print what `python -m dis
//! FILE` prints (the module code object and every nested one).

use std::process::ExitCode;
use taipan_compiler::{CompileError, CompileOptions, compile_source};

pub fn cmd_dis(args: &[String], usage: &str) -> ExitCode {
    let [path] = args else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("taipan-dev: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    match compile_source(&data, path, &CompileOptions::default()) {
        Ok(code) => {
            print!("{}", taipan_bytecode::dis::dis(&code));
            ExitCode::SUCCESS
        }
        Err(CompileError::Syntax(mut e)) => {
            if let Ok(text) = taipan_parser::tokenizer::decode_source(&data) {
                e.fill_text_from(&text);
            }
            eprint!("{}", e.report(path));
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{}", e.summary());
            ExitCode::from(1)
        }
    }
}
