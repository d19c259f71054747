//! Shared helpers for the parser's integration tests: where the repository's test data lies, and
//! a tally that prints CPython-style expected/actual diffs and the closing `N passed, M failed`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

/// The `.py` files directly in `dir`, sorted.
pub fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    out.sort();
    out
}

/// The CPython 3.14 `Lib` folder: `$TAIPAN_STDLIB`, else `.stdlib/Lib` (made by
/// `scripts/fetch-stdlib.sh`, which `.ci/run` calls first).
pub fn stdlib_dir() -> PathBuf {
    if let Ok(p) = std::env::var("TAIPAN_STDLIB") {
        return PathBuf::from(p);
    }
    let p = repo_root().join(".stdlib/Lib");
    assert!(
        p.join("os.py").is_file(),
        "CPython's Lib is missing: run scripts/fetch-stdlib.sh (or set TAIPAN_STDLIB)"
    );
    p
}

/// Counts outcomes and keeps the first few failures' details.
#[derive(Default)]
pub struct Tally {
    pub passed: usize,
    pub failed: Vec<String>,
    details: Vec<String>,
}

impl Tally {
    pub fn pass(&mut self) {
        self.passed += 1;
    }

    pub fn fail(&mut self, name: &str, expected: &str, actual: &str) {
        self.failed.push(name.to_string());
        if self.details.len() < 10 {
            self.details.push(format!("--- {name}\n{}", first_difference(expected, actual)));
        }
    }

    /// Prints the summary and panics if anything failed.
    pub fn finish(self, what: &str) {
        for d in &self.details {
            eprintln!("{d}");
        }
        if !self.failed.is_empty() {
            eprintln!("{what}: failing: {}", self.failed.join(" "));
        }
        println!("{what}: {} passed, {} failed", self.passed, self.failed.len());
        assert!(self.failed.is_empty(), "{what}: {} failed", self.failed.len());
    }
}

/// The first differing line of two texts, with a little context.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let i = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let ctx = i.saturating_sub(3);
    let mut out = String::new();
    for l in &e[ctx..i] {
        out.push_str(&format!("  {l}\n"));
    }
    for l in e.iter().skip(i).take(3) {
        out.push_str(&format!("- {l}\n"));
    }
    for l in a.iter().skip(i).take(3) {
        out.push_str(&format!("+ {l}\n"));
    }
    out
}
