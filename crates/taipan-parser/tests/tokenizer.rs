//! The tokenizer against the oracle's expectations (regenerate with
//! `scripts/regen-expected.sh tokenizer stdlib-tokens`):
//! - `tests/tokenizer/NAME.py`: `tokenize_listing` must print what `python -m tokenize` prints
//!   (or its error line);
//! - `tests/tokenizer/errors/NAME.py`: the parser-mode tokenizer (after `decode_source`) must
//!   raise the SyntaxError `ast.parse` raises for the file's bytes (or none: `OK`);
//! - `tests/tokenizer/stdlib_tokens.fnv`: the listing of every stdlib file (when `.stdlib/Lib`
//!   has been fetched) must hash as the oracle's does.

use std::fs;
use std::path::{Path, PathBuf};
use taipan_parser::tokenizer::{
    TokenizerOptions, decode_source, listing_error_line, tokenize_all,
    tokenize_listing_with_warnings,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

/// stdout then stderr of `python -m tokenize NAME`.
fn listing(source: &[u8], name: &str) -> String {
    let (r, warnings) = tokenize_listing_with_warnings(source);
    let (stdout, error) = match r {
        Ok(s) => (s, String::new()),
        Err(e) => (String::new(), listing_error_line(&e, name) + "\n"),
    };
    // Every warning is shown (the tokenizer warns without a registry); the error line comes last.
    let mut stderr = String::new();
    for w in warnings {
        stderr.push_str(&format!("<string>:{}: SyntaxWarning: {}\n", w.lineno, w.msg));
    }
    stdout + &stderr + &error
}

/// `SyntaxError.summary` (CPython's `None` positions print as `None`).
fn summary(e: &taipan_parser::SyntaxError) -> String {
    e.summary()
}

fn parser_mode(source: &[u8]) -> String {
    let text = match decode_source(source) {
        Ok(t) => t,
        Err(e) => return summary(&e) + "\n",
    };
    match tokenize_all(&text, TokenizerOptions::default()).2 {
        Some(e) => summary(&e) + "\n",
        None => "OK\n".into(),
    }
}

/// A short line diff: the first differing lines.
fn diff(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..e.len().max(g.len()) {
        let (a, b) = (e.get(i).copied().unwrap_or("<none>"), g.get(i).copied().unwrap_or("<none>"));
        if a != b {
            out.push_str(&format!(
                "    line {}:\n      expected: {a}\n      got:      {b}\n",
                i + 1
            ));
            if out.len() > 2000 {
                break;
            }
        }
    }
    out
}

fn run_corpus(dir: &Path, f: impl Fn(&[u8], &str) -> String) {
    let (mut passed, mut failed) = (0, 0);
    let mut report = String::new();
    for path in py_files(dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = fs::read(&path).unwrap();
        let expected = fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let got = f(&source, &name);
        if got == expected {
            passed += 1;
        } else {
            failed += 1;
            report.push_str(&format!("FAIL {}\n{}", path.display(), diff(&expected, &got)));
        }
    }
    eprint!("{report}");
    println!("{passed} passed, {failed} failed");
    assert_eq!(failed, 0, "{} of {} files differ", failed, passed + failed);
}

#[test]
fn listing_corpus() {
    run_corpus(&root().join("tests/tokenizer"), listing);
}

#[test]
fn parser_mode_errors() {
    run_corpus(&root().join("tests/tokenizer/errors"), |s, _| parser_mode(s));
}

fn fnv1a64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h
}

#[test]
fn stdlib_listings() {
    let lib = std::env::var("TAIPAN_STDLIB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join(".stdlib/Lib"));
    if !lib.join("os.py").is_file() {
        println!("stdlib not fetched (scripts/fetch-stdlib.sh): skipped");
        return;
    }
    let expected = fs::read_to_string(root().join("tests/tokenizer/stdlib_tokens.fnv")).unwrap();
    let (mut passed, mut failed) = (0, 0);
    for line in expected.lines() {
        let (hash, rel) = line.split_once("  ").unwrap();
        let path = lib.join(rel);
        let source = fs::read(&path).unwrap();
        let got = listing(&source, &path.to_string_lossy());
        if format!("{:016x}", fnv1a64(got.as_bytes())) == hash {
            passed += 1;
        } else {
            failed += 1;
            eprintln!(
                "FAIL {rel}: differs from `python -m tokenize` (compare with taipan-dev tokens)"
            );
        }
    }
    println!("{passed} passed, {failed} failed");
    assert_eq!(failed, 0);
}

/// Random soups of Python fragments: tokenizing (both modes) and decoding literals never panic
/// and always end.
#[test]
fn random_soups_terminate() {
    use taipan_parser::tokenizer::{
        TokenKind, Tokenizer, decode_fstring_middle, decode_string_literal, parse_number,
    };
    #[rustfmt::skip]
    const FRAGMENTS: &[&str] = &[
        "f'", "f\"", "f'''", "t\"", "rf'", "{", "}", "(", ")", "[", "]", "'", "\"", "'''", "\\",
        "\n", "\t", " ", "#", "# c\n", "0x1", "0o7", "1_0", "1e5", "1j", "1.", ".5", "!r", "!",
        "=", ":", ">10", "{x}", "{{", "}}", "\\N{BULLET}", "\\N{", "\\x4", "\\{", "x", "é", "€",
        "if x:\n    ", "\\\n", "\x0c", "\r\n", "\r", "b'", "u'", "...", "<>", "$", "\0", "\x01",
        "# type: ignore", "\n  ", "\n\t",
    ];
    let mut seed: u64 =
        std::env::var("SOUP_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9e3779b97f4a7c15);
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..std::env::var("SOUPS").ok().and_then(|v| v.parse().ok()).unwrap_or(4000) {
        let n = (next() % 40) as usize;
        let src: String =
            (0..n).map(|_| FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize]).collect();
        let _ = tokenize_listing_with_warnings(src.as_bytes());
        let Ok(text) = decode_source(src.as_bytes()) else { continue };
        for type_comments in [false, true] {
            let mut t =
                Tokenizer::new(&text, TokenizerOptions { type_comments, extra_tokens: false });
            let mut warnings = Vec::new();
            for _ in 0..100_000 {
                let Ok(tok) = t.next_token() else { break };
                let s = tok.text(&text);
                match tok.kind {
                    TokenKind::Endmarker => break,
                    TokenKind::Number => drop(parse_number(s)),
                    TokenKind::String => {
                        drop(decode_string_literal(s, tok.lineno, tok.col_offset, &mut warnings))
                    }
                    TokenKind::FstringMiddle | TokenKind::TstringMiddle => drop(
                        decode_fstring_middle(s, false, tok.lineno, tok.col_offset, &mut warnings),
                    ),
                    _ => {}
                }
            }
            assert!(
                t.next_token().is_err() || t.next_token().unwrap().kind == TokenKind::Endmarker
            );
        }
    }
}
