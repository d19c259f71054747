//! Bytecode against CPython 3.14's, compared through `dis` output: the corpus under
//! `tests/compiler/dis/` (each `NAME.py` with the oracle's `python -m dis NAME.py` in
//! `NAME.out`; programs listed in `KNOWN_FAILURES` may differ, and must be removed from the list
//! once they match), and the whole stdlib (sha256 of the oracle's output per file in
//! `tests/compiler/stdlib_dis.sha256`; the number matching may not drop below
//! `tests/compiler/stdlib_dis.floor`). Outputs are normalised as `pydiff --dis` does: code
//! object addresses dropped, frozenset elements sorted. Every attribute `dis` does not show
//! (stack size, flags, `co_code`, constants, variables, location and exception tables) is
//! compared too, through a text dump of all code objects: `NAME.code` for the corpus and
//! `tests/compiler/stdlib_codeobj.sha256` for the stdlib (same floor rule). Expected outputs
//! come from `scripts/regen-expected.sh dis stdlib-dis codeobj stdlib-codeobj`.

mod support;
use support::{first_difference, known_failures, py_files, repo_root};

use sha2::{Digest, Sha256};
use std::path::PathBuf;
use taipan_bytecode::{CodeObject, Const};
use taipan_compiler::{CompileOptions, compile_source};

/// The listing as the regen script normalises it (addresses, frozenset order).
fn normalise(text: &str) -> String {
    taipan_bytecode::dis::normalise_listing(text)
}

/// How a corpus program is compiled, by its name's prefix (`eval_`, `single_`, `opt1_`,
/// `opt2_`, `toplevelawait_`), as the regen script does.
fn options_for(name: &str) -> CompileOptions {
    let base = name.rsplit('/').next().unwrap_or(name);
    let mode = if base.starts_with("eval_") {
        taipan_parser::Mode::Eval
    } else if base.starts_with("single_") {
        taipan_parser::Mode::Single
    } else {
        taipan_parser::Mode::Exec
    };
    let optimize = if base.starts_with("opt1_") {
        1
    } else if base.starts_with("opt2_") {
        2
    } else {
        -1
    };
    let flags = if base.starts_with("toplevelawait_") {
        taipan_compiler::compile::PYCF_ALLOW_TOP_LEVEL_AWAIT
    } else {
        0
    };
    CompileOptions { mode, optimize, flags }
}

/// What the oracle's regen script writes for a program: the normalised disassembly, or the
/// error.
fn dis_text(source: &[u8], name: &str) -> String {
    let result = std::panic::catch_unwind(|| compile_source(source, name, &options_for(name)));
    match result {
        Ok(Ok(code)) => normalise(&taipan_bytecode::dis::dis(&code)),
        Ok(Err(e)) => e.summary() + "\n",
        Err(_) => "<compiler panicked>\n".into(),
    }
}

fn const_repr(c: &Const) -> String {
    match c {
        Const::Code(code) => format!("<code {}>", code.qualname.to_string_lossy()),
        Const::FrozenSet(items) => {
            let mut parts: Vec<String> = items.iter().map(const_repr).collect();
            parts.sort();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        other => other.repr(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn join_names<'a>(names: impl IntoIterator<Item = &'a taipan_common::PyStr>) -> String {
    names.into_iter().map(|n| n.to_string_lossy()).collect::<Vec<_>>().join(" ")
}

/// The regen script's `code_dump`.
fn code_dump(code: &CodeObject, out: &mut String) {
    use std::fmt::Write;
    let q = code.qualname.to_string_lossy();
    let n = code.name.to_string_lossy();
    writeln!(out, "code {q} ({n}) line {}", code.firstlineno).unwrap();
    writeln!(
        out,
        "  args {}/{}/{} nlocals {} stacksize {} flags {:#x}",
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.nlocals(),
        code.stacksize,
        code.flags
    )
    .unwrap();
    writeln!(out, "  code {}", hex(&code.code_bytes())).unwrap();
    let consts: Vec<String> = code.consts.iter().map(const_repr).collect();
    writeln!(out, "  consts {}", consts.join(", ")).unwrap();
    writeln!(out, "  names {}", join_names(&code.names)).unwrap();
    writeln!(out, "  varnames {}", join_names(code.varnames())).unwrap();
    writeln!(out, "  cellvars {}", join_names(code.cellvars())).unwrap();
    writeln!(out, "  freevars {}", join_names(code.freevars())).unwrap();
    writeln!(out, "  linetable {}", hex(&code.linetable)).unwrap();
    writeln!(out, "  exceptiontable {}", hex(&code.exceptiontable)).unwrap();
    for nested in code.nested_code() {
        code_dump(nested, out);
    }
}

fn codeobj_text(source: &[u8], name: &str) -> String {
    let result = std::panic::catch_unwind(|| compile_source(source, name, &options_for(name)));
    match result {
        Ok(Ok(code)) => {
            let mut out = String::new();
            code_dump(&code, &mut out);
            out
        }
        Ok(Err(e)) => e.summary() + "\n",
        Err(_) => "<compiler panicked>\n".into(),
    }
}

/// A code object with frozenset elements in a fixed order (CPython's follow string hashes),
/// for comparing whole code objects, `co_localspluskinds` included.
fn canonical(mut code: CodeObject) -> CodeObject {
    fn fix(c: &mut Const) {
        match c {
            Const::FrozenSet(items) => {
                items.iter_mut().for_each(fix);
                items.sort_by_key(const_repr);
            }
            Const::Tuple(items) => items.iter_mut().for_each(fix),
            Const::Code(code) => *code = std::sync::Arc::new(canonical((**code).clone())),
            _ => {}
        }
    }
    code.consts.iter_mut().for_each(fix);
    code
}

#[test]
fn dis_corpus() {
    let dir = repo_root().join("tests/compiler/dis");
    let files = py_files(&dir);
    let known = known_failures(&dir);
    let mut failed = Vec::new();
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read(path).unwrap();
        let mut expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let mut actual = dis_text(&source, &file);
        if actual == expected {
            expected = std::fs::read_to_string(path.with_extension("code")).unwrap_or_default();
            actual = codeobj_text(&source, &file);
        }
        if actual == expected
            && let Ok(data) = std::fs::read(path.with_extension("marshal"))
        {
            let theirs =
                taipan_bytecode::marshal::load_code(&data).ok().map(|c| canonical((*c).clone()));
            let ours = compile_source(&source, &file, &options_for(&file)).ok().map(canonical);
            if theirs != ours {
                expected = format!("{theirs:#?}");
                actual = format!("{ours:#?}");
            }
        }
        if actual != expected {
            failed.push(name.clone());
            if !known.contains(&name) {
                eprintln!("--- {file}\n{}", first_difference(&expected, &actual));
                unexpected.push(name);
            }
        } else if known.contains(&name) {
            now_passing.push(name);
        }
    }
    println!("dis corpus: {} passed, {} failed", files.len() - failed.len(), failed.len());
    assert!(unexpected.is_empty(), "failing and not in KNOWN_FAILURES: {unexpected:?}");
    assert!(now_passing.is_empty(), "passing now, remove from KNOWN_FAILURES: {now_passing:?}");
}

#[test]
fn stdlib_dis_matches_cpython() {
    let root = repo_root();
    let lib = std::env::var("TAIPAN_STDLIB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join(".stdlib/Lib"));
    assert!(lib.join("os.py").is_file(), "run scripts/fetch-stdlib.sh first");
    let listing = std::fs::read_to_string(root.join("tests/compiler/stdlib_dis.sha256")).unwrap();
    let floor: usize = std::fs::read_to_string(root.join("tests/compiler/stdlib_dis.floor"))
        .unwrap_or_default()
        .trim()
        .parse()
        .unwrap_or(0);
    let mut same = 0;
    let mut total = 0;
    let mut failing = Vec::new();
    for line in listing.lines() {
        let Some((want, rel)) = line.split_once("  ") else { continue };
        total += 1;
        let text = dis_text(&std::fs::read(lib.join(rel)).unwrap(), rel);
        let got: String =
            Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        if got == want {
            same += 1;
        } else {
            failing.push(rel.to_string());
        }
    }
    println!("stdlib dis: {same} of {total} files identical (floor {floor})");
    if std::env::var("TAIPAN_LIST_FAILING").is_ok() {
        for f in &failing {
            println!("  differs: {f}");
        }
    }
    assert!(same >= floor, "stdlib dis parity dropped: {same} < floor {floor}");
}

#[test]
fn stdlib_code_objects_match_cpython() {
    let root = repo_root();
    let lib = std::env::var("TAIPAN_STDLIB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join(".stdlib/Lib"));
    assert!(lib.join("os.py").is_file(), "run scripts/fetch-stdlib.sh first");
    // TAIPAN_CODEOBJ_SHA (with TAIPAN_STDLIB) points this check at another tree, e.g. CPython's
    // Lib/test, hashed by the regen script's stdlib-codeobj area run on it.
    let listing_path = std::env::var("TAIPAN_CODEOBJ_SHA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("tests/compiler/stdlib_codeobj.sha256"));
    let listing = std::fs::read_to_string(listing_path).unwrap();
    let floor: usize = std::fs::read_to_string(root.join("tests/compiler/stdlib_codeobj.floor"))
        .unwrap_or_default()
        .trim()
        .parse()
        .unwrap_or(0);
    let mut same = 0;
    let mut total = 0;
    for line in listing.lines() {
        let Some((want, rel)) = line.split_once("  ") else { continue };
        total += 1;
        let text = codeobj_text(&std::fs::read(lib.join(rel)).unwrap(), rel);
        let got: String =
            Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        if got == want {
            same += 1;
        } else if std::env::var("TAIPAN_LIST_FAILING").is_ok() {
            println!("  differs: {rel}");
        }
    }
    println!("stdlib code objects: {same} of {total} files identical (floor {floor})");
    assert!(same >= floor, "stdlib code-object parity dropped: {same} < floor {floor}");
}

#[test]
fn normalisation() {
    assert_eq!(normalise("<code object f at 0x7fab12, file"), "<code object f at 0x, file");
    assert_eq!(normalise("(frozenset({'b', 'a'}))"), "(frozenset({'a', 'b'}))");
    assert_eq!(normalise("frozenset({(2, 1), 'x,y'})"), "frozenset({'x,y', (2, 1)})");
}
