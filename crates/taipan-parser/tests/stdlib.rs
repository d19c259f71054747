//! Every `.py` file of CPython 3.14's standard library parses, and its `ast.dump` (as
//! `python -m ast -a` prints it) is byte-identical to CPython's: the sha256 of each expected dump
//! is in `tests/parser/stdlib_ast.sha256` (made by `scripts/regen-expected.sh stdlib-ast`).
//! To see how one file differs: `../shared/tools/pydiff --ast .stdlib/Lib/FILE`.

mod support;

use sha2::{Digest, Sha256};
use support::{Tally, repo_root, stdlib_dir};
use taipan_parser::ast::{DumpOptions, dump};
use taipan_parser::{ParseOptions, parse_bytes};

fn dump_hash(source: &[u8]) -> String {
    let opts = ParseOptions { type_comments: true, ..ParseOptions::default() };
    match std::panic::catch_unwind(|| parse_bytes(source, &opts)) {
        Ok(Ok(tree)) => {
            let text = dump(&tree, DumpOptions::default()) + "\n";
            Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
        }
        Ok(Err(e)) => format!("error: {}", e.summary()),
        Err(_) => "panic".into(),
    }
}

#[test]
fn stdlib_ast_is_cpythons() {
    let listing = std::fs::read_to_string(repo_root().join("tests/parser/stdlib_ast.sha256"))
        .expect("tests/parser/stdlib_ast.sha256");
    let lib = stdlib_dir();
    let entries: Vec<(String, String)> = listing
        .lines()
        .map(|l| {
            let (hash, path) = l.split_once("  ").expect("'HASH  PATH' lines");
            (hash.to_string(), path.to_string())
        })
        .collect();
    assert!(entries.len() >= 600, "the stdlib listing names only {} files", entries.len());
    // Two workers on ordinary 2 MiB thread stacks: the parser must not need more.
    let results: Vec<(String, bool, String)> = std::thread::scope(|s| {
        let chunks: Vec<&[(String, String)]> = entries.chunks(entries.len().div_ceil(2)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let lib = &lib;
                std::thread::Builder::new()
                    .stack_size(2 << 20)
                    .spawn_scoped(s, move || {
                        chunk
                            .iter()
                            .map(|(want, rel)| {
                                let got = match std::fs::read(lib.join(rel)) {
                                    Ok(src) => dump_hash(&src),
                                    Err(e) => format!("unreadable: {e}"),
                                };
                                (rel.clone(), &got == want, got)
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap()
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let mut tally = Tally::default();
    for (rel, ok, got) in results {
        if ok {
            tally.pass();
        } else {
            let why = if got.len() == 64 { "dump differs".to_string() } else { got };
            tally.fail(&rel, "the oracle's dump", &why);
        }
    }
    tally.finish("stdlib ast parity");
}
