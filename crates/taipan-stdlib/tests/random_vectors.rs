//! Replays `tests/data/random.txt` (written by `scripts/gen_stdlib_vectors.py` from CPython
//! 3.14) against the `_random` core.

mod common;
use common::hex;

use dashu_int::IBig;
use taipan_stdlib::error::PyResult;
use taipan_stdlib::random::Mt19937;

fn int(s: &str) -> IBig {
    s.parse().unwrap_or_else(|_| panic!("bad int {s}"))
}

fn check<T: PartialEq + std::fmt::Debug>(
    line: usize,
    got: PyResult<T>,
    want: &[&str],
    ok: impl Fn(&str) -> T,
) {
    match want {
        [w] if !w.starts_with('!') => match got {
            Ok(v) => assert_eq!(v, ok(w), "line {line}"),
            Err(e) => panic!("line {line}: unexpected error {e}"),
        },
        [kind, msg] => match got {
            Ok(v) => panic!("line {line}: expected {kind} {msg}, got {v:?}"),
            Err(e) => assert_eq!(
                (format!("!{}", e.kind.name()), e.message.as_str()),
                (kind.to_string(), *msg),
                "line {line}"
            ),
        },
        _ => panic!("line {line}: bad expectation {want:?}"),
    }
}

#[test]
fn random_vectors() {
    let data = common::load("random.txt", include_str!("data/random.txt"));
    let mut mt = Mt19937::default();
    let mut count = 0;
    for (i, line) in data.lines().enumerate() {
        let line_no = i + 1;
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "seed" => mt.seed_int(&int(f[1])),
            "seedbytes" => mt.seed_bytes_v2(&hex(f[1])),
            "seedhash" => mt.seed_hash(f[1].parse().unwrap()),
            "random" => {
                let want = u64::from_str_radix(f[1], 16).unwrap();
                assert_eq!(mt.random().to_bits(), want, "line {line_no}");
            }
            "skiprandom" => {
                mt.random();
            }
            "bits" => check(line_no, mt.getrandbits(&int(f[1])), &f[2..], int),
            "randbytes" => check(line_no, mt.randbytes(&int(f[1])), &f[2..], hex),
            "below" => assert_eq!(mt.randbelow(&int(f[1])).unwrap(), int(f[2]), "line {line_no}"),
            "getstate" => {
                let want: Vec<u64> = f[1].split(' ').map(|w| w.parse().unwrap()).collect();
                assert_eq!(mt.getstate(), want, "line {line_no}");
            }
            "setstate" => {
                let state: Vec<IBig> = f[1].split(' ').map(int).collect();
                let want: Vec<&str> = if f[2] == "ok" { vec!["ok"] } else { f[2..].to_vec() };
                check(line_no, mt.setstate(&state).map(|()| "ok"), &want, |_| "ok");
            }
            op => panic!("line {line_no}: unknown op {op}"),
        }
        count += 1;
    }
    assert!(count > 1000);
}

#[test]
fn entropy_seed_matches_int_seed() {
    // `seed(None)` reads OS bytes as little-endian words; an int with the same words (top word
    // non-zero) seeds identically.
    let bytes: Vec<u8> = (0..2496u32).map(|i| (i * 7 + 3) as u8).collect();
    let mut a = Mt19937::default();
    a.seed_entropy(&bytes);
    let mut b = Mt19937::default();
    b.seed_int(&IBig::from(dashu_int::UBig::from_le_bytes(&bytes)));
    assert_eq!(a.getstate(), b.getstate());
    assert_eq!(a.random().to_bits(), b.random().to_bits());
}
