//! Foundations shared by every Taipan stage.
//!
//! - [`pystr`]: `PyStr`, a string of Unicode code points that may hold lone surrogates (WTF-8).
//! - [`repr`]: CPython's `repr` of `str`, `bytes`, `float` and `complex` values.
//! - [`unicode`]: property look-ups (printable, identifier start/continue) on CPython 3.14's
//!   Unicode 16.0.0 tables, generated into [`unicode_tables`] by `scripts/gen_unicode.py`.
//! - [`unicode_names`]: character names and aliases (`\N{...}`, `unicodedata.name`/`lookup`).

pub mod pystr;
pub mod repr;
pub mod unicode;
pub mod unicode_names;
#[rustfmt::skip]
pub mod unicode_tables;

pub use pystr::PyStr;
