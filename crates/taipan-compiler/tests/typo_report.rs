//! The keyword-typo search end to end, with nothing recorded standing in for Taipan: each program
//! in `tests/parser/report/` is parsed as `python FILE` parses it, and the report built by
//! `codeop::file_report` (parser's last-statement line, `codeop::accepts` through parser and
//! compiler) must equal the oracle's stderr. The `.typo` files (written by
//! `scripts/regen_expected.py parser-report`) also check the pieces one by one: `line N` is the
//! oracle's `SyntaxError._metadata[0]`, and each `accept`/`reject CODE` what its
//! `codeop.compile_command(CODE, symbol="exec")` did.

use std::fs;
use std::path::PathBuf;

use taipan_compiler::codeop;
use taipan_parser::{Mode, ParseOptions};

mod support;

fn report_dir() -> PathBuf {
    support::repo_root().join("tests/parser/report")
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(report_dir())
        .expect("tests/parser/report")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    names
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The full report for every program whose search the oracle ran (a `.typo` file), and for the
/// other programs with an "invalid syntax" error, where a search must not change the report.
#[test]
fn pipeline_matches_the_oracle() {
    let dir = report_dir();
    let opts = ParseOptions { mode: Mode::Exec, ..ParseOptions::default() };
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut suggested = 0;
    for name in names() {
        let has_typo = dir.join(format!("{name}.typo")).exists();
        let source = fs::read(dir.join(format!("{name}.py"))).unwrap();
        let Err(failure) = taipan_parser::parse_file_detailed(&source, &opts) else { continue };
        let mut err = failure.error;
        if !has_typo && !err.msg.contains("invalid syntax") {
            continue;
        }
        if let Ok(text) = taipan_parser::tokenizer::decode_source(&source) {
            err.fill_text_from(&text);
        }
        let expected = fs::read_to_string(dir.join(format!("{name}.stderr"))).unwrap();
        let got = codeop::file_report(&err, &source, &format!("{name}.py"));
        checked += 1;
        if expected.contains("Did you mean '") {
            suggested += 1;
        }
        if got != expected {
            failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(checked >= 50, "only {checked} reports checked");
    assert!(suggested >= 25, "only {suggested} reports with a suggestion");
    assert!(failures.is_empty(), "{} reports differ:\n{}", failures.len(), failures.join("\n"));
}

/// `line N` of each `.typo` file against the parser's `last_stmt_lineno`.
#[test]
fn last_statement_line_matches_metadata() {
    let dir = report_dir();
    let opts = ParseOptions { mode: Mode::Exec, ..ParseOptions::default() };
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in names() {
        let Ok(typo) = fs::read_to_string(dir.join(format!("{name}.typo"))) else { continue };
        let want: i32 =
            typo.lines().next().and_then(|l| l.strip_prefix("line ")).unwrap().parse().unwrap();
        let source = fs::read(dir.join(format!("{name}.py"))).unwrap();
        let got = match taipan_parser::parse_file_detailed(&source, &opts) {
            Err(f) => f.last_stmt_lineno,
            Ok(_) => -1,
        };
        checked += 1;
        if got != want {
            failures.push(format!("{name}: metadata line {want}, got {got}"));
        }
    }
    assert!(checked >= 40, "only {checked} .typo files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every candidate the oracle's search tried, accepted or rejected by `codeop::accepts` alike.
#[test]
fn accepts_matches_compile_command() {
    let dir = report_dir();
    let mut failures = Vec::new();
    let (mut accepted, mut rejected) = (0, 0);
    for name in names() {
        let Ok(typo) = fs::read_to_string(dir.join(format!("{name}.typo"))) else { continue };
        for line in typo.lines() {
            let (want, code) = if let Some(c) = line.strip_prefix("accept ") {
                accepted += 1;
                (true, c)
            } else if let Some(c) = line.strip_prefix("reject ") {
                rejected += 1;
                (false, c)
            } else {
                continue;
            };
            let code = unescape(code);
            if codeop::accepts(&code) != want {
                failures.push(format!(
                    "{name}: {code:?} should be {}",
                    if want { "accepted" } else { "rejected" }
                ));
            }
        }
    }
    assert!(accepted >= 25 && rejected >= 25, "{accepted} accepted, {rejected} rejected");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `tests/compiler/codeop/cases.out`: the oracle's `compile_command` verdict on snippets chosen
/// for incomplete input, compile-stage errors and blank input (`\t` there is a tab).
#[test]
fn accepts_matches_compile_command_cases() {
    let path = support::repo_root().join("tests/compiler/codeop/cases.out");
    let cases = fs::read_to_string(path).expect("tests/compiler/codeop/cases.out");
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in cases.lines() {
        let (want, code) = match line.split_once(' ') {
            Some(("accept", c)) => (true, c),
            Some(("reject", c)) => (false, c),
            _ => panic!("bad line {line:?}"),
        };
        let code = unescape(code);
        checked += 1;
        if codeop::accepts(&code) != want {
            let verdict = if want { "accepted" } else { "rejected" };
            failures.push(format!("{code:?} should be {verdict}"));
        }
    }
    assert!(checked >= 80, "only {checked} cases");
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `tests/compiler/codeop/command_cases.out`: `python -c CODE`'s report, where the source
/// travels with the exception (`codeop::string_report`).
#[test]
fn command_reports_match_the_oracle() {
    let path = support::repo_root().join("tests/compiler/codeop/command_cases.out");
    let text = fs::read_to_string(path).expect("tests/compiler/codeop/command_cases.out");
    let mut failures = Vec::new();
    let mut checked = 0;
    for block in text.split("=== ").filter(|b| !b.is_empty()) {
        let (code, expected) = block.split_once('\n').unwrap();
        let code = unescape(code);
        let err = match taipan_parser::parse_bytes(code.as_bytes(), &ParseOptions::default()) {
            Err(e) => e,
            Ok(_) => panic!("{code:?} parses"),
        };
        let got = codeop::string_report(&err, &code, "<string>");
        checked += 1;
        if got != expected {
            failures.push(format!("{code:?}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(checked >= 15, "only {checked} commands");
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
