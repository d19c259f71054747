//! Symbol tables against CPython 3.14's (`_symtable.symtable`): the hand-written programs under
//! `tests/compiler/symtable/` (each with the oracle's `.out`), and every stdlib file (sha256 of
//! the oracle's dump in `tests/compiler/stdlib_symtable.sha256`). Expected outputs come from
//! `scripts/regen-expected.sh symtable stdlib-symtable`.

mod support;
use support::{first_difference, py_files, repo_root};

use sha2::{Digest, Sha256};
use std::path::PathBuf;
use taipan_compiler::future::future_features;
use taipan_compiler::symtable;
use taipan_parser::{ParseOptions, parse_bytes};

/// What the oracle prints for a file: the table dump, or the error.
fn dump(source: &[u8]) -> String {
    let tree = match parse_bytes(source, &ParseOptions::default()) {
        Ok(t) => t,
        Err(e) => return e.summary() + "\n",
    };
    let result = future_features(&tree).and_then(|ff| symtable::build(&tree, &ff));
    match result {
        Ok(table) => table.dump(),
        Err(e) => e.summary() + "\n",
    }
}

#[test]
fn symtable_corpus() {
    let dir = repo_root().join("tests/compiler/symtable");
    let files = py_files(&dir);
    let mut failed = Vec::new();
    for path in &files {
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let actual = dump(&std::fs::read(path).unwrap());
        if actual != expected {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            eprintln!("--- {name}\n{}", first_difference(&expected, &actual));
            failed.push(name);
        }
    }
    println!("symtable corpus: {} passed, {} failed", files.len() - failed.len(), failed.len());
    assert!(failed.is_empty(), "failing: {failed:?}");
}

#[test]
fn stdlib_symtables_are_cpythons() {
    let root = repo_root();
    let lib = std::env::var("TAIPAN_STDLIB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join(".stdlib/Lib"));
    assert!(lib.join("os.py").is_file(), "run scripts/fetch-stdlib.sh first");
    let listing =
        std::fs::read_to_string(root.join("tests/compiler/stdlib_symtable.sha256")).unwrap();
    let mut failed = Vec::new();
    let mut total = 0;
    for line in listing.lines() {
        let (want, rel) = line.split_once("  ").unwrap();
        total += 1;
        let text = dump(&std::fs::read(lib.join(rel)).unwrap());
        let got: String =
            Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        if got != want {
            failed.push(rel.to_string());
        }
    }
    println!("stdlib symtables: {} passed, {} failed", total - failed.len(), failed.len());
    assert!(failed.is_empty(), "differ: {}", failed.join(" "));
}
