//! Helpers shared by the vector-replay tests: loading a vector file and hex conversions.

#![allow(dead_code)]

use std::borrow::Cow;

/// The committed vector file `name`, or the one in `$STDLIB_VECTORS_DIR` when that is set (for
/// wider uncommitted runs of `scripts/gen_stdlib_vectors.py`).
pub fn load(name: &str, committed: &'static str) -> Cow<'static, str> {
    match std::env::var_os("STDLIB_VECTORS_DIR") {
        Some(dir) => {
            let path = std::path::Path::new(&dir).join(name);
            Cow::Owned(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        }
        None => Cow::Borrowed(committed),
    }
}

pub fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

pub fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
