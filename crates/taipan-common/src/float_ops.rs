//! Float operations whose results CPython defines through exact arithmetic: `round(x, n)`
//! (correctly rounded to `n` decimal places, ties to even, as `double_round`), `round(x)`,
//! `int(x)`, `float.hex()`, `float.fromhex()` and `float.as_integer_ratio()`.
//!
//! Failures reuse [`FormatError`]: its `Value`/`Overflow` variants carry CPython's message.

use crate::format_spec::FormatError;
use dashu_int::ops::BitTest;
use dashu_int::{IBig, UBig};

/// `x = mantissa * 2**exp` exactly, for finite `x` (`mantissa` unsigned, sign dropped).
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) }
}

/// `2**k` as a big integer.
fn pow2(k: usize) -> UBig {
    UBig::ONE << k
}

/// `round(x, ndigits)` for a float: the nearest multiple of `10**-ndigits`, ties to even, as a
/// correctly rounded float. NaN and infinities are returned unchanged; `OverflowError` when the
/// rounded value is too large.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    // Beyond these, x is its own rounding or rounds to a zero (CPython's NDIGITS_MAX/MIN).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x);
    // |x| * 10**ndigits = num / den exactly.
    let ten_pow = |k: i64| UBig::from(10u8).pow(k as usize);
    let mut num = UBig::from(m);
    let mut den = UBig::ONE;
    if ndigits >= 0 {
        num *= ten_pow(ndigits);
    } else {
        den *= ten_pow(-ndigits);
    }
    if e >= 0 {
        num <<= e as usize;
    } else {
        den *= pow2((-e) as usize);
    }
    let (mut q, r) = (&num / &den, &num % &den);
    let twice = r << 1;
    if twice > den || (twice == den && q.bit(0)) {
        q += UBig::ONE;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{q}e{}", -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(FormatError::Overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// Python's `divmod(x, y)` for floats: `(x // y, x % y)`, the remainder taking the divisor's
/// sign and the quotient rounded as CPython's `float_divmod` does; `None` when `y` is zero
/// (the caller raises `ZeroDivisionError`, or does not fold the constant).
pub fn divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

/// `round(x)` without `ndigits` before the int conversion: nearest integer, ties to even.
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// `int(x)` for a float (truncation toward zero), with CPython's errors for inf and nan.
pub fn float_to_int(x: f64) -> Result<IBig, FormatError> {
    if x.is_nan() {
        return Err(FormatError::Value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FormatError::Overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(IBig::from(t as i64));
    }
    let (m, e) = decompose(t);
    let magnitude = IBig::from(UBig::from(m) << e as usize);
    Ok(if t < 0.0 { -magnitude } else { magnitude })
}

/// `float.hex(x)`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals), `0x0.0p+0` for
/// zeros, `inf`, `-inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{exp_sign}{}", exp.unsigned_abs())
}

const FROMHEX_INVALID: FormatError =
    FormatError::Value("invalid hexadecimal floating-point string");
const FROMHEX_OVERFLOW: FormatError =
    FormatError::Overflow("hexadecimal value too large to represent as a float");

/// `x * 2**exp` for a value known to be exactly representable (no intermediate rounding).
fn scale_exact(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 {
        x *= 2f64.powi(1000);
        exp -= 1000;
    }
    while exp < -1000 {
        x *= 2f64.powi(-1000);
        exp += 1000;
    }
    x * 2f64.powi(exp as i32)
}

/// `float.fromhex(s)`: `[sign][0x]hhh[.hhh][p[sign]ddd]` or `inf`/`infinity`/`nan`, with
/// surrounding ASCII whitespace, correctly rounded (ties to even).
pub fn float_fromhex(s: &str) -> Result<f64, FormatError> {
    let t = s.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut i = 0;
    while i < t.len() && is_space(t[i]) {
        i += 1;
    }
    let mut end = t.len();
    while end > i && is_space(t[end - 1]) {
        end -= 1;
    }
    let t = &t[i..end];
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let signed = |v: f64| if negative { -v } else { v };
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        return Ok(signed(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case(b"nan") {
        return Ok(signed(f64::NAN));
    }
    let mut i = 0;
    if body.first() == Some(&b'0') && matches!(body.get(1), Some(b'x' | b'X')) {
        i = 2;
    }
    let hex_run = |i: &mut usize| {
        let start = *i;
        while *i < body.len() && body[*i].is_ascii_hexdigit() {
            *i += 1;
        }
        &body[start..*i]
    };
    let int_part = hex_run(&mut i);
    let frac_part = if body.get(i) == Some(&b'.') {
        i += 1;
        hex_run(&mut i)
    } else {
        &[]
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(FROMHEX_INVALID);
    }
    let mut exp: i64 = 0;
    if matches!(body.get(i), Some(b'p' | b'P')) {
        i += 1;
        let exp_negative = match body.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < body.len() && body[i].is_ascii_digit() {
            // strtol saturates; anything this large is already an underflow or overflow.
            exp = exp.saturating_mul(10).saturating_add((body[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(FROMHEX_INVALID);
        }
        if exp_negative {
            exp = -exp;
        }
    }
    if i != body.len() {
        return Err(FROMHEX_INVALID);
    }
    let digits: Vec<u8> = int_part.iter().chain(frac_part).copied().collect();
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else {
        return Ok(signed(0.0));
    };
    if exp < i64::MIN / 2 {
        return Ok(signed(0.0));
    }
    if exp > i64::MAX / 2 {
        return Err(FROMHEX_OVERFLOW);
    }
    let text = std::str::from_utf8(&digits[first..]).map_err(|_| FROMHEX_INVALID)?;
    let coeff = UBig::from_str_radix(text, 16).map_err(|_| FROMHEX_INVALID)?;
    // value = coeff * 2**e2, in [2**(top-1), 2**top).
    let e2 = exp as i128 - 4 * frac_part.len() as i128;
    let top = e2 + coeff.bit_len() as i128;
    if top < -1074 {
        return Ok(signed(0.0));
    }
    if top > 1024 {
        return Err(FROMHEX_OVERFLOW);
    }
    let lsb = top.max(-1021) - 53;
    let (q, q_exp) = if e2 >= lsb {
        (coeff, e2)
    } else {
        let shift = (lsb - e2) as usize;
        let mut q = &coeff >> shift;
        let rem = &coeff - (&q << shift);
        let half = pow2(shift - 1);
        if rem > half || (rem == half && q.bit(0)) {
            q += UBig::ONE;
        }
        (q, lsb)
    };
    let q: u64 = u64::try_from(&q).map_err(|_| FROMHEX_OVERFLOW)?;
    let x = scale_exact(q as f64, q_exp as i64);
    if x.is_infinite() {
        return Err(FROMHEX_OVERFLOW);
    }
    Ok(signed(x))
}

/// `float.as_integer_ratio()`: the lowest-terms fraction, positive denominator.
pub fn as_integer_ratio(x: f64) -> Result<(IBig, IBig), FormatError> {
    if x.is_nan() {
        return Err(FormatError::Value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(FormatError::Overflow("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((IBig::ZERO, IBig::ONE));
    }
    let (mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros() as i32;
    if e < 0 {
        let k = tz.min(-e);
        m >>= k;
        e += k;
    }
    let (num, den) = if e >= 0 {
        (UBig::from(m) << e as usize, UBig::ONE)
    } else {
        (UBig::from(m), pow2((-e) as usize))
    };
    let num = IBig::from(num);
    Ok((if x < 0.0 { -num } else { num }, IBig::from(den)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding() {
        assert_eq!(round_float(0.125, 2), Ok(0.12));
        assert_eq!(round_float(0.375, 2), Ok(0.38));
        assert_eq!(round_float(2.675, 2), Ok(2.67));
        assert_eq!(round_float(1234.5, -2), Ok(1200.0));
        assert_eq!(round_float(-0.4, 0).map(f64::to_bits), Ok((-0.0f64).to_bits()));
        assert!(round_float(1.7976931348623157e308, -308).is_err());
    }

    #[test]
    fn hex() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_fromhex("0x1.999999999999ap-4"), Ok(0.1));
        assert_eq!(float_fromhex(" -0x.8p1 "), Ok(-1.0));
        assert_eq!(float_fromhex("0x1p-1075"), Ok(0.0));
        assert_eq!(float_fromhex("0x3p-1075"), Ok(1e-323));
        assert!(float_fromhex("0x1p1024").is_err());
        assert!(float_fromhex("0x").is_err());
    }

    #[test]
    fn ratios() {
        let r = as_integer_ratio(0.75).unwrap();
        assert_eq!((r.0.to_string(), r.1.to_string()), ("3".into(), "4".into()));
        let r = as_integer_ratio(-8.0).unwrap();
        assert_eq!((r.0.to_string(), r.1.to_string()), ("-8".into(), "1".into()));
    }
}
