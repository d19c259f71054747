//! Replays `tests/data/struct.txt` (written by `scripts/gen_stdlib_vectors.py` from CPython
//! 3.14) against the `_struct` core.

mod common;
use common::{hex, to_hex};

use dashu_int::IBig;
use taipan_stdlib::error::PyResult;
use taipan_stdlib::struct_::{Format, PackArg, Value, calcsize};

fn arg(s: &str) -> PackArg {
    let (tag, v) = s.split_once(':').unwrap();
    match tag {
        "i" => PackArg::Int(v.parse::<IBig>().unwrap()),
        "f" => PackArg::Float(f64::from_bits(u64::from_str_radix(v, 16).unwrap())),
        "b" => PackArg::Bytes(hex(v)),
        "a" => PackArg::ByteArray(hex(v)),
        "o" => PackArg::Other { truthy: v == "1" },
        _ => panic!("bad arg {s}"),
    }
}

fn args(s: &str) -> Vec<PackArg> {
    s.split(' ').filter(|a| !a.is_empty()).map(arg).collect()
}

/// Values in the generator's encoding; floats by their bits, so NaNs compare exactly.
fn vals(vs: &[Value]) -> String {
    let enc = |v: &Value| match v {
        Value::Int(i) => format!("i:{i}"),
        Value::Float(f) => format!("f:{:016x}", f.to_bits()),
        Value::Bytes(b) => format!("b:{}", to_hex(b)),
        Value::Bool(b) => format!("B:{}", *b as u8),
    };
    vs.iter().map(enc).collect::<Vec<_>>().join(" ")
}

fn outcome<T>(r: PyResult<T>, ok: impl Fn(T) -> String) -> Vec<String> {
    match r {
        Ok(v) => vec![ok(v)],
        Err(e) => vec![format!("!{}", e.kind.name()), e.message],
    }
}

#[test]
fn struct_vectors() {
    let data = common::load("struct.txt", include_str!("data/struct.txt"));
    let mut failures = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let fmt = hex(f[1]);
        let parsed = || Format::parse(&fmt);
        if fmt.is_ascii() {
            assert_eq!(Format::parse_str(std::str::from_utf8(&fmt).unwrap()), parsed());
        }
        let (got, want): (Vec<String>, &[&str]) = match f[0] {
            "calcsize" => (outcome(calcsize(&fmt), |n| n.to_string()), &f[2..]),
            "calcsize_str" => (
                outcome(Format::parse_str(std::str::from_utf8(&fmt).unwrap()), |p| {
                    p.size.to_string()
                }),
                &f[2..],
            ),
            "pack" | "packn" => {
                (outcome(parsed().and_then(|p| p.pack(&args(f[2]))), |b| to_hex(&b)), &f[3..])
            }
            "unpack" => {
                (outcome(parsed().and_then(|p| p.unpack(&hex(f[2]))), |v| vals(&v)), &f[3..])
            }
            "unpack_from" => (
                outcome(
                    parsed().and_then(|p| p.unpack_from(&hex(f[2]), f[3].parse().unwrap())),
                    |v| vals(&v),
                ),
                &f[4..],
            ),
            "pack_into" => {
                let mut buf = vec![0xaau8; f[2].parse().unwrap()];
                let r = parsed()
                    .and_then(|p| p.pack_into(&mut buf, f[3].parse().unwrap(), &args(f[4])));
                (outcome(r, |()| to_hex(&buf)), &f[5..])
            }
            "iter_unpack" => (
                outcome(parsed().and_then(|p| p.iter_unpack(&hex(f[2]))), |rows| {
                    rows.iter().map(|r| vals(r)).collect::<Vec<_>>().join(";")
                }),
                &f[3..],
            ),
            op => panic!("line {}: unknown op {op}", i + 1),
        };
        if got != want {
            failures.push(format!("line {}: {line}\n    got {got:?}", i + 1));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
