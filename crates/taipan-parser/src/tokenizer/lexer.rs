//! The tokenizer's state and its normal mode (everything outside f-/t-string literal text):
//! indentation, names, numbers, strings, operators, brackets, comments and the errors CPython's
//! lexer (`Parser/lexer/lexer.c`) raises for them, with its positions.
//!
//! The text is read byte by byte. Lines are "read" lazily as in CPython: the line number advances
//! when the first byte of a new line is fetched, so positions and the "detected at line N" numbers
//! match CPython's. A source that does not end in a newline gets a virtual `\n` at its end (CPython
//! adds a real one); token byte offsets never point past the real text.

use super::fstring::FMode;
use super::kinds::TokenKind;
use super::token::Token;
use super::{TokenizerOptions, Warning};
use crate::errors::{SyntaxError, SyntaxErrorKind};

pub(crate) const EOF: i32 = -1;
const TABSIZE: u32 = 8;
const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;
pub(crate) const MAXFSTRINGLEVEL: usize = 150;

/// Errors that CPython's tokenizer reports as a `tok->done` code rather than raising them, so that
/// its parser builds the exception (and, re-tokenizing after a syntax error to look for a better
/// one, ignores most of them). See [`Tokenizer::done_code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// End of input inside a statement (`E_EOF` with an error token).
    Eof,
    /// `E_LINECONT`: something other than a newline after a backslash.
    LineCont,
    /// `E_DEDENT`: an unindent to no outer level.
    Dedent,
    /// `E_TABSPACE`.
    TabSpace,
    /// `E_TOODEEP`.
    TooDeep,
}

/// Tokens of `source`, pulled one at a time with [`Tokenizer::next_token`].
pub struct Tokenizer<'a> {
    pub(crate) src: &'a str,
    pub(crate) b: &'a [u8],
    pub(crate) opts: TokenizerOptions,
    /// `b.len()` plus one for the virtual final newline, if any.
    pub(crate) end: usize,
    pub(crate) pos: usize,
    pub(crate) line_start: usize,
    line_end: usize,
    pub(crate) lineno: u32,
    /// Whether the end of input has been reached (`tok->done == E_EOF`).
    pub(crate) at_eof: bool,
    /// Start of CPython's line buffer in readline mode (for `python -m tokenize` EOF errors).
    buf_start: usize,
    in_token: bool,
    // Current token.
    pub(crate) start: usize,
    pub(crate) start_col: u32,
    pub(crate) first_lineno: u32,
    pub(crate) multi_line_start: usize,
    // Indentation.
    atbol: bool,
    pendin: i32,
    indstack: Vec<u32>,
    altindstack: Vec<u32>,
    // Brackets: (char, line, byte column).
    pub(crate) parens: Vec<(u8, u32, u32)>,
    comment_newline: bool,
    pub(crate) modes: Vec<FMode>,
    pub(crate) error: Option<SyntaxError>,
    /// Set when `error` came from a `tok->done` code.
    done_code: Option<Stop>,
    finished: Option<Token>,
    pub(crate) warnings: Vec<Warning>,
}

pub(crate) fn is_potential_identifier_start(c: i32) -> bool {
    (c >= b'a' as i32 && c <= b'z' as i32)
        || (c >= b'A' as i32 && c <= b'Z' as i32)
        || c == b'_' as i32
        || c >= 128
}

pub(crate) fn is_potential_identifier_char(c: i32) -> bool {
    is_potential_identifier_start(c) || (c >= b'0' as i32 && c <= b'9' as i32)
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn is_xdigit(c: i32) -> bool {
    is_digit(c)
        || (b'a' as i32..=b'f' as i32).contains(&c)
        || (b'A' as i32..=b'F' as i32).contains(&c)
}

fn one_char(c: i32) -> TokenKind {
    use TokenKind::*;
    match c as u8 {
        b'!' => Exclamation,
        b'%' => Percent,
        b'&' => Amper,
        b'(' => Lpar,
        b')' => Rpar,
        b'*' => Star,
        b'+' => Plus,
        b',' => Comma,
        b'-' => Minus,
        b'.' => Dot,
        b'/' => Slash,
        b':' => Colon,
        b';' => Semi,
        b'<' => Less,
        b'=' => Equal,
        b'>' => Greater,
        b'@' => At,
        b'[' => Lsqb,
        b']' => Rsqb,
        b'^' => Circumflex,
        b'{' => Lbrace,
        b'|' => Vbar,
        b'}' => Rbrace,
        b'~' => Tilde,
        _ => Op,
    }
}

fn two_chars(c1: i32, c2: i32) -> Option<TokenKind> {
    use TokenKind::*;
    if c2 < 0 {
        return None;
    }
    Some(match (c1 as u8, c2 as u8) {
        (b'!', b'=') => Notequal,
        (b'%', b'=') => Percentequal,
        (b'&', b'=') => Amperequal,
        (b'*', b'*') => Doublestar,
        (b'*', b'=') => Starequal,
        (b'+', b'=') => Plusequal,
        (b'-', b'=') => Minequal,
        (b'-', b'>') => Rarrow,
        (b'/', b'/') => Doubleslash,
        (b'/', b'=') => Slashequal,
        (b':', b'=') => Colonequal,
        (b'<', b'<') => Leftshift,
        (b'<', b'=') => Lessequal,
        (b'<', b'>') => Notequal,
        (b'=', b'=') => Eqequal,
        (b'>', b'=') => Greaterequal,
        (b'>', b'>') => Rightshift,
        (b'@', b'=') => Atequal,
        (b'^', b'=') => Circumflexequal,
        (b'|', b'=') => Vbarequal,
        _ => return None,
    })
}

fn three_chars(c1: i32, c2: i32, c3: i32) -> Option<TokenKind> {
    use TokenKind::*;
    if c3 < 0 {
        return None;
    }
    Some(match (c1 as u8, c2 as u8, c3 as u8) {
        (b'*', b'*', b'=') => Doublestarequal,
        (b'.', b'.', b'.') => Ellipsis,
        (b'/', b'/', b'=') => Doubleslashequal,
        (b'<', b'<', b'=') => Leftshiftequal,
        (b'>', b'>', b'=') => Rightshiftequal,
        _ => return None,
    })
}

/// Whether a kind's start line is the line its literal began on (CPython's `ISSTRINGLIT`).
pub(crate) fn is_string_lit(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::String | TokenKind::FstringMiddle | TokenKind::TstringMiddle)
}

/// Result alias: errors are stored in the tokenizer and reported by `next_token`.
pub(crate) type Lex<T> = Result<T, ()>;

impl<'a> Tokenizer<'a> {
    /// A tokenizer over decoded source text. Newlines should be `\n` (see
    /// [`super::normalize_newlines`]); `\r\n` is also understood, as CPython's readline mode does.
    pub fn new(source: &'a str, opts: TokenizerOptions) -> Tokenizer<'a> {
        let b = source.as_bytes();
        let virt = !b.is_empty() && *b.last().unwrap() != b'\n';
        Tokenizer {
            src: source,
            b,
            opts,
            end: b.len() + virt as usize,
            pos: 0,
            line_start: 0,
            line_end: 0,
            lineno: 0,
            at_eof: false,
            buf_start: 0,
            in_token: false,
            start: 0,
            start_col: 0,
            first_lineno: 0,
            multi_line_start: 0,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            parens: Vec::new(),
            comment_newline: false,
            modes: Vec::new(),
            error: None,
            done_code: None,
            finished: None,
            warnings: Vec::new(),
        }
    }

    /// The source text being tokenized.
    pub fn source(&self) -> &'a str {
        self.src
    }

    /// SyntaxWarnings found so far (invalid number endings like `1if`, `\{` in f-strings).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Takes the warnings found so far.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// The current bracket nesting level.
    pub fn level(&self) -> usize {
        self.parens.len()
    }

    /// The innermost open bracket: its character, line and byte column (CPython's
    /// `parenstack`/`parenlinenostack`/`parencolstack` top).
    pub fn innermost_open_bracket(&self) -> Option<(char, u32, u32)> {
        self.parens.last().map(|&(c, l, col)| (c as char, l, col))
    }

    /// If the error returned last came from a `tok->done` code (end of input inside a statement,
    /// a bad line continuation, inconsistent dedent/tabs, too deep indentation), which one; `None`
    /// for errors the tokenizer raises itself. CPython's check of the rest of the source after a
    /// generic "invalid syntax" only acts on [`Stop::Eof`] inside brackets (reporting the unclosed
    /// bracket if it opened before the error's line) and ignores the other codes.
    pub fn done_code(&self) -> Option<Stop> {
        self.done_code
    }

    /// The next token. After ENDMARKER, ENDMARKER again; after an error, the same error.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if let Some(t) = self.finished {
            return Ok(t);
        }
        let r = if self.modes.last().is_some_and(|m| m.fstring_kind) {
            self.get_fstring()
        } else {
            self.get_normal()
        };
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        match r {
            Ok(t) => {
                if t.kind == TokenKind::Endmarker {
                    self.finished = Some(t);
                }
                Ok(t)
            }
            Err(()) => {
                // Every error path records its error; this is a safety net.
                let e = self.make_error(SyntaxErrorKind::SyntaxError, "invalid token".into(), 0, 0);
                self.error = Some(e.clone());
                Err(e)
            }
        }
    }

    // ----- reading -----

    #[inline]
    fn byte(&self, i: usize) -> i32 {
        if i < self.b.len() {
            self.b[i] as i32
        } else if i < self.end {
            b'\n' as i32
        } else {
            EOF
        }
    }

    /// The next byte, reading a new line when the current one is used up (`tok_nextc`).
    #[inline]
    pub(crate) fn nextc(&mut self) -> i32 {
        if self.pos < self.line_end {
            let c = self.byte(self.pos);
            self.pos += 1;
            return c;
        }
        self.underflow()
    }

    #[cold]
    fn underflow(&mut self) -> i32 {
        if self.error.is_some() || self.at_eof {
            return EOF;
        }
        if !self.in_token && self.modes.is_empty() {
            self.buf_start = self.pos;
        }
        if self.pos >= self.end {
            self.at_eof = true;
            return EOF;
        }
        self.lineno += 1;
        self.line_start = self.pos;
        let (nl, has_nul) = scan_line(self.b, self.pos);
        self.line_end = if nl < self.b.len() { nl + 1 } else { self.end };
        if has_nul {
            self.syntax_error("source code cannot contain null bytes".into());
            self.pos = self.line_end;
            return EOF;
        }
        let c = self.byte(self.pos);
        self.pos += 1;
        c
    }

    #[inline]
    pub(crate) fn backup(&mut self, c: i32) {
        if c != EOF {
            self.pos -= 1;
        }
    }

    #[inline]
    pub(crate) fn set_start(&mut self, p: usize) {
        self.start = p;
        self.start_col = (p - self.line_start) as u32;
        self.in_token = true;
    }

    pub(crate) fn col(&self) -> u32 {
        (self.pos - self.line_start) as u32
    }

    // ----- tokens -----

    /// A token spanning `p_start..p_end`, positioned as CPython's parser or (in extra mode) its
    /// `tokenize` module reports it.
    pub(crate) fn make(&self, kind: TokenKind, p_start: usize, p_end: usize) -> Token {
        let lineno = if is_string_lit(kind) { self.first_lineno } else { self.lineno };
        let (col, end_col) = if self.opts.extra_tokens {
            let base = if is_string_lit(kind) { self.multi_line_start } else { self.line_start };
            let mut end_col = p_end.saturating_sub(self.line_start) as u32;
            if kind == TokenKind::Newline {
                end_col += 1;
            }
            (p_start.saturating_sub(base) as u32, end_col)
        } else {
            (self.start_col, self.col())
        };
        let (s, e) = if self.opts.extra_tokens && kind == TokenKind::Newline {
            (p_start, self.pos)
        } else {
            (p_start, p_end)
        };
        Token {
            kind,
            start: s.min(self.b.len()) as u32,
            end: e.min(self.b.len()) as u32,
            lineno,
            col_offset: col,
            end_lineno: self.lineno,
            end_col_offset: end_col,
        }
    }

    /// A token without text (INDENT/DEDENT in parser mode, ENDMARKER): CPython gives it column
    /// -1 and its parser then reports the tokenizer's current column; that column is used here.
    fn make_empty(&self, kind: TokenKind) -> Token {
        let p = self.pos.min(self.b.len()) as u32;
        if self.opts.extra_tokens && (kind == TokenKind::Endmarker || self.at_eof) {
            let l = self.lineno + 1;
            return Token {
                kind,
                start: p,
                end: p,
                lineno: l,
                col_offset: 0,
                end_lineno: l,
                end_col_offset: 0,
            };
        }
        let col = self.col();
        Token {
            kind,
            start: p,
            end: p,
            lineno: self.lineno,
            col_offset: col,
            end_lineno: self.lineno,
            end_col_offset: col,
        }
    }

    // ----- errors -----

    /// The current line's text, without its newline.
    pub(crate) fn line_text(&self, line_start: usize) -> String {
        let ls = line_start.min(self.b.len());
        let rest = &self.b[ls..];
        let n = memchr(b'\n', rest).unwrap_or(rest.len());
        String::from_utf8_lossy(&rest[..n]).into_owned()
    }

    /// Characters between `from` and `to` (virtual newline counted as one).
    pub(crate) fn chars_between(&self, from: usize, to: usize) -> i32 {
        let real_to = to.min(self.b.len());
        let from = from.min(real_to);
        let n = self.b[from..real_to].iter().filter(|&&b| (b & 0xc0) != 0x80).count();
        (n + (to - real_to.max(from))) as i32
    }

    pub(crate) fn make_error(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        offset: i32,
        end_offset: i32,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            msg,
            lineno: Some(self.lineno as i32),
            offset: Some(offset),
            end_lineno: Some(self.lineno as i32),
            end_offset: Some(end_offset),
            text: Some(self.line_text(self.line_start)),
        }
    }

    pub(crate) fn fail(&mut self, e: SyntaxError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// `_PyTokenizer_syntaxerror`: at the current position (its character count on the line).
    pub(crate) fn syntax_error(&mut self, msg: String) {
        let off = self.chars_between(self.line_start, self.pos);
        let e = self.make_error(SyntaxErrorKind::SyntaxError, msg, off, off);
        self.fail(e);
    }

    /// `_PyTokenizer_syntaxerror_known_range`: from the character at 1-based byte column `col`
    /// to byte column `end_col` of the current line, reported in characters.
    pub(crate) fn syntax_error_range(&mut self, col: i32, end_col: i32, msg: String) {
        let ls = self.line_start;
        let col = self.chars_between(ls, ls + (col as usize).saturating_sub(1)) + 1;
        let end_col = self.chars_between(ls, ls + end_col as usize);
        let e = self.make_error(SyntaxErrorKind::SyntaxError, msg, col, end_col);
        self.fail(e);
    }

    /// `1 + chars(line[..b])`, capped as CPython's `_PyPegen_byte_offset_to_character_offset`.
    fn pegen_char_offset(&self, line_start: usize, byte_col: usize) -> i32 {
        let line_len = self.line_text(line_start).len() + 1; // with its newline
        let b = byte_col.min(line_len + 1);
        self.chars_between(line_start, line_start + b)
    }

    /// Errors CPython's parser (or `tokenize`) builds from a `tok->done` code.
    pub(crate) fn stop(&mut self, stop: Stop) {
        if self.error.is_none() {
            self.done_code = Some(stop);
        }
        use SyntaxErrorKind as K;
        let extra = self.opts.extra_tokens;
        let line_chars = self.chars_between(self.line_start, self.pos);
        let e = match stop {
            Stop::Eof if extra => {
                let off = (self.end.min(self.pos) - self.buf_start.min(self.end)) as i32;
                self.make_error(
                    K::SyntaxError,
                    "unexpected EOF in multi-line statement".into(),
                    off,
                    0,
                )
            }
            Stop::Eof => {
                if let Some(&(c, line, col)) = self.parens.last() {
                    let ls = self.line_start_of(line);
                    let off = self.pegen_char_offset(ls, col as usize + 1);
                    SyntaxError {
                        kind: K::SyntaxError,
                        msg: format!("'{}' was never closed", c as char),
                        lineno: Some(line as i32),
                        offset: Some(off),
                        end_lineno: Some(line as i32),
                        end_offset: Some(0),
                        text: Some(self.line_text(ls)),
                    }
                } else {
                    let off = self.pegen_char_offset(self.line_start, self.pos - self.line_start);
                    self.make_error(K::SyntaxError, "unexpected EOF while parsing".into(), off, -1)
                }
            }
            Stop::LineCont => {
                let msg = "unexpected character after line continuation character".to_string();
                if extra {
                    // `tokenize` reports the length of its line buffer, which starts at the
                    // line where the current token (or logical line) began.
                    let off = self.chars_between(self.buf_start, self.line_end);
                    self.make_error(K::SyntaxError, msg, off, 0)
                } else {
                    // CPython's parser measures from its buffer start (which stays at the first
                    // line of a backslash-continued token), capped at the end of the error line.
                    let off = self.pegen_char_offset(self.line_start, self.pos - self.buf_start);
                    self.make_error(K::SyntaxError, msg, off, 0)
                }
            }
            Stop::Dedent => {
                let msg = "unindent does not match any outer indentation level".to_string();
                if extra {
                    self.make_error(K::IndentationError, msg, line_chars, 0)
                } else {
                    let off = self.pegen_char_offset(self.line_start, self.pos - self.line_start);
                    self.make_error(K::IndentationError, msg, off, -1)
                }
            }
            Stop::TabSpace | Stop::TooDeep => {
                let (kind, msg) = if stop == Stop::TabSpace {
                    (K::TabError, "inconsistent use of tabs and spaces in indentation")
                } else {
                    (K::IndentationError, "too many levels of indentation")
                };
                let off = if extra { line_chars } else { 1 };
                self.make_error(kind, msg.into(), off, 0)
            }
        };
        self.fail(e);
    }

    /// Byte offset where 1-based line `lineno` starts (searching back from the current line).
    pub(crate) fn line_start_of(&self, lineno: u32) -> usize {
        let mut ls = self.line_start;
        let mut l = self.lineno;
        while l > lineno && ls > 0 {
            ls -= 1;
            while ls > 0 && self.b[ls - 1] != b'\n' {
                ls -= 1;
            }
            l -= 1;
        }
        ls
    }

    pub(crate) fn warn(&mut self, msg: String) {
        let col = self.col();
        self.warnings.push(Warning {
            msg,
            lineno: self.lineno,
            col_offset: self.start_col,
            end_lineno: self.lineno,
            end_col_offset: col,
        });
    }

    // ----- normal mode -----

    /// A backslash was read: it must end the line (`tok_continuation_line`).
    fn continuation_line(&mut self) -> Lex<i32> {
        let mut c = self.nextc();
        if c == b'\r' as i32 {
            c = self.nextc();
        }
        if c != b'\n' as i32 {
            self.stop(Stop::LineCont);
            return Err(());
        }
        c = self.nextc();
        if c == EOF {
            self.pos = self.end;
            self.stop(Stop::Eof);
            return Err(());
        }
        self.backup(c);
        Ok(c)
    }

    pub(crate) fn get_normal(&mut self) -> Lex<Token> {
        'nextline: loop {
            self.in_token = false;
            let mut blankline = false;

            if self.atbol {
                self.atbol = false;
                let (mut col, mut altcol, mut cont_line_col) = (0u32, 0u32, 0u32);
                let mut c;
                loop {
                    c = self.nextc();
                    if c == b' ' as i32 {
                        col += 1;
                        altcol += 1;
                    } else if c == b'\t' as i32 {
                        col = (col / TABSIZE + 1) * TABSIZE;
                        altcol += 1;
                    } else if c == 0x0c {
                        col = 0;
                        altcol = 0;
                    } else if c == b'\\' as i32 {
                        if cont_line_col == 0 {
                            cont_line_col = col;
                        }
                        self.continuation_line()?;
                    } else {
                        break;
                    }
                }
                if self.error.is_some() {
                    return Err(());
                }
                self.backup(c);
                if c == b'#' as i32 || c == b'\n' as i32 || c == b'\r' as i32 {
                    blankline = true;
                }
                if !blankline && self.parens.is_empty() {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = *self.indstack.last().unwrap();
                    let alttop = *self.altindstack.last().unwrap();
                    if col == top {
                        if altcol != alttop {
                            return self.indent_error();
                        }
                    } else if col > top {
                        if self.indstack.len() >= MAXINDENT {
                            self.pos = self.line_end;
                            self.stop(Stop::TooDeep);
                            return Err(());
                        }
                        if altcol <= alttop {
                            return self.indent_error();
                        }
                        self.pendin += 1;
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                    } else {
                        while self.indstack.len() > 1 && col < *self.indstack.last().unwrap() {
                            self.pendin -= 1;
                            self.indstack.pop();
                            self.altindstack.pop();
                        }
                        if col != *self.indstack.last().unwrap() {
                            self.pos = self.line_end;
                            self.stop(Stop::Dedent);
                            return Err(());
                        }
                        if altcol != *self.altindstack.last().unwrap() {
                            return self.indent_error();
                        }
                    }
                }
            }

            self.set_start(self.pos);

            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Ok(if self.opts.extra_tokens && !self.at_eof {
                        self.make(TokenKind::Dedent, self.pos, self.pos)
                    } else {
                        self.make_empty(TokenKind::Dedent)
                    });
                }
                self.pendin -= 1;
                return Ok(if self.opts.extra_tokens {
                    let bs = self.buf_start;
                    let mut t = self.make(TokenKind::Indent, bs, self.pos);
                    t.col_offset = (bs - self.line_start.min(bs)) as u32;
                    t
                } else {
                    self.make_empty(TokenKind::Indent)
                });
            }

            // Peek ahead (this may read the next line).
            let c = self.nextc();
            self.backup(c);

            'again: loop {
                self.in_token = false;
                let mut c;
                loop {
                    c = self.nextc();
                    if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                        break;
                    }
                }
                let st = if c == EOF { self.pos } else { self.pos - 1 };
                self.set_start(st);

                if c == b'#' as i32 {
                    while c != EOF && c != b'\n' as i32 && c != b'\r' as i32 {
                        c = self.nextc();
                    }
                    if self.opts.type_comments {
                        if let Some(t) = self.type_comment(c, blankline) {
                            return Ok(t);
                        }
                    }
                    if self.opts.extra_tokens {
                        self.backup(c);
                        self.comment_newline = blankline;
                        return Ok(self.make(TokenKind::Comment, self.start, self.pos));
                    }
                }

                if self.error.is_some() {
                    return Err(());
                }

                if c == EOF {
                    if !self.parens.is_empty() {
                        self.stop(Stop::Eof);
                        return Err(());
                    }
                    return Ok(self.make_empty(TokenKind::Endmarker));
                }

                // Identifier, or a string prefix.
                if is_potential_identifier_start(c) {
                    return self.name_or_prefixed_string(c);
                }

                if c == b'\r' as i32 {
                    c = self.nextc();
                    // A lone `\r` (only in text whose newlines were not normalised) joins the
                    // next byte into one token; CPython then fails to decode a split character.
                    if c >= 128 {
                        self.syntax_error(format!(
                            "'utf-8' codec can't decode byte 0x{c:02x} in position 1: unexpected end of data"
                        ));
                        return Err(());
                    }
                }

                if c == b'\n' as i32 {
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        if self.opts.extra_tokens {
                            self.comment_newline = false;
                            return Ok(self.make(TokenKind::Nl, self.start, self.pos));
                        }
                        continue 'nextline;
                    }
                    if self.comment_newline && self.opts.extra_tokens {
                        self.comment_newline = false;
                        return Ok(self.make(TokenKind::Nl, self.start, self.pos));
                    }
                    return Ok(self.make(TokenKind::Newline, self.start, self.pos - 1));
                }

                if c == b'.' as i32 {
                    let c2 = self.nextc();
                    if is_digit(c2) {
                        return self.number_fraction(c2);
                    } else if c2 == b'.' as i32 {
                        let c3 = self.nextc();
                        if c3 == b'.' as i32 {
                            return Ok(self.make(TokenKind::Ellipsis, self.start, self.pos));
                        }
                        self.backup(c3);
                        self.backup(c2);
                    } else {
                        self.backup(c2);
                    }
                    return Ok(self.make(TokenKind::Dot, self.start, self.pos));
                }

                if is_digit(c) {
                    return self.number(c);
                }

                if c == b'\'' as i32 || c == b'"' as i32 {
                    return self.string(c);
                }

                if c == b'\\' as i32 {
                    self.continuation_line()?;
                    continue 'again;
                }

                return self.operator(c);
            }
        }
    }

    fn indent_error(&mut self) -> Lex<Token> {
        self.pos = self.line_end;
        self.stop(Stop::TabSpace);
        Err(())
    }

    /// A comment that may be a type comment (`# type: ...`); `c` is the byte that ended it.
    fn type_comment(&mut self, c: i32, blankline: bool) -> Option<Token> {
        let b = self.b;
        let mut p = self.start;
        let cur = self.pos.min(b.len());
        let mut col = self.start_col;
        let prefix = b"# type: ";
        let mut i = 0;
        while i < prefix.len() && p < cur {
            if prefix[i] == b' ' {
                while p < cur && (b[p] == b' ' || b[p] == b'\t') {
                    p += 1;
                    col += 1;
                }
            } else if prefix[i] == b[p] {
                p += 1;
                col += 1;
            } else {
                break;
            }
            i += 1;
        }
        // A trailing prefix space matches zero spaces at the end of the text too.
        while i < prefix.len() && prefix[i] == b' ' {
            i += 1;
        }
        if i < prefix.len() {
            return None;
        }
        self.backup(c);
        let cur = self.pos.min(b.len());
        let ignore_end = p + 6;
        let is_ignore = cur >= ignore_end
            && &b[p..ignore_end] == b"ignore"
            && !(cur > ignore_end
                && (b[ignore_end] >= 128 || b[ignore_end].is_ascii_alphanumeric()));
        let lineno = self.lineno;
        let (kind, text_start, start_col) = if is_ignore {
            (TokenKind::TypeIgnore, ignore_end, col + 6)
        } else {
            (TokenKind::TypeComment, p, col)
        };
        let text_end = self.pos.min(b.len());
        if is_ignore && blankline {
            self.nextc();
            self.atbol = true;
        }
        Some(Token {
            kind,
            start: text_start as u32,
            end: text_end as u32,
            lineno,
            col_offset: start_col,
            end_lineno: lineno,
            end_col_offset: self.col(),
        })
    }

    fn name_or_prefixed_string(&mut self, mut c: i32) -> Lex<Token> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f, mut saw_t) =
            (false, false, false, false, false);
        loop {
            let l = (c as u8).to_ascii_lowercase();
            if c < 128 && l == b'b' && !saw_b {
                saw_b = true;
            } else if c < 128 && l == b'u' && !saw_u {
                saw_u = true;
            } else if c < 128 && l == b'r' && !saw_r {
                saw_r = true;
            } else if c < 128 && l == b'f' && !saw_f {
                saw_f = true;
            } else if c < 128 && l == b't' && !saw_t {
                saw_t = true;
            } else {
                break;
            }
            c = self.nextc();
            if c == b'"' as i32 || c == b'\'' as i32 {
                let bad = if saw_u && saw_b {
                    Some(("u", "b"))
                } else if saw_u && saw_r {
                    Some(("u", "r"))
                } else if saw_u && saw_f {
                    Some(("u", "f"))
                } else if saw_u && saw_t {
                    Some(("u", "t"))
                } else if saw_b && saw_f {
                    Some(("b", "f"))
                } else if saw_b && saw_t {
                    Some(("b", "t"))
                } else if saw_f && saw_t {
                    Some(("f", "t"))
                } else {
                    None
                };
                if let Some((p1, p2)) = bad {
                    let col = (self.start - self.line_start + 1) as i32;
                    let end = (self.pos - self.line_start) as i32;
                    self.syntax_error_range(
                        col,
                        end,
                        format!("'{p1}' and '{p2}' prefixes are incompatible"),
                    );
                    return Err(());
                }
                if saw_f || saw_t {
                    return self.fstring_start(c, saw_t);
                }
                return self.string(c);
            }
        }
        let mut nonascii = false;
        // Fast path: identifier bytes within the current line (which ends in a newline).
        if is_potential_identifier_char(c) {
            let b = self.b;
            let stop = self.line_end.min(b.len());
            let mut p = self.pos;
            while p < stop && is_potential_identifier_char(b[p] as i32) {
                nonascii |= b[p] >= 128;
                p += 1;
            }
            nonascii |= c >= 128;
            self.pos = p;
            c = self.nextc();
        }
        while is_potential_identifier_char(c) {
            if c >= 128 {
                nonascii = true;
            }
            c = self.nextc();
        }
        self.backup(c);
        if nonascii && !self.opts.extra_tokens {
            self.verify_identifier()?;
        }
        let text = &self.src[self.start..self.pos.min(self.b.len())];
        let kind = super::kinds::keyword_kind(text).unwrap_or(TokenKind::Name);
        Ok(self.make(kind, self.start, self.pos))
    }

    /// PEP 3131 check of a non-ASCII identifier (`verify_identifier`).
    fn verify_identifier(&mut self) -> Lex<()> {
        use taipan_common::unicode::{is_printable, is_xid_continue, is_xid_start};
        let text = &self.src[self.start..self.pos];
        let mut bad: Option<(usize, char)> = None;
        for (i, (off, ch)) in text.char_indices().enumerate() {
            let ok = if i == 0 {
                is_xid_start(ch as u32) || ch == '_'
            } else {
                is_xid_continue(ch as u32)
            };
            if !ok {
                bad = Some((off, ch));
                break;
            }
        }
        let Some((off, ch)) = bad else { return Ok(()) };
        self.pos = self.start + off + ch.len_utf8();
        let cp = ch as u32;
        if is_printable(cp) {
            self.syntax_error(format!("invalid character '{ch}' (U+{cp:04X})"));
        } else {
            self.syntax_error(format!("invalid non-printable character U+{cp:04X}"));
        }
        Err(())
    }

    // ----- numbers -----

    /// Whether the next bytes spell `s` followed by a non-identifier byte (`lookahead`).
    fn lookahead(&self, s: &[u8]) -> bool {
        let mut p = self.pos;
        for &ch in s {
            if self.byte(p) != ch as i32 {
                return false;
            }
            p += 1;
        }
        !is_potential_identifier_char(self.byte(p))
    }

    /// `verify_end_of_number`: `c` is the byte after the literal (already read).
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Lex<()> {
        if self.opts.extra_tokens {
            return Ok(());
        }
        let r = match c {
            0x61 => self.lookahead(b"nd"),  // a
            0x65 => self.lookahead(b"lse"), // e
            0x66 => self.lookahead(b"or"),  // f
            0x69 => {
                // i
                let c2 = self.byte(self.pos);
                c2 == b'f' as i32 || c2 == b'n' as i32 || c2 == b's' as i32
            }
            0x6f => self.lookahead(b"r"),  // o
            0x6e => self.lookahead(b"ot"), // n
            _ => false,
        };
        if r {
            self.backup(c);
            self.warn(format!("invalid {kind} literal"));
            self.nextc();
        } else if c < 128 && is_potential_identifier_char(c) {
            self.backup(c);
            self.syntax_error(format!("invalid {kind} literal"));
            return Err(());
        }
        Ok(())
    }

    /// Digits and single underscores; returns the byte after them (`tok_decimal_tail`).
    fn decimal_tail(&mut self) -> Lex<i32> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                self.syntax_error("invalid decimal literal".into());
                return Err(());
            }
        }
    }

    fn number_end(&mut self, c: i32) -> Lex<Token> {
        self.backup(c);
        Ok(self.make(TokenKind::Number, self.start, self.pos))
    }

    fn number(&mut self, first: i32) -> Lex<Token> {
        if first == b'0' as i32 {
            let mut c = self.nextc();
            let lc = if c >= 0 { (c as u8).to_ascii_lowercase() } else { 0 };
            if lc == b'x' || lc == b'o' || lc == b'b' {
                let (name, ok): (&str, fn(i32) -> bool) = match lc {
                    b'x' => ("hexadecimal", is_xdigit),
                    b'o' => ("octal", |c| (b'0' as i32..b'8' as i32).contains(&c)),
                    _ => ("binary", |c| c == b'0' as i32 || c == b'1' as i32),
                };
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !ok(c) {
                        if lc != b'x' && is_digit(c) {
                            self.syntax_error(format!(
                                "invalid digit '{}' in {name} literal",
                                c as u8 as char
                            ));
                        } else {
                            self.backup(c);
                            self.syntax_error(format!("invalid {name} literal"));
                        }
                        return Err(());
                    }
                    loop {
                        c = self.nextc();
                        if !ok(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if lc != b'x' && is_digit(c) {
                    self.syntax_error(format!(
                        "invalid digit '{}' in {name} literal",
                        c as u8 as char
                    ));
                    return Err(());
                }
                self.verify_end_of_number(c, name)?;
                return self.number_end(c);
            }
            // Maybe old-style octal; in any case allow '0' as a literal.
            let mut nonzero = false;
            loop {
                if c == b'_' as i32 {
                    c = self.nextc();
                    if !is_digit(c) {
                        self.backup(c);
                        self.syntax_error("invalid decimal literal".into());
                        return Err(());
                    }
                }
                if c != b'0' as i32 {
                    break;
                }
                c = self.nextc();
            }
            let zeros_end = self.pos;
            if is_digit(c) {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            if c == b'.' as i32 {
                let c2 = self.nextc();
                return self.number_fraction(c2);
            } else if c == b'e' as i32 || c == b'E' as i32 {
                return self.number_exponent(c);
            } else if c == b'j' as i32 || c == b'J' as i32 {
                return self.number_imaginary();
            } else if nonzero && !self.opts.extra_tokens {
                self.backup(c);
                let col = (self.start + 1 - self.line_start) as i32;
                let end = (zeros_end - self.line_start) as i32;
                self.syntax_error_range(
                    col,
                    end,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                        .into(),
                );
                return Err(());
            }
            self.verify_end_of_number(c, "decimal")?;
            return self.number_end(c);
        }
        // Decimal.
        let c = self.decimal_tail()?;
        if c == b'.' as i32 {
            let c2 = self.nextc();
            return self.number_fraction(c2);
        }
        self.number_after_fraction(c)
    }

    /// After the `.` of a number; `c` is the byte after it.
    fn number_fraction(&mut self, mut c: i32) -> Lex<Token> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.number_after_fraction(c)
    }

    fn number_after_fraction(&mut self, c: i32) -> Lex<Token> {
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.number_exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.number_end(c)
    }

    fn number_exponent(&mut self, e: i32) -> Lex<Token> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                self.syntax_error("invalid decimal literal".into());
                return Err(());
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.make(TokenKind::Number, self.start, self.pos));
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.number_end(c)
    }

    fn number_imaginary(&mut self) -> Lex<Token> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.number_end(c)
    }

    // ----- strings -----

    /// A string literal whose opening quote `quote` was just read (prefix, if any, from `start`).
    fn string(&mut self, quote: i32) -> Lex<Token> {
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut has_escaped_quote = false;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;

        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            // Fast path: plain bytes inside the current line.
            if quote_size == 3 || end_quote_size == 0 {
                while self.pos < self.line_end {
                    let b = self.byte(self.pos);
                    if b == quote || b == b'\\' as i32 || b == b'\n' as i32 {
                        break;
                    }
                    self.pos += 1;
                    end_quote_size = 0;
                }
            }
            c = self.nextc();
            if self.error.is_some() {
                return Err(());
            }
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                let detected = self.lineno;
                self.pos = self.start + 1;
                self.line_start = self.multi_line_start;
                self.lineno = self.first_lineno;
                if let Some(m) = self.modes.last()
                    && m.quote as i32 == quote
                    && m.quote_size == quote_size
                {
                    let p = m.prefix();
                    self.syntax_error(format!("{p}-string: expecting '}}'"));
                    return Err(());
                }
                let msg = if quote_size == 3 {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else if has_escaped_quote {
                    format!(
                        "unterminated string literal (detected at line {detected}); perhaps you escaped the end quote?"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                self.syntax_error(msg);
                return Err(());
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    c = self.nextc();
                    if c == quote {
                        has_escaped_quote = true;
                    }
                    if c == b'\r' as i32 {
                        self.nextc();
                    }
                }
            }
        }
        Ok(self.make(TokenKind::String, self.start, self.pos))
    }

    // ----- operators and brackets -----

    fn operator(&mut self, c: i32) -> Lex<Token> {
        let is_punct = c == b':' as i32 || c == b'}' as i32 || c == b'!' as i32 || c == b'{' as i32;
        if is_punct && let Some(m) = self.modes.last_mut() {
            if m.expr_start_depth >= 0 {
                let cursor = m.curly_depth - (c != b'{' as i32) as i32;
                if c == b':' as i32 && cursor == m.expr_start_depth {
                    m.fstring_kind = true;
                    m.in_format_spec = true;
                    return Ok(self.make(TokenKind::Colon, self.start, self.pos));
                }
            }
        }

        let c2 = self.nextc();
        // `<>` (NOTEQUAL, for the parser's barry_as_FLUFL check) is two tokens for `tokenize`.
        let k2 = two_chars(c, c2)
            .filter(|_| !(self.opts.extra_tokens && c == b'<' as i32 && c2 == b'>' as i32));
        if let Some(k2) = k2 {
            let c3 = self.nextc();
            let kind = match three_chars(c, c2, c3) {
                Some(k3) => k3,
                None => {
                    self.backup(c3);
                    k2
                }
            };
            return Ok(self.make(kind, self.start, self.pos));
        }
        self.backup(c2);

        match c as u8 {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    self.syntax_error("too many nested parentheses".into());
                    return Err(());
                }
                let col = (self.start - self.line_start) as u32;
                self.parens.push((c as u8, self.lineno, col));
                if let Some(m) = self.modes.last_mut() {
                    m.curly_depth += 1;
                }
            }
            b')' | b']' | b'}' => {
                if let Some(m) = self.modes.last()
                    && m.curly_depth == 0
                    && c == b'}' as i32
                {
                    let p = m.prefix();
                    self.syntax_error(format!("{p}-string: single '}}' is not allowed"));
                    return Err(());
                }
                if !self.opts.extra_tokens && self.parens.is_empty() {
                    self.syntax_error(format!("unmatched '{}'", c as u8 as char));
                    return Err(());
                }
                if let Some((opening, oline, _)) = self.parens.pop() {
                    let matches =
                        matches!((opening, c as u8), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    // A replacement field's own `{` closed by another bracket.
                    if !matches
                        && let Some(m) = self.modes.last()
                        && opening == b'{'
                        && m.curly_depth - 1 == m.expr_start_depth
                    {
                        let p = m.prefix();
                        self.syntax_error(format!("{p}-string: unmatched '{}'", c as u8 as char));
                        return Err(());
                    }
                    if !self.opts.extra_tokens && !matches {
                        let msg = if oline != self.lineno {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {oline}",
                                c as u8 as char, opening as char
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as u8 as char, opening as char
                            )
                        };
                        self.syntax_error(msg);
                        return Err(());
                    }
                }
                if let Some(m) = self.modes.last_mut() {
                    m.curly_depth -= 1;
                    if m.curly_depth < 0 {
                        let p = m.prefix();
                        self.syntax_error(format!("{p}-string: unmatched '{}'", c as u8 as char));
                        return Err(());
                    }
                    if c == b'}' as i32 && m.curly_depth == m.expr_start_depth {
                        m.expr_start_depth -= 1;
                        m.fstring_kind = true;
                        m.in_format_spec = false;
                        m.debug = false;
                    }
                }
            }
            _ => {}
        }

        if c < 128 && !(0x20..0x7f).contains(&c) {
            self.syntax_error(format!("invalid non-printable character U+{c:04X}"));
            return Err(());
        }
        if c == b'=' as i32
            && let Some(m) = self.modes.last_mut()
            && m.expr_start_depth >= 0
        {
            m.debug = true;
        }
        Ok(self.make(one_char(c), self.start, self.pos))
    }
}

/// From `from`: the index of the next `\n` (or the length), and whether a NUL byte comes first.
/// Eight bytes at a time.
fn scan_line(b: &[u8], from: usize) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut i = from;
    while i + 8 <= b.len() {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        if has_zero(x) | has_zero(x ^ (ONES * b'\n' as u64)) != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() {
        match b[i] {
            b'\n' => return (i, false),
            0 => return (i, true),
            _ => i += 1,
        }
    }
    (i, false)
}

/// Position of the first `needle` in `hay`.
#[inline]
pub(crate) fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}
