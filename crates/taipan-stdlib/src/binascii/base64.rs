//! `b2a_base64` and `a2b_base64` (with `strict_mode`), following CPython 3.14's handling of
//! padding, stray characters and truncated input.

use super::error;
use crate::error::PyResult;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `b2a_base64(data, *, newline=True)`.
pub fn b2a_base64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 0x3f) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// `a2b_base64(data, *, strict_mode=False)`.
///
/// Lenient mode skips every character outside the alphabet, including `=`; what matters is
/// whether the final partial quad is followed by enough `=`. Strict mode rejects anything but
/// the alphabet and one run of padding that completes the last quad at the very end.
pub fn a2b_base64(data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad_pos = 0u8;
    let mut left = 0u8;
    let mut pads = 0u8;
    let mut padding_started = false;
    let mut complete = false;
    for &c in data {
        if c == b'=' {
            if strict {
                if complete || quad_pos == 0 {
                    return Err(error("Excess padding not allowed"));
                }
                if quad_pos == 1 {
                    break;
                }
                padding_started = true;
            }
            pads = pads.saturating_add(1);
            if quad_pos >= 2 && quad_pos + pads >= 4 {
                complete = true;
            }
            continue;
        }
        let Some(v) = value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict {
            if complete {
                return Err(error("Excess data after padding"));
            }
            if padding_started {
                return Err(error("Discontinuous padding not allowed"));
            }
        }
        pads = 0;
        complete = false;
        match quad_pos {
            0 => left = v,
            1 => {
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => out.push(left << 6 | v),
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more \
             than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ if complete => Ok(out),
        _ => Err(error("Incorrect padding")),
    }
}
