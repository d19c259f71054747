//! Foundations shared by every Taipan stage.
//!
//! - [`pystr`]: `PyStr`, a string of Unicode code points that may hold lone surrogates (WTF-8).
//! - [`repr`]: CPython's `repr` of `str`, `bytes`, `float` and `complex` values.
//! - [`unicode`]: property look-ups (printable, identifier start/continue) on CPython 3.14's
//!   Unicode 16.0.0 tables, generated into [`unicode_tables`] by `scripts/gen_unicode.py`.
//! - [`unicode_names`]: character names and aliases (`\N{...}`, `unicodedata.name`/`lookup`).
//! - [`format_spec`], [`format_number`]: `format()` / f-string / `str.format` specs for str, int,
//!   float and complex; [`float_fmt`]: `PyOS_double_to_string` and the numeric `%`-formatting
//!   core; [`num_parse`]: `float(str)` and `int(str, base)`; [`float_ops`]: `round`, `float.hex`,
//!   `float.fromhex`, `as_integer_ratio` ([`num_tables`] holds their Unicode digit/space data).

pub mod float_fmt;
pub mod float_ops;
pub mod format_number;
pub mod format_spec;
pub mod num_parse;
#[rustfmt::skip]
pub mod num_tables;
pub mod pystr;
pub mod repr;
pub mod unicode;
pub mod unicode_names;
#[rustfmt::skip]
pub mod unicode_tables;

pub use pystr::PyStr;
