//! f-string and t-string literals (PEP 701/750): the mode stack entries and the tokenizer's
//! f-string mode, which produces FSTRING_MIDDLE/TSTRING_MIDDLE pieces between replacement fields
//! and the closing FSTRING_END/TSTRING_END (CPython's `tok_get_fstring_mode`).

use super::kinds::TokenKind;
use super::lexer::{EOF, Lex, MAXFSTRINGLEVEL, Tokenizer};
use super::token::Token;

/// `f"{x:{y:{z:{w}}}}"`: replacement fields may nest this deep.
const MAX_EXPR_NESTING: i32 = 3;

/// One open f-/t-string literal.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FMode {
    /// In literal text (true) or in a replacement field's expression (false).
    pub fstring_kind: bool,
    pub quote: u8,
    pub quote_size: i32,
    pub raw: bool,
    pub is_t: bool,
    /// Byte offset of the literal's first prefix character.
    pub start: usize,
    pub multi_line_start: usize,
    pub line_start_lineno: u32,
    pub curly_depth: i32,
    pub expr_start_depth: i32,
    pub in_format_spec: bool,
    pub debug: bool,
}

impl FMode {
    /// `f` or `t`, for error messages.
    pub fn prefix(&self) -> char {
        if self.is_t { 't' } else { 'f' }
    }

    fn middle_kind(&self) -> TokenKind {
        if self.is_t { TokenKind::TstringMiddle } else { TokenKind::FstringMiddle }
    }
}

impl Tokenizer<'_> {
    /// The prefix `start..pos-1` and the opening quote `quote` were read.
    pub(crate) fn fstring_start(&mut self, quote: i32, is_t: bool) -> Lex<Token> {
        let mut quote_size = 1;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let after = self.nextc();
        if after == quote {
            let after2 = self.nextc();
            if after2 == quote {
                quote_size = 3;
            } else {
                self.backup(after2);
                self.backup(after);
            }
        } else {
            self.backup(after);
        }
        if self.modes.len() + 1 >= MAXFSTRINGLEVEL {
            self.syntax_error("too many nested f-strings or t-strings".into());
            return Err(());
        }
        let prefix = &self.b[self.start..self.pos];
        let raw = prefix.iter().any(|&b| b == b'r' || b == b'R');
        self.modes.push(FMode {
            fstring_kind: true,
            quote: quote as u8,
            quote_size,
            raw,
            is_t,
            start: self.start,
            multi_line_start: self.line_start,
            line_start_lineno: self.lineno,
            curly_depth: 0,
            expr_start_depth: -1,
            in_format_spec: false,
            debug: false,
        });
        let kind = if is_t { TokenKind::TstringStart } else { TokenKind::FstringStart };
        Ok(self.make(kind, self.start, self.pos))
    }

    /// The next token while in an f-string's literal text.
    pub(crate) fn get_fstring(&mut self) -> Lex<Token> {
        let p0 = self.pos;
        self.set_start(p0);
        // Lines read from here on belong to this token's buffer.
        self.first_lineno = self.lineno;
        let mut m = *self.modes.last().unwrap();

        // A replacement field right away: nothing to tokenize here.
        let start_char = self.nextc();
        if start_char == b'{' as i32 {
            let peek1 = self.nextc();
            self.backup(peek1);
            self.backup(start_char);
            if peek1 != b'{' as i32 {
                m.expr_start_depth += 1;
                if m.expr_start_depth >= MAX_EXPR_NESTING {
                    *self.modes.last_mut().unwrap() = m;
                    self.syntax_error(format!(
                        "{}-string: expressions nested too deeply",
                        m.prefix()
                    ));
                    return Err(());
                }
                m.fstring_kind = false;
                *self.modes.last_mut().unwrap() = m;
                return self.get_normal();
            }
        } else {
            self.backup(start_char);
        }

        // The end of the literal?
        let mut at_end = true;
        for _ in 0..m.quote_size {
            let q = self.nextc();
            if q != m.quote as i32 {
                self.backup(q);
                at_end = false;
                break;
            }
        }
        if at_end {
            self.modes.pop();
            let kind = if m.is_t { TokenKind::TstringEnd } else { TokenKind::FstringEnd };
            return Ok(self.make(kind, self.start, self.pos));
        }
        // Quotes matched before the mismatch stay consumed: they are literal text.
        self.multi_line_start = self.line_start;
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        let kind = m.middle_kind();
        while end_quote_size != m.quote_size {
            let c = self.nextc();
            if self.error.is_some() {
                return Err(());
            }
            let in_format_spec = m.in_format_spec && m.expr_start_depth >= 0;
            if c == EOF || (m.quote_size == 1 && c == b'\n' as i32) {
                if in_format_spec && c == b'\n' as i32 {
                    if m.quote_size == 1 {
                        let p = m.prefix();
                        self.syntax_error(format!(
                            "{p}-string: newlines are not allowed in format specifiers for single quoted {p}-strings"
                        ));
                        return Err(());
                    }
                    self.backup(c);
                    let top = self.modes.last_mut().unwrap();
                    top.fstring_kind = false;
                    top.in_format_spec = false;
                    return Ok(self.make(kind, self.start, self.pos));
                }
                let detected = self.lineno;
                self.pos = m.start + 1;
                self.line_start = m.multi_line_start;
                self.lineno = m.line_start_lineno;
                let p = m.prefix();
                let msg = if m.quote_size == 3 {
                    format!(
                        "unterminated triple-quoted {p}-string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated {p}-string literal (detected at line {detected})")
                };
                self.syntax_error(msg);
                return Err(());
            }
            if c == m.quote as i32 {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;

            if c == b'{' as i32 {
                let peek = self.nextc();
                if peek != b'{' as i32 || in_format_spec {
                    self.backup(peek);
                    self.backup(c);
                    let top = self.modes.last_mut().unwrap();
                    top.expr_start_depth += 1;
                    if top.expr_start_depth >= MAX_EXPR_NESTING {
                        let p = top.prefix();
                        self.syntax_error(format!("{p}-string: expressions nested too deeply"));
                        return Err(());
                    }
                    top.fstring_kind = false;
                    top.in_format_spec = false;
                    return Ok(self.make(kind, self.start, self.pos));
                }
                return Ok(self.make(kind, self.start, self.pos - 1));
            } else if c == b'}' as i32 {
                if unicode_escape {
                    return Ok(self.make(kind, self.start, self.pos));
                }
                let peek = self.nextc();
                if peek == b'}' as i32 && !in_format_spec && m.curly_depth == 0 {
                    return Ok(self.make(kind, self.start, self.pos - 1));
                }
                self.backup(peek);
                self.backup(c);
                let top = self.modes.last_mut().unwrap();
                top.fstring_kind = false;
                top.in_format_spec = false;
                return Ok(self.make(kind, self.start, self.pos));
            } else if c == b'\\' as i32 {
                let mut peek = self.nextc();
                if peek == b'\r' as i32 {
                    peek = self.nextc();
                }
                if peek == b'{' as i32 || peek == b'}' as i32 {
                    if !m.raw {
                        let ch = peek as u8 as char;
                        self.warn(format!(
                            "\"\\{ch}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{ch}\"? A raw string is also an option."
                        ));
                    }
                    self.backup(peek);
                    continue;
                }
                if !m.raw && peek == b'N' as i32 {
                    let p2 = self.nextc();
                    if p2 == b'{' as i32 {
                        unicode_escape = true;
                    } else {
                        self.backup(p2);
                    }
                }
            }
        }
        // Leave the closing quotes for FSTRING_END.
        for _ in 0..m.quote_size {
            self.backup(m.quote as i32);
        }
        Ok(self.make(kind, self.start, self.pos))
    }
}
