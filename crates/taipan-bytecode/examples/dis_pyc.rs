//! `cargo run -p taipan-bytecode --example dis_pyc FILE.pyc...`: the disassembly of each .pyc's
//! module code object, as `taipan-dev dis-pyc` prints it (this one builds without the parser).
//! With several files, each listing goes to FILE.pyc.dis beside the file instead of stdout.

use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut status = ExitCode::SUCCESS;
    for path in &paths {
        let text = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|d| taipan_bytecode::pyc::read(&d).map_err(|e| e.to_string()))
            .map(|pyc| taipan_bytecode::dis::dis(&pyc.code));
        match text {
            Ok(t) if paths.len() == 1 => print!("{t}"),
            Ok(t) => {
                if let Err(e) = std::fs::write(format!("{path}.dis"), t) {
                    eprintln!("{path}: {e}");
                    status = ExitCode::from(1);
                }
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::from(1);
            }
        }
    }
    status
}
