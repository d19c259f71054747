//! Number <-> text on hostile input: random specs, literals and `%` arguments must give a value
//! or an error, never a panic, and absurd sizes must fail cleanly with `MemoryError`.

use dashu_int::IBig;
use taipan_common::float_fmt::{
    DtoaFlags, PercentFlags, double_to_string, percent_format_float, percent_format_int,
    percent_pad_str,
};
use taipan_common::float_ops::{float_fromhex, round_float};
use taipan_common::format_number::{format_complex, format_float, format_int};
use taipan_common::format_spec::{ErrorKind, format_str};
use taipan_common::num_parse::{parse_float, parse_int};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn text(&mut self, alphabet: &[char], max_len: usize) -> String {
        let len = self.below(max_len + 1);
        (0..len).map(|_| alphabet[self.below(alphabet.len())]).collect()
    }

    fn float(&mut self) -> f64 {
        match self.below(4) {
            0 => f64::from_bits(self.next()),
            1 => [0.0, -0.0, f64::INFINITY, f64::NAN, 5e-324, f64::MAX][self.below(6)],
            _ => (self.next() % 2_000_001) as f64 / 1000.0 - 1000.0,
        }
    }
}

/// Whether a spec asks for a width or precision so large that formatting would be slow.
fn too_wide(spec: &str) -> bool {
    let mut run = 0;
    for c in spec.chars() {
        run = if c.is_numeric() { run + 1 } else { 0 };
        if run > 4 {
            return true;
        }
    }
    false
}

#[test]
fn random_specs_never_panic() {
    let alphabet: Vec<char> =
        "<>=^+- z#0012345679,_.%bcdeEfFgGnosxX*\u{661}\u{e9}\u{1f600}".chars().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20000 {
        let spec = rng.text(&alphabet, 9);
        if too_wide(&spec) {
            continue;
        }
        let x = rng.float();
        let _ = format_float(x, &spec);
        let _ = format_complex(x, rng.float(), &spec);
        let _ = format_str("h\u{e9}llo", &spec);
        let v = IBig::from(rng.next() as i64) << rng.below(300);
        let _ = format_int(&v, &spec, 4300);
    }
}

#[test]
fn absurd_sizes_fail_cleanly() {
    for spec in ["9223372036854775807", "\u{e9}<9223372036854775807", "09223372036854775807,"] {
        let err = format_float(1.5, spec).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MemoryError, "{spec}");
        let err = format_int(&IBig::from(7), spec, 4300).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MemoryError, "{spec}");
    }
    assert!(format_str("a", "9223372036854775807").is_err());
    assert!(format_complex(1.0, 2.0, "9223372036854775807").is_err());
    let flags = PercentFlags { zero: true, ..PercentFlags::default() };
    assert!(percent_format_float(1.5, flags, Some(usize::MAX / 2), None, 'f').is_err());
    assert!(percent_format_int(&IBig::from(1), flags, Some(usize::MAX / 2), None, 'd', 0).is_err());
    assert!(percent_pad_str("a", flags, Some(usize::MAX / 2), None).is_err());
    assert!(double_to_string(1.0, 'f', usize::MAX, DtoaFlags::default()).is_err());
}

#[test]
fn random_literals_never_panic() {
    let alphabet: Vec<char> =
        "0123456789abcdefxXoObBpP+-_. \t\u{661}\u{2003}eEinfatyINFATY\0\u{ff11}\u{e9}"
            .chars()
            .collect();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..30000 {
        let text = rng.text(&alphabet, 24);
        let _ = parse_float(&text);
        let _ = float_fromhex(&text);
        let base = [0, 2, 8, 10, 16, 36, 1, 37, -5][rng.below(9)];
        let _ = parse_int(&text, base, 4300);
    }
    let long = "9".repeat(100_000);
    assert!(parse_float(&long).is_ok());
    assert!(parse_int(&long, 10, 4300).is_err());
    assert!(parse_int(&format!("0x{}", "f".repeat(100_000)), 0, 4300).is_ok());
    assert_eq!(float_fromhex(&format!("0x1p-{}", "9".repeat(100))), Ok(0.0));
}

#[test]
fn random_rounding_never_panics() {
    let mut rng = Rng(0x0bad_cafe_f00d_d00d);
    for _ in 0..5000 {
        let x = rng.float();
        let nd = rng.below(700) as i64 - 350;
        let _ = round_float(x, nd);
    }
    for nd in [i64::MIN, i64::MAX] {
        let _ = round_float(1.5, nd);
    }
}
