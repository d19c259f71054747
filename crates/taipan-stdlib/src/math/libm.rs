//! The C library functions the `math` module calls that Rust's `f64` methods do not reach:
//! Rust's `cbrt` resolves to compiler-builtins' port rather than the C library's, and there is
//! no stable `ldexp`. (`asinh`, `acosh`, `atanh`, `erf`, `erfc` are computed in `correct`,
//! correctly rounded, as the reference's glibc 2.43 does; older C libraries differ.)

// SAFETY: these are <math.h> functions of the C library Rust links against (`cbrtf64` is
// glibc's ISO/IEC TS 18661-3 name for `cbrt`); each takes and returns plain doubles/ints with no pointers, no
// global state the caller must uphold (errno is written, never read back by us), and is
// defined for every input value, so calling them is always safe.
unsafe extern "C" {
    // glibc's `_Float64` alias: plain `cbrt` is taken by compiler-builtins' own cbrt, which
    // rounds differently from the C library CPython calls.
    #[link_name = "cbrtf64"]
    pub safe fn c_cbrt(x: f64) -> f64;
    #[link_name = "ldexp"]
    pub safe fn c_ldexp(x: f64, e: i32) -> f64;
}

/// C's `ldexp`: `x * 2**e`, correctly rounded.
pub fn ldexp(x: f64, e: i32) -> f64 {
    c_ldexp(x, e)
}
