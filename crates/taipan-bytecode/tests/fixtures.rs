//! The oracle fixtures under `tests/bytecode/` (made by `scripts/gen_bytecode_fixtures.py`): for
//! each NAME.pyc, written by CPython 3.14, Taipan's disassembly must equal NAME.dis (what
//! `python -m dis NAME.py` prints), `co_lines()` / `co_positions()` of every code object must
//! equal NAME.lines, and the location table, exception table and marshal data must survive a
//! decode/encode round trip.

use std::path::PathBuf;
use std::sync::Arc;
use taipan_bytecode::linetable::Positions;
use taipan_bytecode::{CodeObject, dis, exception_table, linetable, marshal, pyc};

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/bytecode")
}

fn fixtures() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .expect("tests/bytecode exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pyc"))
        .collect();
    out.sort();
    assert!(out.len() >= 25, "expected the committed fixtures, found {}", out.len());
    out
}

/// What `normalise_dis` of the fixture script does.
fn normalise(text: &str) -> String {
    taipan_bytecode::dis::normalise_listing(text)
}

fn all_code(code: &Arc<CodeObject>, out: &mut Vec<Arc<CodeObject>>) {
    out.push(code.clone());
    for c in code.nested_code() {
        all_code(c, out);
    }
}

fn opt(v: Option<i32>) -> String {
    v.map_or_else(|| "None".into(), |v| v.to_string())
}

fn lines_text(code: &Arc<CodeObject>) -> String {
    let mut codes = Vec::new();
    all_code(code, &mut codes);
    let mut out = String::new();
    for co in codes {
        out.push_str(&format!("code {} {}\n", co.qualname.to_string_lossy(), co.firstlineno));
        let lines: Vec<String> =
            co.lines().iter().map(|r| format!("{}:{}:{}", r.start, r.end, opt(r.line))).collect();
        out.push_str(&format!("lines {}\n", lines.join(" ")));
        let pos: Vec<String> = co
            .positions()
            .iter()
            .map(|p: &Positions| {
                format!("{}:{}:{}:{}", opt(p.line), opt(p.end_line), opt(p.col), opt(p.end_col))
            })
            .collect();
        out.push_str(&format!("positions {}\n", pos.join(" ")));
    }
    out
}

fn read_text(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check_dis(ext: &str, opts: &dis::Options) {
    let mut failures = Vec::new();
    for path in fixtures() {
        let p = pyc::read(&std::fs::read(&path).unwrap()).expect("CPython's pyc loads");
        let got = normalise(&dis::dis_with(&p.code, opts));
        let want = read_text(&path.with_extension(ext));
        if got != want {
            let line = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
            failures.push(format!(
                "{} ({ext}): first difference at line {}:\n  want {:?}\n  got  {:?}",
                path.display(),
                line + 1,
                want.lines().nth(line),
                got.lines().nth(line)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn disassembly_matches_the_oracle() {
    check_dis("dis", &dis::Options::default());
}

#[test]
fn disassembly_with_caches_offsets_positions_matches_the_oracle() {
    let opts = dis::Options { show_caches: true, show_offsets: true, show_positions: true };
    check_dis("cop.dis", &opts);
}

#[test]
fn code_info_matches_the_oracle() {
    let path = fixture_dir().join("functions.pyc");
    let p = pyc::read(&std::fs::read(&path).unwrap()).unwrap();
    let decorated = p.code.nested_code().find(|c| c.name.as_str() == Some("decorated")).unwrap();
    // dis.code_info(...) of that function under CPython 3.14.
    let want = "Name:              decorated\nFilename:          functions.py\nArgument count:    2\n\
                Positional-only arguments: 1\nKw-only arguments: 1\nNumber of locals:  5\n\
                Stack size:        5\nFlags:             OPTIMIZED, NEWLOCALS, VARARGS, VARKEYWORDS, HAS_DOCSTRING\n\
                Constants:\n   0: 'docstring'\nVariable names:\n   0: a\n   1: b\n   2: c\n   3: args\n   4: kw";
    assert_eq!(dis::code_info(decorated), want);
}

fn py_opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "None".into(), |v| v.to_string())
}

#[test]
fn instructions_match_the_oracle() {
    for path in fixtures() {
        let p = pyc::read(&std::fs::read(&path).unwrap()).unwrap();
        let mut codes = Vec::new();
        all_code(&p.code, &mut codes);
        let mut got = String::new();
        for co in &codes {
            got.push_str(&format!("code {}\n", co.qualname.to_string_lossy()));
            for i in dis::get_instructions(co) {
                got.push_str(&format!(
                    "{} {} {} {} {} {} {} {} {}\n",
                    i.offset,
                    i.start_offset,
                    i.opname,
                    py_opt(i.arg),
                    taipan_common::repr::repr_str(&i.argrepr),
                    if i.starts_line { "True" } else { "False" },
                    py_opt(i.line_number),
                    py_opt(i.label),
                    py_opt(i.jump_target),
                ));
            }
        }
        let got = normalise(&got);
        let want = read_text(&path.with_extension("instrs"));
        for (n, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "{} line {}", path.display(), n + 1);
        }
        assert_eq!(got.lines().count(), want.lines().count(), "{}", path.display());
    }
}

#[test]
fn lines_and_positions_match_the_oracle() {
    for path in fixtures() {
        let p = pyc::read(&std::fs::read(&path).unwrap()).unwrap();
        let want = read_text(&path.with_extension("lines"));
        let got = lines_text(&p.code);
        for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "{} line {}", path.display(), i + 1);
        }
        assert_eq!(got.lines().count(), want.lines().count(), "{}", path.display());
    }
}

#[test]
fn tables_and_marshal_round_trip() {
    for path in fixtures() {
        let data = std::fs::read(&path).unwrap();
        let p = pyc::read(&data).unwrap();
        let mut codes = Vec::new();
        all_code(&p.code, &mut codes);
        for co in &codes {
            let entries = linetable::decode(&co.linetable, co.firstlineno);
            assert_eq!(
                linetable::encode(&entries, co.firstlineno),
                co.linetable,
                "{}",
                path.display()
            );
            let units: usize = entries.iter().map(|e| e.length as usize).sum();
            assert_eq!(units, co.code.len());
            let ex = exception_table::decode(&co.exceptiontable);
            assert_eq!(exception_table::encode(&ex), co.exceptiontable);
        }
        let source = std::fs::read(path.with_extension("py")).unwrap();
        let stamp = pyc::Stamp::Hash { hash: pyc::source_hash(&source), check_source: false };
        assert_eq!(p.stamp, stamp, "{}", path.display());
        taipan_bytecode::validate::validate_all(&p.code).expect("CPython's code is valid");
        let written = pyc::write(&p.code, p.stamp);
        assert_eq!(written[..16], data[..16], "header");
        let again = pyc::read(&written).expect("our pyc loads");
        assert_eq!(*again.code, *p.code, "{}", path.display());
        assert_eq!(dis::dis(&again.code).len(), dis::dis(&p.code).len());
        // Writing is deterministic.
        assert_eq!(marshal::dump_code(&again.code), marshal::dump_code(&p.code));
    }
}
