//! The parser against CPython 3.14 on the hand-written corpora under `tests/parser/`:
//! - `ast/NAME.py`: the `ast.dump` text must equal `NAME.out` (the oracle's `python -m ast -a`);
//! - `errors/NAME.py`: the SyntaxError (class, message, lineno, offset, end_lineno, end_offset)
//!   must equal `NAME.out`, or `OK` where CPython accepts the program.
//! Expected outputs come from `scripts/regen-expected.sh`.

mod support;

use support::{Tally, py_files, repo_root};
use taipan_parser::ast::{DumpOptions, dump};
use taipan_parser::{ParseOptions, parse_bytes};

fn run_folder(folder: &str, opts: ParseOptions, render: fn(Result<String, String>) -> String) {
    let dir = repo_root().join("tests/parser").join(folder);
    let mut tally = Tally::default();
    for path in py_files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected_path = path.with_extension("out");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            tally.fail(&name, "(an .out file)", "(none: run scripts/regen-expected.sh)");
            continue;
        };
        let source = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| {
            parse_bytes(&source, &opts)
                .map(|tree| dump(&tree, DumpOptions::default()) + "\n")
                .map_err(|e| e.summary())
        });
        let actual = match result {
            Ok(r) => render(r),
            Err(_) => "PANIC\n".to_string(),
        };
        if actual == expected {
            tally.pass();
        } else {
            tally.fail(&name, &expected, &actual);
        }
    }
    tally.finish(&format!("tests/parser/{folder}"));
}

#[test]
fn ast_corpus() {
    let opts = ParseOptions { type_comments: true, ..ParseOptions::default() };
    run_folder("ast", opts, |r| match r {
        Ok(text) => text,
        Err(e) => format!("ERROR {e}\n"),
    });
}

#[test]
fn syntax_error_corpus() {
    run_folder("errors", ParseOptions::default(), |r| match r {
        Ok(_) => "OK\n".into(),
        Err(e) => format!("{e}\n"),
    });
}
