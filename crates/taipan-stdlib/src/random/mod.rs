//! `_random.Random`'s core: CPython's MT19937 Mersenne Twister, its seeding (from an int, a hash,
//! or OS entropy bytes), `random()`, `getrandbits(k)`, `getstate()`/`setstate()`, plus the small
//! helpers `random.py` builds on it (`randbytes`, `_randbelow`).

use crate::error::{ErrorKind, PyError, PyResult};
use dashu_int::{
    IBig, UBig,
    ops::{BitTest, UnsignedAbs},
};

/// Number of 32-bit words in the generator's state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator: 624 state words and the index of the next word to temper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Default for Mt19937 {
    fn default() -> Self {
        let mut mt = Mt19937 { state: [0; N], index: N };
        mt.init_genrand(19_650_218);
        mt
    }
}

impl Mt19937 {
    /// A generator seeded from a non-negative or negative Python int (`Random(n)`).
    pub fn from_int(seed: &IBig) -> Self {
        let mut mt = Mt19937::default();
        mt.seed_int(seed);
        mt
    }

    /// Fills the state from one 32-bit seed (the reference `init_genrand`).
    pub fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] =
                1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Fills the state from a key of 32-bit words (the reference `init_by_array`).
    /// An empty key behaves as CPython never calls it: like the key `[0]`.
    pub fn init_by_array(&mut self, key: &[u32]) {
        let zero = [0u32];
        let key = if key.is_empty() { &zero[..] } else { key };
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// `seed(n)` for an int: the absolute value split into 32-bit words, least significant
    /// first (zero gives the one-word key `[0]`).
    pub fn seed_int(&mut self, seed: &IBig) {
        let magnitude: UBig = seed.clone().unsigned_abs();
        let bytes = magnitude.to_le_bytes();
        let mut key: Vec<u32> = bytes
            .chunks(4)
            .map(|c| {
                let mut w = [0u8; 4];
                w[..c.len()].copy_from_slice(c);
                u32::from_le_bytes(w)
            })
            .collect();
        while key.len() > 1 && key.last() == Some(&0) {
            key.pop();
        }
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    /// `seed(x)` for a non-int hashable `x`: CPython seeds from `hash(x)` reinterpreted as an
    /// unsigned machine word (`size_t`).
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_int(&IBig::from(hash as u64));
    }

    /// `random.py`'s `seed(a)` (version 2) for `str`, `bytes` or `bytearray` (a `str` as its
    /// UTF-8 bytes): the int `int.from_bytes(a + sha512(a).digest())`, big-endian.
    pub fn seed_bytes_v2(&mut self, a: &[u8]) {
        self.seed_int(&seed_int_from_bytes_v2(a));
    }

    /// `seed(None)`: `entropy` is what the OS gave (CPython asks for 624 * 4 bytes), read as
    /// native-endian (little-endian) 32-bit words; a trailing partial word is ignored.
    pub fn seed_entropy(&mut self, entropy: &[u8]) {
        let key: Vec<u32> =
            entropy.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        self.init_by_array(&key);
    }

    fn regenerate(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// The next tempered 32-bit output.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: a float in [0, 1) with 53 random bits, from two draws.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k >= 0` as unsigned little-endian bytes of `ceil(k / 8)` length:
    /// 32-bit draws fill the words least significant first; the last draw keeps its top bits.
    /// A size the machine cannot hold is `MemoryError`, raised before any draw.
    pub fn getrandbits_bytes(&mut self, k: u64) -> PyResult<Vec<u8>> {
        let words = usize::try_from(k.div_ceil(32)).map_err(|_| memory_error())?;
        let mut out = Vec::new();
        out.try_reserve_exact(words.checked_mul(4).ok_or_else(memory_error)?)
            .map_err(|_| memory_error())?;
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.extend_from_slice(&r.to_le_bytes());
            left = left.saturating_sub(32);
        }
        out.truncate(k.div_ceil(8) as usize);
        Ok(out)
    }

    /// `getrandbits(k)`. A negative `k` is CPython's `ValueError`.
    pub fn getrandbits(&mut self, k: &IBig) -> PyResult<IBig> {
        let k = bit_count_arg(k)?;
        if k == 0 {
            return Ok(IBig::ZERO);
        }
        if k <= 32 {
            return Ok(IBig::from(self.next_u32() >> (32 - k)));
        }
        Ok(IBig::from(UBig::from_le_bytes(&self.getrandbits_bytes(k)?)))
    }

    /// `random.py`'s `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    /// Errors are those of `getrandbits(n * 8)`.
    pub fn randbytes(&mut self, n: &IBig) -> PyResult<Vec<u8>> {
        let bits = bit_count_arg(&(n * IBig::from(8u8)))?;
        let n = (bits / 8) as usize;
        let mut bytes = self.getrandbits_bytes(bits)?;
        bytes.resize(n, 0);
        Ok(bytes)
    }

    /// `random.py`'s `_randbelow_with_getrandbits(n)`: a uniform int in `[0, n)` for `n > 0`,
    /// drawing `n.bit_length()` bits until below `n`. random.py never passes `n <= 0` (its
    /// callers raise first); here that returns 0 without drawing.
    pub fn randbelow(&mut self, n: &IBig) -> PyResult<IBig> {
        if *n <= IBig::ZERO {
            return Ok(IBig::ZERO);
        }
        let k = n.clone().unsigned_abs().bit_len() as u64;
        loop {
            let r = IBig::from(UBig::from_le_bytes(&self.getrandbits_bytes(k)?));
            if r < *n {
                return Ok(r);
            }
        }
    }

    /// `getstate()`: the 624 words followed by the index, as CPython's 625-tuple holds them.
    pub fn getstate(&self) -> Vec<u64> {
        let mut out: Vec<u64> = self.state.iter().map(|&w| w as u64).collect();
        out.push(self.index as u64);
        out
    }

    /// `setstate(state)` for a tuple whose items are all ints (a non-tuple is
    /// `TypeError: state vector must be a tuple`, a non-int item `TypeError: an integer is
    /// required`: the glue checks those). Words are taken modulo 2**32 as CPython does.
    pub fn setstate(&mut self, state: &[IBig]) -> PyResult<()> {
        if state.len() != N + 1 {
            return Err(PyError::new(ErrorKind::ValueError, "state vector is the wrong size"));
        }
        let mut words = [0u32; N];
        for (w, item) in words.iter_mut().zip(state) {
            *w = state_word(item)?;
        }
        let index = &state[N];
        let index = i64::try_from(index).map_err(|_| {
            PyError::new(ErrorKind::OverflowError, "Python int too large to convert to C long")
        })?;
        if !(0..=N as i64).contains(&index) {
            return Err(PyError::new(ErrorKind::ValueError, "invalid state"));
        }
        self.state = words;
        self.index = index as usize;
        Ok(())
    }
}

/// The int `random.py` (version 2) seeds with for `str`/`bytes`/`bytearray` `a`.
pub fn seed_int_from_bytes_v2(a: &[u8]) -> IBig {
    use sha2::{Digest, Sha512};
    let mut all = a.to_vec();
    all.extend_from_slice(&Sha512::digest(a));
    IBig::from(UBig::from_be_bytes(&all))
}

fn memory_error() -> PyError {
    PyError::new(ErrorKind::MemoryError, "")
}

/// A state item as `PyLong_AsUnsignedLong` converts it, then truncated to 32 bits.
fn state_word(item: &IBig) -> PyResult<u32> {
    if *item < IBig::ZERO {
        return Err(PyError::new(
            ErrorKind::OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    let v = u64::try_from(item).map_err(|_| {
        PyError::new(ErrorKind::OverflowError, "Python int too large to convert to C unsigned long")
    })?;
    Ok(v as u32)
}

/// The `k` of `getrandbits(k)` as CPython's argument converter accepts it.
fn bit_count_arg(k: &IBig) -> PyResult<u64> {
    if *k < IBig::ZERO {
        return Err(PyError::new(ErrorKind::ValueError, "Cannot convert negative int"));
    }
    u64::try_from(k)
        .map_err(|_| PyError::new(ErrorKind::OverflowError, "Python int too large for C uint64_t"))
}
