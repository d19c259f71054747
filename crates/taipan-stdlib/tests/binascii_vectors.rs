//! Replays `tests/data/binascii.txt` (written by `scripts/gen_stdlib_vectors.py` from CPython
//! 3.14) against the `binascii` core.

mod common;
use common::{hex, to_hex};

use dashu_int::IBig;
use taipan_stdlib::binascii;
use taipan_stdlib::error::PyResult;

fn outcome(r: PyResult<Vec<u8>>) -> Vec<String> {
    match r {
        Ok(v) => vec![to_hex(&v)],
        Err(e) => vec![format!("!{}", e.kind.name()), e.message],
    }
}

#[test]
fn binascii_vectors() {
    let data = common::load("binascii.txt", include_str!("data/binascii.txt"));
    let mut failures = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let d = hex(f[1]);
        let flag = |k: usize| f[k] == "1";
        let (got, want): (Vec<String>, &[&str]) = match f[0] {
            "hexlify" => {
                let sep: Option<Vec<u32>> = f[2].strip_prefix('s').map(|s| {
                    s.split(',').filter(|x| !x.is_empty()).map(|x| x.parse().unwrap()).collect()
                });
                let per: IBig = f[3].parse().unwrap();
                (outcome(binascii::hexlify(&d, sep.as_deref(), &per)), &f[4..])
            }
            "unhexlify" => (outcome(binascii::unhexlify(&d)), &f[2..]),
            "b2a_base64" => (outcome(Ok(binascii::b2a_base64(&d, flag(2)))), &f[3..]),
            "a2b_base64" => (outcome(binascii::a2b_base64(&d, flag(2))), &f[3..]),
            "b2a_uu" => (outcome(binascii::b2a_uu(&d, flag(2))), &f[3..]),
            "a2b_uu" => (outcome(binascii::a2b_uu(&d)), &f[2..]),
            "a2b_qp" => (outcome(Ok(binascii::a2b_qp(&d, flag(2)))), &f[3..]),
            "b2a_qp" => (outcome(Ok(binascii::b2a_qp(&d, flag(2), flag(3), flag(4)))), &f[5..]),
            "crc32" => {
                let crc: IBig = f[2].parse().unwrap();
                (vec![binascii::crc32(&d, &crc).to_string()], &f[3..])
            }
            "crc_hqx" => {
                let crc: IBig = f[2].parse().unwrap();
                (vec![binascii::crc_hqx(&d, &crc).to_string()], &f[3..])
            }
            op => panic!("line {}: unknown op {op}", i + 1),
        };
        if got != want {
            failures.push(format!("line {}: {line}\n    got {got:?}", i + 1));
        }
    }
    let shown: Vec<&String> = failures.iter().take(30).collect();
    assert!(failures.is_empty(), "{} failures:\n{:#?}", failures.len(), shown);
}

#[test]
fn ascii_str_arguments() {
    assert_eq!(binascii::ascii_str_arg("ab").unwrap(), b"ab");
    let e = binascii::ascii_str_arg("\u{e9}").unwrap_err();
    assert_eq!(e.message, "string argument should contain only ASCII characters");
}
