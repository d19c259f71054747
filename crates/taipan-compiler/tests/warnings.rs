//! Compile-time `SyntaxWarning`s against CPython 3.14's: each `tests/compiler/warnings/NAME.py`
//! with what `compile()` warns (category, message, line; every warning, in order) and then `ok`
//! or its error, in `NAME.out` (`scripts/regen-expected.sh warnings`).

use std::path::{Path, PathBuf};
use taipan_compiler::{CompileError, CompileOptions, compile_source_with_warnings};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

trait PyInt {
    fn py(&self) -> String;
}

impl PyInt for i32 {
    fn py(&self) -> String {
        self.to_string()
    }
}

impl PyInt for Option<i32> {
    fn py(&self) -> String {
        self.map_or_else(|| "None".to_string(), |v| v.to_string())
    }
}

fn warnings_text(source: &[u8], name: &str) -> String {
    let (result, warnings) = compile_source_with_warnings(source, name, &CompileOptions::default());
    let mut out: String =
        warnings.iter().map(|w| format!("SyntaxWarning: {} ({})\n", w.msg, w.lineno)).collect();
    out.push_str(&match result {
        Ok(_) => "ok\n".to_string(),
        Err(CompileError::Syntax(e)) => format!(
            "{}: {} ({}, {}, {}, {})\n",
            e.kind.name(),
            e.msg,
            e.lineno.py(),
            e.offset.py(),
            e.end_lineno.py(),
            e.end_offset.py()
        ),
        Err(e) => e.summary() + "\n",
    });
    out
}

#[test]
fn compile_warnings() {
    let dir = repo_root().join("tests/compiler/warnings");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut failed = Vec::new();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let actual = warnings_text(&std::fs::read(path).unwrap(), &file);
        if actual != expected {
            eprintln!("--- {file}\n  expected {expected:?}\n  actual   {actual:?}");
            failed.push(file);
        }
    }
    println!("compile warnings: {} passed, {} failed", files.len() - failed.len(), failed.len());
    assert!(failed.is_empty(), "failing: {failed:?}");
}
