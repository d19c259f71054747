//! The compiler never panics, overflows its stack or hangs, whatever it is given: stdlib files
//! with lines deleted, duplicated or re-indented (most still parse, so the compiler sees odd
//! but valid trees), and deeply nested programs. Only absence of panics is checked here; the
//! results themselves are compared with CPython's in `dis.rs` and `errors.rs`.

mod support;
use support::repo_root;

use taipan_compiler::{CompileOptions, compile_source};

/// xorshift64*: deterministic, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(source: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = source.lines().map(String::from).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(4) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => lines[i] = format!("    {}", lines[i]),
            _ => lines[i] = lines[i].trim_start().to_string(),
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn mutated_stdlib_never_panics() {
    let root = repo_root();
    let lib = root.join(".stdlib/Lib");
    assert!(lib.join("os.py").is_file(), "run scripts/fetch-stdlib.sh first");
    let listing = std::fs::read_to_string(root.join("tests/compiler/stdlib_dis.sha256")).unwrap();
    let files: Vec<&str> =
        listing.lines().filter_map(|l| l.split_once("  ")).map(|x| x.1).collect();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut compiled = 0;
    for k in 0..300 {
        let rel = files[rng.below(files.len())];
        let Ok(src) = std::fs::read_to_string(lib.join(rel)) else { continue };
        let mutated = mutate(&src, &mut rng);
        let r = std::panic::catch_unwind(|| {
            compile_source(mutated.as_bytes(), rel, &CompileOptions::default())
        });
        match r {
            Ok(Ok(_)) => compiled += 1,
            Ok(Err(_)) => {}
            Err(_) => panic!("compiler panicked on mutation {k} of {rel}"),
        }
    }
    println!("mutated stdlib: {compiled} of 300 mutations compiled, none panicked");
}

#[test]
fn deep_nesting_never_overflows() {
    let cases = [
        format!("x = {}1\n", "-".repeat(5000)),
        format!("x = {}1{}\n", "f(".repeat(190), ")".repeat(190)),
        format!("x = {}{}\n", "[".repeat(190), "]".repeat(190)),
        format!("x = 1{}\n", " + 1".repeat(5000)),
        format!("x = a{}\n", ".b".repeat(5000)),
        format!("x = {}y\n", "not ".repeat(3000)),
        format!(
            "x = {}\n",
            (0..3000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(" if c else ")
        ),
    ];
    for src in &cases {
        let r = std::panic::catch_unwind(|| {
            compile_source(src.as_bytes(), "<deep>", &CompileOptions::default())
        });
        assert!(r.is_ok(), "compiler panicked on {:.40}...", src);
    }
}
