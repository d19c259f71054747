//! The command-line cases of `tests/cli/` (see `scripts/regen_cli.py`): each runs the `taipan`
//! binary with the case's arguments, standard input and environment in `tests/cli/data/`, and
//! compares its standard output, standard error and exit status with what CPython 3.14 gave
//! (the interpreter's path written as `{PROGRAM}`, the data folder's as `{DATA}`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli")
}

/// The JSON list of strings in a `.args` file (the cases only use plain strings with `\n`,
/// `\"` and `\\` escapes).
fn parse_args(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.trim().trim_start_matches('[').trim_end_matches(']').chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some(other) => s.push(other),
                    None => break,
                },
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn command_line_cases() {
    let program = env!("CARGO_BIN_EXE_taipan");
    let dir = cases_dir();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cli")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the command-line cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let read = |ext: &str| std::fs::read(case.with_extension(ext)).ok();
        let args = parse_args(&String::from_utf8(read("args").expect("args")).expect("utf-8"));
        let mut cmd = Command::new(program);
        cmd.args(&args).current_dir(dir.join("data"));
        for (k, _) in std::env::vars() {
            if k.starts_with("PYTHON") {
                cmd.env_remove(k);
            }
        }
        if let Some(env) = read("env") {
            for line in String::from_utf8_lossy(&env).lines().filter(|l| !l.is_empty()) {
                let (k, v) = line.split_once('=').expect("KEY=VALUE");
                cmd.env(k, v);
            }
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("taipan runs");
        let input = read("stdin").unwrap_or_default();
        child.stdin.take().expect("stdin").write_all(&input).expect("write stdin");
        let out = child.wait_with_output().expect("taipan finishes");
        let data = dir.join("data").canonicalize().expect("tests/cli/data");
        let norm = |b: &[u8]| {
            String::from_utf8_lossy(b)
                .replace(program, "{PROGRAM}")
                .replace(&*data.to_string_lossy(), "{DATA}")
        };
        let want = |ext: &str| String::from_utf8_lossy(&read(ext).unwrap_or_default()).into_owned();
        let status = out.status.code().map_or("signal".to_string(), |c| c.to_string());
        let name = case.file_stem().expect("name").to_string_lossy().into_owned();
        for (what, got, expected) in [
            ("stdout", norm(&out.stdout), want("stdout")),
            ("stderr", norm(&out.stderr), want("stderr")),
            ("status", format!("{status}\n"), want("status")),
        ] {
            if got != expected {
                failures.push(format!("{name} ({what}):\n--- want\n{expected}\n--- got\n{got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn args_files_parse() {
    assert_eq!(parse_args(r#"["-c", "a\nb \"q\" \\"]"#), vec!["-c", "a\nb \"q\" \\"]);
}
