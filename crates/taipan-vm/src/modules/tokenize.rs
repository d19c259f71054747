//! The `_tokenize` module: `TokenizerIter`, the iterator over a source's tokens that
//! `tokenize.py` (3.12+) is built on. The class is written in Python (`py/tokenize.py`: it reads
//! the source through `readline` and decodes it); the tokens come from Taipan's tokenizer
//! through the native `_tokenize_text` defined here.

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::new_builtin_function;
use crate::types::int::new_int_i64;
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};
use crate::types::tuple::new_tuple;

const SOURCE: &str = include_str!("py/tokenize.py");

/// `_tokenize_text(text, extra_tokens)`: `(tokens, error)`, the token tuples up to the first
/// error and that error (a `SyntaxError` instance) or None.
fn tokenize_text(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_tokenize_text")?;
    a.count("_tokenize_text", 2, 2)?;
    let text = Str::new(args[0].as_ref())
        .ok_or_else(|| PyErr::type_error("_tokenize_text() needs a str"))?
        .to_string_lossy();
    let extra = crate::ops::is_true(args[1].as_ref())?;
    let (tokens, err) = taipan_parser::tokenizer::tokenize_tuples(&text, extra);
    let pos = |(l, c): (u32, i64)| new_tuple(vec![new_int_i64(i64::from(l)), new_int_i64(c)]);
    let items = tokens
        .into_iter()
        .map(|t| {
            new_tuple(vec![
                new_int_i64(i64::from(t.type_)),
                new_str(&t.string),
                pos(t.start),
                pos(t.end),
                new_str(&t.line),
            ])
        })
        .collect();
    let err = match err {
        Some(mut e) => {
            if e.kind == taipan_parser::SyntaxErrorKind::IndentationError {
                // The tokenizer's IndentationError carries no end position.
                e.end_lineno = None;
                e.end_offset = None;
            }
            crate::builtins::framefns::syntax_error(e.into(), "<string>", &text).into_instance()
        }
        None => none(),
    };
    Ok(new_tuple(vec![new_list(items), err]))
}

/// Makes the `_tokenize` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_tokenize");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str("_tokenize_text", new_builtin_function("_tokenize_text", tokenize_text))?;
    let code = crate::import::path::compile_bytes(SOURCE.as_bytes(), "<frozen _tokenize>")?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}
