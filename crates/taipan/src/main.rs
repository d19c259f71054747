//! The `taipan` command. Until the VM lands it checks a program's syntax exactly as CPython does
//! (same report, exit status 1) and then says that running it is not available yet.

use std::process::ExitCode;
use taipan_parser::{ParseOptions, parse_bytes};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: taipan FILE");
        return ExitCode::from(2);
    };
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "taipan: can't open file '{path}': [Errno {}] {e}",
                e.raw_os_error().unwrap_or(0)
            );
            return ExitCode::from(2);
        }
    };
    if let Err(e) = parse_bytes(&source, &ParseOptions::default()) {
        eprint!("{}", e.report(path));
        return ExitCode::from(1);
    }
    eprintln!(
        "taipan: {path}: syntax is valid; running programs needs the VM, which is not built yet"
    );
    ExitCode::from(2)
}
