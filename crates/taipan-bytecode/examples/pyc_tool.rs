//! Round-trip checks on .pyc files written by CPython, driven by
//! `scripts/gen_bytecode_fixtures.py --stdlib --rewrite` / `--selfcheck`.
//!
//!   pyc_tool rewrite IN.pyc OUT.pyc   load IN with Taipan's marshal reader, write OUT with its
//!                                     writer (the script then loads OUT with CPython)
//!   pyc_tool selfcheck FILE.pyc...    for every code object: the location table and exception
//!                                     table re-encode to the same bytes, and marshal
//!                                     write-then-read gives back an equal code object, and
//!                                     the code passes `validate`
//!   pyc_tool bench N FILE.pyc...      loads (and marshals again) every file N times and prints
//!                                     the seconds taken by each

use std::process::ExitCode;
use std::sync::Arc;
use taipan_bytecode::{CodeObject, exception_table, linetable, marshal, pyc};

fn load(path: &str) -> Result<pyc::Pyc, String> {
    let data = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    pyc::read(&data).map_err(|e| format!("{path}: {e}"))
}

fn all_code(code: &Arc<CodeObject>, out: &mut Vec<Arc<CodeObject>>) {
    out.push(code.clone());
    for c in code.nested_code() {
        all_code(c, out);
    }
}

fn selfcheck(path: &str) -> Result<(), String> {
    let p = load(path)?;
    let mut codes = Vec::new();
    all_code(&p.code, &mut codes);
    for co in &codes {
        let name = co.qualname.to_string_lossy();
        let entries = linetable::decode(&co.linetable, co.firstlineno);
        if linetable::encode(&entries, co.firstlineno) != co.linetable {
            return Err(format!("{path}: {name}: location table does not re-encode"));
        }
        let units: usize = entries.iter().map(|e| e.length as usize).sum();
        if units != co.code.len() {
            return Err(format!(
                "{path}: {name}: location table covers {units} of {} units",
                co.code.len()
            ));
        }
        if exception_table::encode(&exception_table::decode(&co.exceptiontable))
            != co.exceptiontable
        {
            return Err(format!("{path}: {name}: exception table does not re-encode"));
        }
    }
    taipan_bytecode::validate::validate_all(&p.code).map_err(|e| format!("{path}: {e}"))?;
    let again = marshal::load_code(&marshal::dump_code(&p.code))
        .map_err(|e| format!("{path}: reload: {e}"))?;
    if *again != *p.code {
        return Err(format!("{path}: marshal round trip changed the code object"));
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("rewrite") if args.len() == 3 => match load(&args[1]) {
            Ok(p) => match std::fs::write(&args[2], pyc::write(&p.code, p.stamp)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}: {e}", args[2]);
                    ExitCode::from(1)
                }
            },
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
        Some("bench") if args.len() > 2 => {
            let n: usize = args[1].parse().unwrap_or(1);
            let datas: Vec<Vec<u8>> =
                args[2..].iter().filter_map(|p| std::fs::read(p).ok()).collect();
            let t = std::time::Instant::now();
            let mut codes = Vec::new();
            for _ in 0..n {
                codes.clear();
                for d in &datas {
                    codes.push(pyc::read(d).expect("loads").code);
                }
            }
            let load = t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            for _ in 0..n {
                for c in &codes {
                    std::hint::black_box(marshal::dump_code(c));
                }
            }
            println!("load {load:.3}s dump {:.3}s", t.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Some("selfcheck") => {
            let mut status = ExitCode::SUCCESS;
            for path in &args[1..] {
                if let Err(e) = selfcheck(path) {
                    println!("{e}");
                    status = ExitCode::from(1);
                }
            }
            status
        }
        _ => {
            eprintln!("usage: pyc_tool rewrite IN.pyc OUT.pyc | pyc_tool selfcheck FILE.pyc...");
            ExitCode::from(2)
        }
    }
}
