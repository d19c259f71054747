//! Compile-time `SyntaxWarning`s against CPython 3.14's: each `tests/compiler/warnings/NAME.py`
//! with what `compile()` warns (category, message, line; every warning, in order) and then `ok`
//! or its error, in `NAME.out` (`scripts/regen-expected.sh warnings`).

mod support;
use support::{py_files, repo_root};

use taipan_compiler::{CompileOptions, compile_source_with_warnings};

fn warnings_text(source: &[u8], name: &str) -> String {
    let (result, warnings) = compile_source_with_warnings(source, name, &CompileOptions::default());
    let mut out: String =
        warnings.iter().map(|w| format!("SyntaxWarning: {} ({})\n", w.msg, w.lineno)).collect();
    out.push_str(&match result {
        Ok(_) => "ok\n".to_string(),
        Err(e) => e.summary() + "\n",
    });
    out
}

#[test]
fn compile_warnings() {
    let dir = repo_root().join("tests/compiler/warnings");
    let files = py_files(&dir);
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
