//! `b2a_uu` and `a2b_uu`: one uuencoded line (a length character, then 6-bit groups offset
//! from space; `` ` `` may stand for zero).

use super::error;
use crate::error::PyResult;

/// `b2a_uu(data, *, backtick=False)`: at most 45 bytes.
pub fn b2a_uu(data: &[u8], backtick: bool) -> PyResult<Vec<u8>> {
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let enc = |v: u8| if backtick && v == 0 { b'`' } else { b' ' + v };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(enc(data.len() as u8));
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            out.push(enc(((n >> (18 - 6 * k)) & 0x3f) as u8));
        }
    }
    out.push(b'\n');
    Ok(out)
}

/// `a2b_uu(data)`: the first character gives the length; missing characters (end of data, or
/// a line end) count as zero; what follows the data may only be spaces, backticks and line
/// ends.
pub fn a2b_uu(data: &[u8]) -> PyResult<Vec<u8>> {
    let Some((&len_ch, mut rest)) = data.split_first() else {
        return Err(error("Missing length byte"));
    };
    let want = (len_ch.wrapping_sub(b' ') & 0x3f) as usize;
    let mut out = Vec::with_capacity(want);
    let mut acc: u32 = 0;
    let mut bits = 0;
    while out.len() < want {
        let v = match rest.split_first() {
            None => 0,
            Some((&c, tail)) => {
                rest = tail;
                match c {
                    b'\n' | b'\r' => 0,
                    b' '..=b'`' => (c - b' ') & 0x3f,
                    _ => return Err(error("Illegal char")),
                }
            }
        };
        acc = (acc << 6 | v as u32) & 0xfff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if rest.iter().any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(error("Trailing garbage"));
    }
    Ok(out)
}
