//! The C library functions the `math` module calls that Rust's `f64` methods do not reach:
//! Rust's `cbrt` resolves to compiler-builtins' port rather than the C library's, and there is
//! no stable `ldexp`. (`asinh`, `acosh`, `atanh`, `erf`, `erfc` are computed in `correct`,
//! correctly rounded, as the reference's glibc 2.43 does; older C libraries differ.)

// SAFETY: `ldexp` is a <math.h> function of the C library Rust links against; it takes and
// returns plain values (no pointers), relies on no state the caller must uphold (it may write
// errno, which we never read), and is defined for every input, so every call is safe.
unsafe extern "C" {
    #[link_name = "ldexp"]
    pub safe fn c_ldexp(x: f64, e: i32) -> f64;
}

// glibc's `_Float64` alias of `cbrt`: plain `cbrt` is taken by compiler-builtins' own cbrt,
// which rounds differently from the C library CPython calls.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
// SAFETY: as above; `cbrtf64` (glibc >= 2.27) is `cbrt` under its ISO/IEC TS 18661-3 name.
unsafe extern "C" {
    #[link_name = "cbrtf64"]
    safe fn cbrtf64(x: f64) -> f64;
}

/// The C library's `cbrt` (CPython's `math.cbrt`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn cbrt(x: f64) -> f64 {
    cbrtf64(x)
}

/// Elsewhere: Rust's `cbrt` (which may differ from the platform's C library in the last bit).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn cbrt(x: f64) -> f64 {
    x.cbrt()
}

/// C's `ldexp`: `x * 2**e`, correctly rounded.
pub fn ldexp(x: f64, e: i32) -> f64 {
    c_ldexp(x, e)
}
