//! `python -m tokenize FILE`: the token listing and the error line it prints.

use super::decode::{decode_with, detect_encoding};
use super::kinds::TokenKind;
use super::lexer::Tokenizer;
use super::{TokenizerOptions, Warning};
use crate::errors::{SyntaxError, SyntaxErrorKind};
use std::fmt::Write;
use taipan_common::repr::repr_str;

/// Exactly what `python -m tokenize FILE` prints on stdout for a file holding `source`.
pub fn tokenize_listing(source: &[u8]) -> Result<String, SyntaxError> {
    tokenize_listing_with_warnings(source).0
}

/// [`tokenize_listing`], and the SyntaxWarnings the tokenizer emits meanwhile (`\{` in an
/// f-string), which `python -m tokenize` prints on stderr as `<string>:LINE: SyntaxWarning: MSG`.
pub fn tokenize_listing_with_warnings(
    source: &[u8],
) -> (Result<String, SyntaxError>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let r = listing_inner(source, &mut warnings);
    (r, warnings)
}

fn listing_inner(source: &[u8], warnings: &mut Vec<Warning>) -> Result<String, SyntaxError> {
    let (encoding, body) = detect_encoding(source)?;
    let text = decode_with(&encoding, body)?;
    let mut out = String::with_capacity(text.len() * 4);
    push_line(&mut out, 0, 0, 0, 0, "ENCODING", &repr_str(&encoding));

    let starts = line_starts(&text);
    let char_col = |line: u32, col: u32| -> u32 {
        let ls = if line == 0 {
            0
        } else {
            starts.get(line as usize - 1).copied().unwrap_or(text.len())
        };
        let b = text.as_bytes();
        let end = (ls + col as usize).min(b.len());
        let n = b[ls.min(end)..end].iter().filter(|&&c| (c & 0xc0) != 0x80).count();
        (n + (ls + col as usize - end.max(ls))) as u32
    };

    let opts = TokenizerOptions { type_comments: false, extra_tokens: true };
    let mut tok = Tokenizer::new(&text, opts);
    loop {
        let t = tok.next_token();
        warnings.append(&mut tok.take_warnings());
        let t = t?;
        let name = listing_name(t.kind);
        let s = &text[t.start as usize..t.end as usize];
        let (l, c, el, ec) = if t.kind == TokenKind::Endmarker
            || (t.kind == TokenKind::Dedent && t.col_offset == 0 && t.end_col_offset == 0)
        {
            (t.lineno, t.col_offset, t.end_lineno, t.end_col_offset)
        } else {
            (
                t.lineno,
                char_col(t.lineno, t.col_offset),
                t.end_lineno,
                char_col(t.end_lineno, t.end_col_offset),
            )
        };
        push_line(&mut out, l, c, el, ec, name, &repr_str(s));
        if t.kind == TokenKind::Endmarker {
            break;
        }
    }
    Ok(out)
}

fn push_line(out: &mut String, l: u32, c: u32, el: u32, ec: u32, name: &str, repr: &str) {
    let range = format!("{l},{c}-{el},{ec}:");
    let _ = writeln!(out, "{range:<20}{name:<15}{repr:<15}");
}

/// The token name `tokenize` prints: operators (and `!`) as OP, keywords as NAME.
fn listing_name(kind: TokenKind) -> &'static str {
    let n = kind.cpython_type();
    if n > TokenKind::Dedent as u8 && n < TokenKind::Op as u8 { "OP" } else { kind.cpython_name() }
}

/// Byte offsets where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
    v
}

/// The line `python -m tokenize FILENAME` prints on stderr for a tokenizer error.
pub fn listing_error_line(e: &SyntaxError, filename: &str) -> String {
    if e.lineno == Some(0) && e.offset == Some(0) && e.text.is_none() {
        let msg = e.msg.replace("'<file>'", &repr_str(filename));
        return format!("{filename}: error: {msg}");
    }
    let msg = e.msg.replace("'<file>'", &repr_str(filename));
    let mut msg = msg.as_str();
    if e.kind == SyntaxErrorKind::SyntaxError
        && msg.contains("unterminated triple-quoted string literal")
    {
        msg = "EOF in multi-line string";
    }
    let lineno = crate::errors::opt_str(e.lineno);
    let offset = crate::errors::opt_str(e.offset);
    format!("{filename}:{lineno}:{offset}: error: {msg}")
}

/// All tokens of `source` (parser mode) up to ENDMARKER or the first error; for tests and tools.
pub fn tokenize_all(
    source: &str,
    opts: TokenizerOptions,
) -> (Vec<super::Token>, Vec<Warning>, Option<SyntaxError>) {
    let mut tok = Tokenizer::new(source, opts);
    let mut out = Vec::new();
    loop {
        match tok.next_token() {
            Ok(t) => {
                out.push(t);
                if t.kind == TokenKind::Endmarker {
                    return (out, tok.take_warnings(), None);
                }
            }
            Err(e) => return (out, tok.take_warnings(), Some(e)),
        }
    }
}

/// One token as `_tokenize.TokenizerIter` yields it: `(type, string, (line, col), (end_line,
/// end_col), line)`, columns in characters, `line` the physical line(s) the token spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenTuple {
    pub type_: u8,
    pub string: String,
    pub start: (u32, i64),
    pub end: (u32, i64),
    pub line: String,
}

/// The tokens `_tokenize.TokenizerIter` yields for decoded `text`, up to the first error
/// (returned with them). With `extra_tokens`, the `tokenize` module's view: COMMENT and NL
/// tokens, operators as OP.
pub fn tokenize_tuples(text: &str, extra_tokens: bool) -> (Vec<TokenTuple>, Option<SyntaxError>) {
    let starts = line_starts(text);
    let line_span = |l: u32, el: u32| -> String {
        if l == 0 || l as usize > starts.len() {
            return String::new();
        }
        let a = starts[l as usize - 1];
        let b = starts.get(el.max(l) as usize).copied().unwrap_or(text.len());
        text[a.min(text.len())..b.min(text.len())].to_string()
    };
    let char_col = |line: u32, col: u32| -> i64 {
        let ls = if line == 0 {
            0
        } else {
            starts.get(line as usize - 1).copied().unwrap_or(text.len())
        };
        let b = text.as_bytes();
        let end = (ls + col as usize).min(b.len());
        let n = b[ls.min(end)..end].iter().filter(|&&c| (c & 0xc0) != 0x80).count();
        (n + (ls + col as usize - end.max(ls))) as i64
    };
    let opts = TokenizerOptions { type_comments: false, extra_tokens };
    let mut tok = Tokenizer::new(text, opts);
    let mut out = Vec::new();
    loop {
        let t = match tok.next_token() {
            Ok(t) => t,
            Err(e) => return (out, Some(e)),
        };
        let s = &text[t.start as usize..t.end as usize];
        let n = t.kind.cpython_type();
        let type_ = if extra_tokens && n > TokenKind::Dedent as u8 && n < TokenKind::Op as u8 {
            TokenKind::Op as u8
        } else {
            n
        };
        let (l, c, el, ec) = if t.kind == TokenKind::Endmarker
            || (t.kind == TokenKind::Dedent && t.col_offset == 0 && t.end_col_offset == 0)
        {
            (t.lineno, t.col_offset as i64, t.end_lineno, t.end_col_offset as i64)
        } else {
            (
                t.lineno,
                char_col(t.lineno, t.col_offset),
                t.end_lineno,
                char_col(t.end_lineno, t.end_col_offset),
            )
        };
        let line = if t.kind == TokenKind::Endmarker { String::new() } else { line_span(l, el) };
        out.push(TokenTuple { type_, string: s.to_string(), start: (l, c), end: (el, ec), line });
        if t.kind == TokenKind::Endmarker {
            return (out, None);
        }
    }
}
