//! The `.pyc` file: a 16-byte header (magic number, flags, then the source's mtime and size or
//! its hash), followed by the marshalled module code object (PEP 552).

use crate::code::CodeObject;
use crate::marshal;
use crate::opcodes::MAGIC_NUMBER;
use std::sync::Arc;

/// How a `.pyc` records the source it was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// The source's modification time (seconds, truncated to 32 bits) and size.
    Timestamp { mtime: u32, size: u32 },
    /// The SipHash-1-3 of the source (`importlib.util.source_hash`); `check_source` says whether
    /// the import system should check it.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A loaded `.pyc`.
#[derive(Clone, Debug)]
pub struct Pyc {
    pub stamp: Stamp,
    pub code: Arc<CodeObject>,
}

/// Reads a `.pyc`, checking that its magic number is CPython 3.14's.
pub fn read(data: &[u8]) -> Result<Pyc, marshal::Error> {
    let fail = |message: &str| Err(marshal::Error { message: message.into(), offset: 0 });
    if data.len() < 16 {
        return fail("pyc file too short for its header");
    }
    if data[..4] != MAGIC_NUMBER {
        return fail("bad magic number in pyc file");
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let flags = word(4);
    let stamp = match flags {
        0 => Stamp::Timestamp { mtime: word(8), size: word(12) },
        1 | 3 => {
            Stamp::Hash { hash: data[8..16].try_into().expect("8 bytes"), check_source: flags == 3 }
        }
        _ => return fail("invalid flags in pyc header"),
    };
    let code = marshal::load_code(&data[16..])
        .map_err(|e| marshal::Error { offset: e.offset + 16, ..e })?;
    Ok(Pyc { stamp, code })
}

/// `importlib.util.source_hash(source)`: SipHash-1-3 of the source bytes keyed with the magic
/// number (as a little-endian integer, the other key half zero), as the 8 bytes a hash-based
/// `.pyc` header holds.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    let key = u32::from_le_bytes(MAGIC_NUMBER) as u64;
    taipan_common::siphash::siphash13(key, 0, source).to_le_bytes()
}

/// Writes a `.pyc` for `code`.
pub fn write(code: &CodeObject, stamp: Stamp) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(&MAGIC_NUMBER);
    match stamp {
        Stamp::Timestamp { mtime, size } => {
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&mtime.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
        }
        Stamp::Hash { hash, check_source } => {
            out.extend_from_slice(&(1u32 | if check_source { 2 } else { 0 }).to_le_bytes());
            out.extend_from_slice(&hash);
        }
    }
    out.extend_from_slice(&marshal::dump_code(code));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_hash_matches_cpython() {
        // cpython3.14 -c "import importlib.util as u; print(u.source_hash(b''),
        //   u.source_hash(b'x = 1\n'), u.source_hash(bytes(range(256))*3))"
        assert_eq!(&source_hash(b""), b"a\xf5\xb7\xcbe:j\xa4");
        assert_eq!(&source_hash(b"x = 1\n"), b"\x1d\xb2\xb62\\\xa2\x82\xa7");
        let data: Vec<u8> = (0..3).flat_map(|_| 0..=255u8).collect();
        assert_eq!(&source_hash(&data), b"k\xe0\x0bzb\xc4\x84\x8f");
    }

    #[test]
    fn headers() {
        let code = CodeObject::default();
        let t = write(&code, Stamp::Timestamp { mtime: 7, size: 9 });
        assert_eq!(read(&t).unwrap().stamp, Stamp::Timestamp { mtime: 7, size: 9 });
        let h = write(&code, Stamp::Hash { hash: source_hash(b"x"), check_source: true });
        assert_eq!(&h[4..8], &[3, 0, 0, 0]);
        assert_eq!(
            read(&h).unwrap().stamp,
            Stamp::Hash { hash: source_hash(b"x"), check_source: true }
        );
        assert!(read(&t[..10]).is_err());
        let mut bad = t.clone();
        bad[0] ^= 1;
        assert!(read(&bad).is_err());
    }
}
