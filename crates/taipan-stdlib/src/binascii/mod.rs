//! `binascii`'s core: hex ([`hexlify`], [`unhexlify`]) and the CRCs ([`crc32`], [`crc_hqx`])
//! here; base64 in [`base64`], quoted-printable in [`qp`], uuencode in [`uu`]. Errors are
//! `binascii.Error` with CPython 3.14's messages.
//!
//! Functions taking "ASCII data" (`a2b_*`, `unhexlify`) accept `bytes`-like objects or ASCII
//! `str`; the glue turns a `str` into bytes with [`ascii_str_arg`].

pub mod base64;
pub mod qp;
pub mod uu;

pub use base64::{a2b_base64, b2a_base64};
pub use qp::{a2b_qp, b2a_qp};
pub use uu::{a2b_uu, b2a_uu};

use crate::error::{ErrorKind, PyError, PyResult};
use dashu_int::IBig;

pub(crate) fn error(msg: impl Into<String>) -> PyError {
    PyError::new(ErrorKind::BinasciiError, msg)
}

/// A `str` argument of an `a2b_*` function: only ASCII is allowed.
pub fn ascii_str_arg(s: &str) -> PyResult<&[u8]> {
    if s.is_ascii() {
        Ok(s.as_bytes())
    } else {
        Err(PyError::new(
            ErrorKind::ValueError,
            "string argument should contain only ASCII characters",
        ))
    }
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `hexlify(data, sep, bytes_per_sep)` (also `b2a_hex`). `sep` is the separator's code points
/// (a `bytes` separator's byte values); it must be one character, at most U+00FF. A positive
/// `bytes_per_sep` groups bytes from the right, a negative one from the left; zero means no
/// separator.
pub fn hexlify(data: &[u8], sep: Option<&[u32]>, bytes_per_sep: &IBig) -> PyResult<Vec<u8>> {
    let per = i32::try_from(bytes_per_sep).map_err(|_| {
        PyError::new(ErrorKind::OverflowError, "Python int too large to convert to C int")
    })?;
    let sep = match sep {
        None => None,
        Some([c]) if *c > 0xff => {
            return Err(PyError::new(ErrorKind::ValueError, "sep must be ASCII."));
        }
        Some([c]) => Some(*c as u8),
        Some(_) => return Err(PyError::new(ErrorKind::ValueError, "sep must be length 1.")),
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && group > 0
            && i > 0
        {
            // Boundaries count from the end for a positive group, from the start otherwise.
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX_DIGITS[(b >> 4) as usize]);
        out.push(HEX_DIGITS[(b & 0xf) as usize]);
    }
    Ok(out)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// `unhexlify(hexstr)` (also `a2b_hex`).
pub fn unhexlify(data: &[u8]) -> PyResult<Vec<u8>> {
    if !data.len().is_multiple_of(2) {
        return Err(error("Odd-length string"));
    }
    data.chunks_exact(2)
        .map(|p| match (hex_value(p[0]), hex_value(p[1])) {
            (Some(h), Some(l)) => Ok(h << 4 | l),
            _ => Err(error("Non-hexadecimal digit found")),
        })
        .collect()
}

/// The low 32 bits of an int in two's complement, as `unsigned_int(bitwise=True)` takes it.
fn low_bits_u32(v: &IBig) -> u32 {
    let m = v & IBig::from(0xffff_ffffu32);
    u32::try_from(&m).unwrap_or(0)
}

const fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

const CRC32_TABLE: [u32; 256] = crc32_table();

/// `crc32(data, crc=0)`: zlib's CRC-32, continuing from `crc` (any int, taken modulo 2**32).
pub fn crc32(data: &[u8], crc: &IBig) -> u32 {
    let mut c = !low_bits_u32(crc);
    for &b in data {
        c = CRC32_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

const fn crc_hqx_table() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

const CRC_HQX_TABLE: [u16; 256] = crc_hqx_table();

/// `crc_hqx(data, crc)`: the CRC-CCITT (polynomial 0x1021, not reflected) used by binhex,
/// continuing from `crc` (any int, taken modulo 2**16).
pub fn crc_hqx(data: &[u8], crc: &IBig) -> u16 {
    let mut c = low_bits_u32(crc) as u16;
    for &b in data {
        c = (c << 8) ^ CRC_HQX_TABLE[((c >> 8) as u8 ^ b) as usize];
    }
    c
}
