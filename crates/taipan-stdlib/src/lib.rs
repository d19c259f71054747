//! Taipan's native standard-library modules, one folder per module.
//!
//! Each module will become a Python module built on the VM's object API. Today each folder holds
//! the module's pure core: plain Rust over Rust values (`f64`, `i64`, `dashu_int::IBig`,
//! `&[u8]`) giving CPython 3.14's exact results, and CPython's exact errors as [`error::PyError`]
//! (which Python exception, and its message), so that the VM glue only converts arguments and
//! results.
//!
//! - [`math`]: `math` (its own error type, `math::MathError`).
//! - [`random`]: `_random.Random` (the Mersenne Twister, seeding, `getrandbits`, state).
//! - [`struct_`]: `_struct` (format parsing, `calcsize`, `pack`, `unpack`).
//! - [`binascii`]: `binascii` (hex, base64, quoted-printable, uuencode, CRCs).
//! - [`error`]: [`error::PyError`], the exception class and message a core reports.
//!
//! Tests replay vectors that `scripts/gen_stdlib_vectors.py` (and `gen_math_vectors.py`) write
//! from CPython 3.14 into `tests/data/`.

pub mod binascii;
pub mod error;
pub mod math;
pub mod random;
pub mod struct_;
