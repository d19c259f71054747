//! The float encodings of `_struct`: IEEE binary16 (`e`, round half to even), binary32 (`f`) and
//! binary64 (`d`), with CPython 3.14's NaN handling (sign and payload bits carried over when
//! packing, and when unpacking in standard modes) and its overflow rule.

/// Why a value could not be packed: it is finite but too large for the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge;

const F64_SIGN: u64 = 1 << 63;
const F64_MANT: u64 = (1 << 52) - 1;

/// `x` as binary16 bits, rounded to nearest, ties to even.
pub fn pack_half(x: f64) -> Result<u16, TooLarge> {
    let bits = x.to_bits();
    let sign: u16 = if bits & F64_SIGN != 0 { 0x8000 } else { 0 };
    if x.is_nan() {
        let payload = ((bits & F64_MANT) >> 42) as u16;
        return Ok(sign | 0x7c00 | if payload == 0 { 0x200 } else { payload });
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Ok(sign);
    }
    if a < f64::powi(2.0, -14) {
        // Subnormal range: units of 2**-24; 1024 units is the smallest normal, same bits.
        let m = (a * f64::powi(2.0, 24)).round_ties_even();
        return Ok(sign | m as u16);
    }
    let mut e = ((a.to_bits() >> 52) as i32) - 1023;
    let mut m = (a * f64::powi(2.0, 10 - e)).round_ties_even();
    if m >= 2048.0 {
        e += 1;
        m = 1024.0;
    }
    if e + 15 >= 31 {
        return Err(TooLarge);
    }
    Ok(sign | (((e + 15) as u16) << 10) | (m as u16 - 1024))
}

/// The binary16 value `h` as a float (NaN sign and payload kept).
pub fn unpack_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = (h >> 10) & 0x1f;
    let mant = (h & 0x3ff) as u64;
    match exp {
        0 => sign * mant as f64 * f64::powi(2.0, -24),
        0x1f if mant == 0 => sign * f64::INFINITY,
        0x1f => f64::from_bits(
            if h & 0x8000 != 0 { F64_SIGN } else { 0 } | 0x7ff0_0000_0000_0000 | (mant << 42),
        ),
        _ => sign * (1024 + mant) as f64 * f64::powi(2.0, exp as i32 - 25),
    }
}

/// `x` as binary32 bits: the nearest float (ties to even); a NaN keeps its sign and top
/// payload bits (a payload that would vanish becomes the quiet NaN).
pub fn pack_single(x: f64) -> Result<u32, TooLarge> {
    if x.is_nan() {
        let bits = x.to_bits();
        let sign: u32 = if bits & F64_SIGN != 0 { 0x8000_0000 } else { 0 };
        let payload = ((bits & F64_MANT) >> 29) as u32;
        return Ok(sign | 0x7f80_0000 | if payload == 0 { 0x40_0000 } else { payload });
    }
    let y = x as f32;
    if y.is_infinite() && x.is_finite() {
        return Err(TooLarge);
    }
    Ok(y.to_bits())
}

/// The binary32 value `bits` as a float. In native mode (`@`) a signalling NaN is quietened as
/// the C cast does; standard modes keep the bits.
pub fn unpack_single(bits: u32, native: bool) -> f64 {
    let y = f32::from_bits(bits);
    if !y.is_nan() {
        return y as f64;
    }
    let sign = if bits & 0x8000_0000 != 0 { F64_SIGN } else { 0 };
    let mut mant = ((bits & 0x7f_ffff) as u64) << 29;
    if native {
        mant |= 1 << 51;
    }
    f64::from_bits(sign | 0x7ff0_0000_0000_0000 | mant)
}
