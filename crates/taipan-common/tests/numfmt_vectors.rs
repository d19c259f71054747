//! Number <-> text against CPython 3.14: replays the vectors `scripts/gen_numfmt_vectors.py`
//! wrote into `tests/data/*.tsv` (format specs for float/int/complex/str, `%`-formatting,
//! `float()`/`int()` parsing, `round`, `float.hex`/`fromhex`, `as_integer_ratio`).

use dashu_int::IBig;
use taipan_common::float_fmt::{
    PercentFlags, percent_format_char, percent_format_float, percent_format_int, percent_pad_str,
};
use taipan_common::float_ops::{
    as_integer_ratio, float_fromhex, float_hex, float_to_int, round_float, round_half_even,
};
use taipan_common::format_number::{format_complex, format_float, format_int};
use taipan_common::format_spec::{FormatError, format_str};
use taipan_common::num_parse::{float_error_message, parse_float, parse_int};
use taipan_common::repr::repr_str;

/// Undoes the generator's escaping; `None` for text Rust cannot hold (lone surrogates).
fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'u' => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(rest.trim_start_matches('{'), 16).ok()?;
                out.push(char::from_u32(code)?);
            }
            other => panic!("bad escape \\{other}"),
        }
    }
    Some(out)
}

fn float(bits: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(bits, 16).expect("float bits"))
}

fn int(text: &str) -> IBig {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let v = match body.strip_prefix("0x") {
        Some(hex) => IBig::from_str_radix(hex, 16),
        None => IBig::from_str_radix(body, 10),
    }
    .expect("int");
    if negative { -v } else { v }
}

fn int_text(v: &IBig) -> String {
    if v.to_string().len() < 1000 {
        v.to_string()
    } else if *v < IBig::ZERO {
        format!("-0x{:x}", -v)
    } else {
        format!("0x{v:x}")
    }
}

fn err_text(e: &FormatError, type_name: &str) -> String {
    format!("!{:?}: {}", e.kind(), e.message(type_name))
}

fn outcome(r: Result<String, FormatError>, type_name: &str) -> String {
    match r {
        Ok(s) => s,
        Err(e) => err_text(&e, type_name),
    }
}

/// Runs `check` over every line of a data file; each returns `Some(Some((got, want)))` on a
/// mismatch and `None` for a case Rust cannot express (text with lone surrogates).
fn run(name: &str, data: &str, check: impl Fn(&[&str]) -> Option<Option<(String, String)>>) {
    let mut failures = Vec::new();
    let (mut count, mut skipped) = (0, 0);
    for line in data.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        count += 1;
        match check(&fields) {
            None => skipped += 1,
            Some(Some((got, want))) => {
                failures.push(format!("  {line}\n    got:  {got:?}\n    want: {want:?}"))
            }
            Some(None) => {}
        }
    }
    assert!(count > 100, "{name}: only {count} cases");
    assert!(skipped * 100 <= count, "{name}: {skipped} of {count} cases skipped");
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(25).cloned().collect();
        panic!("{name}: {} of {count} cases differ:\n{}", failures.len(), shown.join("\n"));
    }
}

fn compare(got: String, want: &str) -> Option<(String, String)> {
    // Huge outputs are recorded by length (and, if given, their first and last 40 characters).
    if let Some(rest) = want.strip_prefix("#len=") {
        let mut parts = rest.splitn(3, '|');
        let len: usize = parts.next().unwrap().parse().unwrap();
        let chars: Vec<char> = got.chars().collect();
        let head: String = chars.iter().take(40).collect();
        let tail: String = chars[chars.len().saturating_sub(40)..].iter().collect();
        let ends_ok = match (parts.next(), parts.next()) {
            (Some(h), Some(t)) => h == head && t == tail,
            _ => true,
        };
        if chars.len() == len && ends_ok {
            return None;
        }
    } else if got == want {
        return None;
    }
    Some((got, want.to_string()))
}

#[test]
fn format_float_vectors() {
    run("format_float", include_str!("data/format_float.tsv"), |f| {
        let spec = unescape(f[1])?;
        let want = unescape(f[2])?;
        Some(compare(outcome(format_float(float(f[0]), &spec), "float"), &want))
    });
}

#[test]
fn format_int_vectors() {
    run("format_int", include_str!("data/format_int.tsv"), |f| {
        let spec = unescape(f[1])?;
        let want = unescape(f[2])?;
        Some(compare(outcome(format_int(&int(f[0]), &spec, 4300), "int"), &want))
    });
}

#[test]
fn format_complex_vectors() {
    run("format_complex", include_str!("data/format_complex.tsv"), |f| {
        let spec = unescape(f[2])?;
        let want = unescape(f[3])?;
        Some(compare(outcome(format_complex(float(f[0]), float(f[1]), &spec), "complex"), &want))
    });
}

#[test]
fn format_str_vectors() {
    run("format_str", include_str!("data/format_str.tsv"), |f| {
        let (value, spec, want) = (unescape(f[0])?, unescape(f[1])?, unescape(f[2])?);
        Some(compare(outcome(format_str(&value, &spec), "str"), &want))
    });
}

/// Splits `%<flags><width>[.<precision>]<conv><tail>`.
fn parse_percent(fmt: &str) -> (PercentFlags, Option<usize>, Option<usize>, char, &str) {
    let b = fmt.as_bytes();
    assert_eq!(b[0], b'%');
    let mut i = 1;
    let mut flags = PercentFlags::default();
    loop {
        match b[i] {
            b'-' => flags.left = true,
            b'+' => flags.plus = true,
            b' ' => flags.space = true,
            b'#' => flags.alt = true,
            b'0' => flags.zero = true,
            _ => break,
        }
        i += 1;
    }
    let number = |i: &mut usize| {
        let start = *i;
        while b[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i > start).then(|| fmt[start..*i].parse().unwrap())
    };
    let width = number(&mut i);
    let precision = if b[i] == b'.' {
        i += 1;
        Some(number(&mut i).unwrap_or(0))
    } else {
        None
    };
    (flags, width, precision, b[i] as char, &fmt[i + 1..])
}

#[test]
fn percent_vectors() {
    run("percent", include_str!("data/percent.tsv"), |f| {
        let fmt = unescape(f[0])?;
        let want = unescape(f[2])?;
        let (flags, width, precision, conv, tail) = parse_percent(&fmt);
        let (kind, value) = f[1].split_at(1);
        let result = match (kind, conv) {
            ("f", _) => {
                percent_format_float(float(value), flags, width, precision, conv).map(|s| s + tail)
            }
            ("i", 'c') => percent_format_char(&int(value)).and_then(|c| {
                let text = char::from_u32(c).unwrap().to_string();
                percent_pad_str(&text, flags, width, precision).map(|s| s + tail)
            }),
            ("i", _) => percent_format_int(&int(value), flags, width, precision, conv, 4300)
                .map(|s| s + tail),
            _ => percent_pad_str(&unescape(value)?, flags, width, precision).map(|s| s + tail),
        };
        Some(compare(outcome(result, "int"), &want))
    });
}

#[test]
fn parse_float_vectors() {
    run("parse_float", include_str!("data/parse_float.tsv"), |f| {
        let text = unescape(f[0])?;
        let got = match parse_float(&text) {
            Ok(x) => format!("{:016x}", x.to_bits()),
            Err(_) => format!("!ValueError: {}", float_error_message(&repr_str(&text))),
        };
        Some(compare(got, &unescape(f[1])?))
    });
}

#[test]
fn parse_int_vectors() {
    run("parse_int", include_str!("data/parse_int.tsv"), |f| {
        let text = unescape(f[0])?;
        let base: i32 = f[1].parse().unwrap();
        let got = match parse_int(&text, base, 4300) {
            Ok(v) => int_text(&v),
            Err(e) => format!("!ValueError: {}", e.message(base, &repr_str(&text))),
        };
        Some(compare(got, &unescape(f[2])?))
    });
}

#[test]
fn round_vectors() {
    run("round", include_str!("data/round.tsv"), |f| {
        let x = float(f[0]);
        let got = match f[1] {
            "None" => float_to_int(round_half_even(x)).map(|v| v.to_string()),
            "int" => float_to_int(x).map(|v| v.to_string()),
            nd => round_float(x, nd.parse().unwrap()).map(|r| format!("{:016x}", r.to_bits())),
        };
        Some(compare(outcome(got, "float"), &unescape(f[2])?))
    });
}

#[test]
fn float_ops_vectors() {
    run("float_ops", include_str!("data/float_ops.tsv"), |f| match f[0] {
        "hex" => {
            let x = float(f[1]);
            let ratio = as_integer_ratio(x).map(|(n, d)| format!("{n}/{d}"));
            let got = format!("{} {}", float_hex(x), outcome(ratio, "float"));
            Some(compare(got, &format!("{} {}", f[2], unescape(f[3])?)))
        }
        _ => {
            let text = unescape(f[1])?;
            let got = float_fromhex(&text).map(|x| format!("{:016x}", x.to_bits()));
            Some(compare(outcome(got, "float"), &unescape(f[2])?))
        }
    });
}
