//! Malformed marshal data and code never panic, overflow the stack or hang: random bytes,
//! mutated and truncated fixtures, deep nesting and self-referencing data all give an error (or,
//! when the mutation still parses, a code object the disassembler prints without panicking).

use std::path::PathBuf;
use taipan_bytecode::{Const, dis, marshal, pyc};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixture_pycs() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/bytecode");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pyc"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn exercise(data: &[u8]) {
    if let Ok(p) = pyc::read(data) {
        let _ = dis::dis(&p.code);
        let _ = taipan_bytecode::validate::validate_all(&p.code);
        let _ = marshal::load_code(&marshal::dump_code(&p.code));
        let _ = p.code.positions();
    }
    if let Ok(v) = marshal::loads(data) {
        let _ = v.repr();
        let _ = marshal::dumps(&v);
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..20_000 {
        let n = rng.below(64);
        let data: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        exercise(&data);
        // The same bytes as marshal data behind a valid header.
        let mut with_header =
            pyc::write(&Default::default(), pyc::Stamp::Timestamp { mtime: 0, size: 0 });
        with_header.truncate(16);
        with_header.extend_from_slice(&data);
        exercise(&with_header);
    }
}

#[test]
fn mutated_and_truncated_fixtures() {
    let pycs = fixture_pycs();
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    for round in 0..3000 {
        let base = &pycs[round % pycs.len()];
        let mut data = base.clone();
        for _ in 0..1 + rng.below(4) {
            let i = 16 + rng.below(data.len() - 16);
            data[i] = match rng.below(3) {
                0 => rng.next() as u8,
                1 => data[i] ^ (1 << rng.below(8)),
                _ => [0, 0xff, b'r', b'(', b'c', 0x80][rng.below(6)],
            };
        }
        exercise(&data);
        let cut = 16 + rng.below(base.len() - 16);
        exercise(&base[..cut]);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let run = || {
        for depth in [100usize, 1999, 2000, 2001, 100_000] {
            let mut data = Vec::new();
            for _ in 0..depth {
                data.extend_from_slice(b")\x01");
            }
            data.push(b'N');
            let r = marshal::loads(&data);
            if depth < 2000 {
                assert!(r.is_ok(), "depth {depth}");
                let _ = r.unwrap().repr();
            } else {
                assert!(r.is_err(), "depth {depth}");
            }
        }
    };
    // The default test thread's stack must be enough.
    std::thread::Builder::new().stack_size(2 << 20).spawn(run).unwrap().join().unwrap();
}

#[test]
fn refs_cannot_blow_up() {
    // t0 = (None, None); t1 = (t0, t0); ... each tuple flagged and built from refs to the last:
    // 60 levels would be 2**60 nodes if refs were expanded without a bound.
    let mut data = vec![b')' | 0x80, 2, b'N', b'N'];
    for i in 0..60u32 {
        let mut outer = vec![b')' | 0x80, 2];
        for _ in 0..2 {
            outer.push(b'r');
            outer.extend_from_slice(&i.to_le_bytes());
        }
        // Wrap: (prev, (r i, r i)) keeps everything in one value.
        let mut wrapped = vec![b')', 2];
        wrapped.extend_from_slice(&data);
        wrapped.extend_from_slice(&outer);
        data = wrapped;
    }
    let start = std::time::Instant::now();
    let err = marshal::loads(&data).unwrap_err();
    assert_eq!(err.message, "marshal data too complex");
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn scalar_values_round_trip() {
    let values = [
        Const::None,
        Const::Bool(true),
        Const::Ellipsis,
        Const::StopIteration,
        Const::int(0),
        Const::int(-1),
        Const::int(i32::MAX as i64 + 1),
        Const::int(i64::MIN),
        Const::Int("-123456789012345678901234567890123456789".parse().unwrap()),
        Const::Float(-0.0),
        Const::Float(1e300),
        Const::Complex { re: 1.5, im: -2.0 },
        Const::str("ascii"),
        Const::str(&"long".repeat(100)),
        Const::str("é \u{1F600}"),
        Const::Str(taipan_common::PyStr::from_code_points([0x61, 0xd800, 0xdc00])),
        Const::Bytes(vec![0, 1, 255]),
        Const::Tuple((0..300).map(Const::int).collect()),
        Const::FrozenSet(vec![Const::int(1), Const::str("a")]),
        Const::Slice(Box::new([Const::int(1), Const::None, Const::int(-1)])),
        Const::List(vec![Const::None]),
        Const::Set(vec![]),
        Const::Dict(vec![(Const::str("k"), Const::int(1))]),
    ];
    for v in values {
        let data = marshal::dumps(&v);
        assert_eq!(marshal::loads(&data).as_ref(), Ok(&v), "{}", v.repr());
    }
}

#[test]
fn cpython_encodings_read() {
    // marshal.dumps(...) under CPython 3.14.
    let cases: &[(&[u8], &str)] = &[
        (b":\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00N", "slice(1, 2, None)"),
        (b"\xec\x03\x00\x00\x00\x00\x00\x00\x00\x00\x04", "1099511627776"),
        (b"\xe9\xfb\xff\xff\xff", "-5"),
        (b"\xe7\x00\x00\x00\x00\x00\x00\xf8?", "1.5"),
        (b"\xf5\x03\x00\x00\x00\xed\xa0\x80", "'\\ud800'"),
        (b"\xf4\x02\x00\x00\x00\xc3\xa9", "'\u{e9}'"),
        (b"{\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x000", "{1: 2}"),
        (b"f\x03inf", "inf"),
        (b"x\x031.5\x04-2.0", "(1.5-2j)"),
    ];
    for (data, want) in cases {
        assert_eq!(marshal::loads(data).unwrap().repr(), *want);
    }
    assert!(marshal::loads(b"l\x01\x00\x00\x00\x00\x80").is_err(), "digit out of range");
    assert!(marshal::loads(b"l\x01\x00\x00\x00\x00\x00").is_err(), "unnormalised");
    assert!(marshal::loads(b"r\x00\x00\x00\x00").is_err(), "dangling ref");
    assert!(marshal::loads(b"").is_err());
    assert!(marshal::loads(b"?").is_err());
}
