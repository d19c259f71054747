//! Random and mutated inputs for the tokenizer and parser: whatever the input, parsing returns
//! (a tree or a SyntaxError): no panic, no stack overflow, no hang. Each property runs on a
//! 2 MiB thread under a deadline, so a hang fails the test instead of stalling CI.

mod support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::mpsc;
use std::time::Duration;
use taipan_parser::tokenizer::{Tokenizer, TokenizerOptions};
use taipan_parser::{Mode, ParseOptions, parse_bytes, parse_str};

/// Runs `f` on a 2 MiB thread and fails if it does not finish within `secs`.
fn with_deadline(secs: u64, f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            f();
            let _ = tx.send(());
        })
        .unwrap();
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(()) => handle.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The thread died: surface its panic.
            if let Err(e) = handle.join() {
                std::panic::resume_unwind(e);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("parsing took more than {secs}s: a hang"),
    }
}

fn parse_all_modes(source: &[u8]) {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single, Mode::FuncType] {
        for type_comments in [false, true] {
            let opts = ParseOptions { mode, type_comments, feature_version: None };
            let _ = parse_bytes(source, &opts);
        }
    }
    if let Ok(text) = std::str::from_utf8(source) {
        let mut tok =
            Tokenizer::new(text, TokenizerOptions { type_comments: true, extra_tokens: true });
        for _ in 0..text.len() + 64 {
            match tok.next_token() {
                Ok(t) if t.kind == taipan_parser::tokenizer::TokenKind::Endmarker => break,
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }
}

const PIECES: &[&str] = &[
    "x",
    "y",
    "_",
    "match",
    "case",
    "type",
    "def",
    "class",
    "lambda",
    "if",
    "else",
    "elif",
    "for",
    "in",
    "while",
    "try",
    "except",
    "except*",
    "finally",
    "with",
    "as",
    "async",
    "await",
    "yield",
    "return",
    "import",
    "from",
    "global",
    "nonlocal",
    "del",
    "pass",
    "not",
    "and",
    "or",
    "is",
    "None",
    "True",
    "False",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "=",
    "==",
    ":=",
    "->",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "@",
    "|",
    "&",
    "^",
    "~",
    "<",
    ">",
    "<<",
    "!",
    "!=",
    "%",
    "+=",
    "1",
    "0x1f",
    "1.5e3",
    "2j",
    "0o7",
    "'s'",
    "\"d\"",
    "'''t'''",
    "b'b'",
    "r'\\d'",
    "f'",
    "f\"{",
    "t'",
    "'{x}'",
    "'{x!r:>{w}}'",
    "}",
    "{{",
    "\\",
    "#c",
    "# type: int",
    "\n",
    "\n",
    "\n",
    "    ",
    "\t",
    " ",
    " ",
    "é",
    "\u{a0}",
    "€",
    "\r\n",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

#[test]
fn random_bytes_never_crash() {
    with_deadline(300, || {
        let mut runner = TestRunner::new(Config { cases: 1500, ..Config::default() });
        runner
            .run(&prop::collection::vec(any::<u8>(), 0..200), |bytes| {
                parse_all_modes(&bytes);
                Ok(())
            })
            .unwrap();
    });
}

#[test]
fn token_soup_never_crashes() {
    with_deadline(300, || {
        let mut runner = TestRunner::new(Config { cases: 3000, ..Config::default() });
        runner
            .run(&token_soup(), |src| {
                parse_all_modes(src.as_bytes());
                Ok(())
            })
            .unwrap();
    });
}

/// Stdlib files with random edits: deleted, duplicated or swapped byte ranges.
#[test]
fn mutated_stdlib_never_crashes() {
    let lib = support::stdlib_dir();
    let names = ["ast.py", "dataclasses.py", "typing.py", "string/templatelib.py", "enum.py"];
    let sources: Vec<Vec<u8>> =
        names.iter().filter_map(|n| std::fs::read(lib.join(n)).ok()).collect();
    assert!(!sources.is_empty());
    with_deadline(300, move || {
        let mut runner = TestRunner::new(Config { cases: 300, ..Config::default() });
        let strategy = (0..sources.len(), any::<u32>(), any::<u32>(), 0u8..4, any::<u8>());
        runner
            .run(&strategy, |(i, a, b, op, byte)| {
                let src = &sources[i];
                // Keep each case small: a window of the file around the edit.
                let start = a as usize % src.len();
                let window = &src[start..(start + 3000).min(src.len())];
                let mut v = window.to_vec();
                let p = b as usize % (v.len() + 1);
                match op {
                    0 => {
                        let q = (p + (byte as usize)).min(v.len());
                        v.drain(p..q);
                    }
                    1 => {
                        let q = (p + (byte as usize)).min(v.len());
                        let dup = v[p..q].to_vec();
                        v.splice(p..p, dup);
                    }
                    2 => v.insert(p, byte),
                    _ => {
                        if p < v.len() {
                            v[p] = byte;
                        }
                    }
                }
                parse_all_modes(&v);
                Ok(())
            })
            .unwrap();
    });
}

/// Pathologically deep inputs end in a SyntaxError (or a tree), never a stack overflow.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    with_deadline(120, || {
        let n = 100_000;
        let cases: Vec<String> = vec![
            "(".repeat(n),
            format!("{}1{}", "(".repeat(n), ")".repeat(n)),
            format!("{}1{}", "[".repeat(300), "]".repeat(300)),
            format!("x = {}1", "-".repeat(n)),
            format!("x = {}1", "not ".repeat(n)),
            format!("x = {}1", "~+".repeat(n)),
            format!("x = {}1", "lambda: ".repeat(n)),
            format!("x = {}", "a.".repeat(n) + "b"),
            format!("x = a{}", "()".repeat(n)),
            format!("x = a{}", "[0]".repeat(n)),
            format!("x = {}", vec!["1"; n].join(" + ")),
            format!("x = {}", vec!["1"; n].join(" ** ")),
            format!("x = {}", vec!["a"; n].join(" if b else ")),
            format!("x = {}", vec!["a"; n].join(" < ")),
            format!("x = {}", "await ".repeat(n) + "y"),
            format!("x = {}1", "*".repeat(n)),
            "f'{".repeat(200) + &"}'".repeat(200),
            format!("x = {}", "f'{".repeat(50) + "1" + &"}'".repeat(50)),
            "if x:\n".to_string()
                + &(1..200).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>(),
            "@d\n".repeat(n) + "def f(): pass\n",
            format!("match x:\n case {}1{}: pass\n", "[".repeat(150), "]".repeat(150)),
            format!("match x:\n case {}: pass\n", vec!["1"; 20000].join(" | ")),
            format!(
                "def f({}): pass",
                (0..20000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(", ")
            ),
        ];
        for src in cases {
            let _ = parse_str(&src, &ParseOptions::default());
        }
    });
}
