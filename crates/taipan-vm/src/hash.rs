//! CPython's hashes: SipHash-1-3 over the bytes of str (its PEP 393 storage) and bytes, keyed by
//! a per-process secret that honours `PYTHONHASHSEED`; the numeric hash of int and float (reduction
//! modulo 2**61 - 1, so equal numbers hash equal across types); the pointer hash of `object`; the
//! tuple hash (xxHash-based).

use std::sync::OnceLock;

use dashu_int::{IBig, Sign, UBig};
pub use taipan_common::siphash::siphash13;

/// The numeric hash's modulus, the Mersenne prime 2**61 - 1 (`sys.hash_info.modulus`).
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.width` - the bit width of the modulus exponent.
pub const HASH_BITS: u32 = 61;
/// `hash(float('inf'))`.
pub const HASH_INF: isize = 314159;

/// The two SipHash keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSecret {
    pub k0: u64,
    pub k1: u64,
}

impl HashSecret {
    /// The secret for a `PYTHONHASHSEED` value: `None` or `"random"` draws one at random, `"0"`
    /// disables randomisation (both keys zero), any other integer in `0..=4294967295` fills the
    /// secret from CPython's linear congruential generator. Anything else is an error (CPython
    /// refuses to start with it).
    pub fn from_seed_setting(value: Option<&str>) -> Result<HashSecret, String> {
        match value {
            None | Some("random") => Ok(HashSecret::random()),
            Some(s) => {
                let seed: u32 = s.trim().parse().map_err(|_| {
                    "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"
                        .to_string()
                })?;
                Ok(HashSecret::from_seed(seed))
            }
        }
    }

    /// The secret CPython derives from an integer seed.
    pub fn from_seed(seed: u32) -> HashSecret {
        if seed == 0 {
            return HashSecret { k0: 0, k1: 0 };
        }
        // The secret is 24 bytes, of which SipHash uses the first 16 as two little-endian words.
        let mut bytes = [0u8; 24];
        let mut x = seed;
        for b in bytes.iter_mut() {
            x = x.wrapping_mul(214013).wrapping_add(2531011);
            *b = (x >> 16) as u8;
        }
        HashSecret {
            k0: u64::from_le_bytes(bytes[0..8].try_into().expect("8 bytes")),
            k1: u64::from_le_bytes(bytes[8..16].try_into().expect("8 bytes")),
        }
    }

    fn random() -> HashSecret {
        let mut buf = [0u8; 16];
        let read = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
        if read.is_err() {
            // No urandom: fall back on the standard library's own per-process random keys.
            use std::hash::BuildHasher;
            let s = std::collections::hash_map::RandomState::new();
            buf[..8].copy_from_slice(&s.hash_one(1u8).to_le_bytes());
            buf[8..].copy_from_slice(&s.hash_one(2u8).to_le_bytes());
        }
        HashSecret {
            k0: u64::from_le_bytes(buf[0..8].try_into().expect("8 bytes")),
            k1: u64::from_le_bytes(buf[8..16].try_into().expect("8 bytes")),
        }
    }
}

static SECRET: OnceLock<HashSecret> = OnceLock::new();

/// The process's hash secret, read from `PYTHONHASHSEED` on first use (an invalid value falls
/// back to a random secret; the launcher is where CPython's fatal error belongs).
pub fn secret() -> HashSecret {
    *SECRET.get_or_init(|| {
        let v = std::env::var("PYTHONHASHSEED").ok();
        HashSecret::from_seed_setting(v.as_deref()).unwrap_or_else(|_| HashSecret::random())
    })
}

/// Sets the secret before anything was hashed (an embedder's choice); false if it was too late.
pub fn set_secret(s: HashSecret) -> bool {
    SECRET.set(s).is_ok() || *SECRET.get().expect("set") == s
}

/// Maps the reserved value -1 (CPython's error marker) to -2.
#[inline]
pub fn fix_hash(h: isize) -> isize {
    if h == -1 { -2 } else { h }
}

/// `Py_HashBuffer`: SipHash-1-3 of raw bytes; 0 for the empty buffer.
pub fn hash_bytes_with(secret: HashSecret, data: &[u8]) -> isize {
    if data.is_empty() {
        return 0;
    }
    fix_hash(siphash13(secret.k0, secret.k1, data) as i64 as isize)
}

/// `Py_HashBuffer` with the process's secret.
#[inline]
pub fn hash_bytes(data: &[u8]) -> isize {
    hash_bytes_with(secret(), data)
}

/// The hash of an integer that fits in an i64.
#[inline]
pub fn hash_i64(v: i64) -> isize {
    let m = v.unsigned_abs() % MODULUS;
    let h = if v < 0 { -(m as i64) } else { m as i64 };
    fix_hash(h as isize)
}

/// The hash of any integer.
pub fn hash_ibig(v: &IBig) -> isize {
    if let Ok(small) = i64::try_from(v) {
        return hash_i64(small);
    }
    let (sign, mag) = v.clone().into_parts();
    let rem: UBig = mag % UBig::from(MODULUS);
    let m = u64::try_from(&rem).expect("remainder below the modulus") as i64;
    let h = if sign == Sign::Negative { -m } else { m };
    fix_hash(h as isize)
}

/// `_Py_HashPointer`: the address rotated right by 4 bits (objects are 16-aligned in practice,
/// so the low bits carry no information).
#[inline]
pub fn hash_pointer(addr: usize) -> isize {
    fix_hash(addr.rotate_right(4) as isize)
}

/// The hash of a float; a NaN hashes by the identity `id_for_nan` of its object.
pub fn hash_f64(v: f64, id_for_nan: usize) -> isize {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(id_for_nan);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Consume the mantissa 28 bits at a time, multiplying the running value by 2**28 modulo P
    // (a rotation within 61 bits) each step.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    // Multiply by 2**e modulo P, which is a rotation by e modulo 61.
    let e =
        if e >= 0 { e as u32 % HASH_BITS } else { HASH_BITS - 1 - ((-1 - e) as u32 % HASH_BITS) };
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    fix_hash((x as i64 * sign) as isize)
}

/// `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (or `m == 0`), for finite `v`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// The tuple hash (CPython's xxHash-derived `tuplehash`), fed one item hash at a time.
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    pub fn new(len: usize) -> TupleHasher {
        TupleHasher { acc: XXPRIME_5, len: len as u64 }
    }

    #[inline]
    pub fn add(&mut self, lane: isize) {
        self.acc = self.acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
    }

    pub fn finish(self) -> isize {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX { 1546275796 } else { acc as isize }
    }
}
