//! The C library functions the `math` module calls that Rust's `f64` methods do not forward to
//! the platform's libm (Rust computes `asinh`/`acosh`/`atanh` itself, its `cbrt` may resolve to
//! compiler-builtins' port rather than the C library's, and it has no stable `erf`, `erfc` or
//! `ldexp`). CPython uses the platform's, so we call the same ones.

// SAFETY: these are the C99 <math.h> functions, present in every libm Rust links against on
// the platforms we build for; each takes and returns plain doubles/ints with no pointers, no
// global state the caller must uphold (errno is written, never read back by us), and is
// defined for every input value, so calling them is always safe.
unsafe extern "C" {
    #[link_name = "asinh"]
    pub safe fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    pub safe fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    pub safe fn c_atanh(x: f64) -> f64;
    #[link_name = "erf"]
    pub safe fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    pub safe fn c_erfc(x: f64) -> f64;
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
