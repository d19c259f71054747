//! Values of literal tokens (stub).
use crate::ast::Constant;
pub struct StrLiteral;
pub fn parse_number(_text: &str) -> Result<Constant, String> {
    Err(String::new())
}
pub fn decode_string_literal() {}
pub fn decode_fstring_middle() {}
