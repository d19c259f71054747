//! The report `python FILE` prints for a `SyntaxError` (`SyntaxError::report` and
//! `report_with_typos`), checked against the oracle's stderr for the programs in
//! `tests/parser/report/`. The errors are built from each program's `.out` numbers (CPython's
//! own), not by the parser, so this tests only the formatting and the keyword-typo search; the
//! typo search's compile check answers from the `.typo` file (what `codeop` accepted in the
//! oracle).

use std::fs;
use std::path::{Path, PathBuf};

use taipan_parser::errors::{SyntaxError, SyntaxErrorKind, TypoContext, source_line};

fn report_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/parser/report")
}

/// Parses `KIND: MSG (lineno, offset, end_lineno, end_offset)`.
fn parse_out(line: &str) -> Option<(SyntaxErrorKind, String, [i32; 4])> {
    let line = line.trim_end_matches('\n');
    let (kind, rest) = line.split_once(": ")?;
    let kind = match kind {
        "SyntaxError" => SyntaxErrorKind::SyntaxError,
        "IndentationError" => SyntaxErrorKind::IndentationError,
        "TabError" => SyntaxErrorKind::TabError,
        _ => return None,
    };
    let open = rest.rfind(" (")?;
    let msg = rest[..open].to_string();
    let nums: Vec<i32> = rest[open + 2..]
        .trim_end_matches(')')
        .split(", ")
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    Some((kind, msg, nums.try_into().ok()?))
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Universal newlines, as Python reads a file in text mode.
fn text_mode(source: &str) -> String {
    source.replace("\r\n", "\n").replace('\r', "\n")
}

#[test]
fn reports_match_the_oracle() {
    let dir = report_dir();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("tests/parser/report")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} report cases", names.len());
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in &names {
        let read = |ext: &str| fs::read_to_string(dir.join(format!("{name}.{ext}")));
        let out = read("out").expect("NAME.out");
        let Some((kind, msg, [lineno, offset, end_lineno, end_offset])) = parse_out(&out) else {
            continue; // `OK`, or numbers CPython leaves as None
        };
        let expected = read("stderr").expect("NAME.stderr");
        let bytes = fs::read(dir.join(format!("{name}.py"))).unwrap();
        let utf8 = std::str::from_utf8(&bytes).is_ok();
        let source = text_mode(&String::from_utf8_lossy(&bytes));
        let text = source_line(&source, lineno.max(1) as u32).map(str::to_string);
        let err = SyntaxError {
            kind,
            msg,
            lineno: Some(lineno),
            offset: Some(offset),
            end_lineno: Some(end_lineno),
            end_offset: Some(end_offset),
            text,
        };
        let filename = format!("{name}.py");
        let got = match read("typo") {
            Ok(typo) => {
                let mut last_stmt_lineno = 0;
                let mut accepted = Vec::new();
                for line in typo.lines() {
                    if let Some(n) = line.strip_prefix("line ") {
                        last_stmt_lineno = n.parse().unwrap();
                    } else if let Some(code) = line.strip_prefix("accept ") {
                        accepted.push(unescape(code));
                    }
                }
                let accepts = |code: &str| accepted.iter().any(|a| a == code);
                // A file that is not UTF-8 cannot be read back: traceback searches the error's
                // line alone (here: the line preceded by blank lines), every name of it.
                let padded;
                let ctx = if utf8 {
                    TypoContext {
                        source: &source,
                        last_stmt_lineno,
                        from_file: true,
                        accepts: &accepts,
                    }
                } else {
                    padded =
                        "\n".repeat(lineno.max(1) as usize - 1) + err.text.as_deref().unwrap_or("");
                    TypoContext {
                        source: &padded,
                        last_stmt_lineno: lineno.max(1),
                        from_file: false,
                        accepts: &accepts,
                    }
                };
                err.report_with_typos(&filename, &ctx)
            }
            Err(_) => err.report(&filename),
        };
        checked += 1;
        if got != expected {
            failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(checked >= 30, "only {checked} reports checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} reports differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
