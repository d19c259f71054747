//! Tokens → AST: a hand-written PEG parser after CPython 3.14's `Grammar/python.gram`.
//!
//! Layout: this file owns the [`Parser`] state (the lazily filled token buffer, backtracking
//! position, depth limit), the entry point [`parse`] with CPython's two-pass error strategy, and
//! the generic error logic (`_PyPegen_set_syntax_error`). The grammar lives in `stmt.rs`
//! (statements, blocks, imports, definitions), `expr.rs` (expressions, atoms, comprehensions),
//! `args.rs` (parameters and call arguments), `strings.rs` (string concatenation, f- and
//! t-strings), `pattern.rs` (`match` patterns), `targets.rs` (assignment/deletion targets) and
//! `helpers.rs` (action helpers: positions, names, expression names for messages). The
//! `invalid_*` rules of the second pass live in `invalid.rs`.
//!
//! Design notes (where this deviates from a literal transcription of the grammar):
//! - Each rule returns `PResult<Option<T>>`: `Err` is a raised `SyntaxError` (stops parsing, like
//!   CPython's `error_indicator`), `Ok(None)` a failed match (the rule restores the position).
//! - Assignment targets use a "cover grammar": a statement is parsed once as `star_expressions`
//!   and, when `=`, an augmented operator or `:` follows, the expression is checked and converted
//!   into a target (contexts set to `Store`). CPython's target rules accept exactly the
//!   expressions this conversion accepts, and the produced trees are identical; parsing once
//!   avoids CPython's re-parse of every expression statement (which it makes cheap with
//!   memoisation that would cost clones here). `for`/comprehension/`with ... as`/`del` targets
//!   are parsed at `primary` level (where CPython's target rules stop) and converted the same way.
//! - `( ... )`, `[ ... ]` and `{ ... }` atoms and call arguments parse their first element once
//!   and then decide between generator/tuple/group (list/listcomp, dict/set/comprehensions),
//!   instead of trying each alternative from scratch; this keeps nesting linear without a memo.
//! - Left-recursive rules (`primary`, binary operators) are loops building the same trees.
//! - Second pass: the `invalid_*` rules run where CPython's grammar reaches them, with the
//!   invalid rules active in their sub-parses as in CPython; a per-position set (`seen`) stands in
//!   for CPython's memo so that no check runs twice at one position, which keeps the second pass
//!   linear. Which tokens get fetched matters for the generic error's position; the rules avoid
//!   looking further ahead than CPython's do.
//! - Depth: nesting is charged where CPython's rules nest (brackets, unary operators, `not`,
//!   `**`, `lambda`, conditional expressions, links of left-recursive chains), calibrated on the
//!   oracle's limits; past CPython's `MAXSTACK` the parse fails with its "too complex" error.
//!   Recursion points also grow the stack on demand (`stacker`), so no input overflows it.
//!   Unlike CPython, very long left-recursive chains (`a.b.c...`, `f()()...`, `1+1+...`, over
//!   ~5900 links) count against the limit too, so that the tree stays shallow enough to drop and
//!   walk recursively.

mod args;
mod expr;
mod helpers;
mod invalid;
mod pattern;
mod stmt;
mod strings;
mod targets;

use crate::ast::{self, Loc};
use crate::errors::{SyntaxError, SyntaxErrorKind, byte_col_to_char_offset, source_line};
use crate::tokenizer::{Token, TokenKind, Tokenizer, TokenizerOptions};
use crate::{Mode, ParseOptions};

/// When less than this much stack is left at a recursion point, parsing continues on a new
/// segment of `STACK_SEGMENT` bytes (the `stacker` crate), so deep input cannot overflow.
pub(crate) const RED_ZONE: usize = 256 * 1024;
pub(crate) const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// A raised error: parsing stops.
pub(crate) type PResult<T> = Result<T, Box<SyntaxError>>;

/// CPython's parser stack limit (`MAXSTACK`, 6000 rule levels) less the levels every
/// expression statement already uses; nesting is charged as CPython's rules would use levels.
const MAX_DEPTH: u32 = 5969;

pub(crate) struct Parser<'s> {
    pub(crate) src: &'s str,
    tokenizer: Tokenizer<'s>,
    /// Tokens fetched so far (CPython's `p->tokens[0..p->fill]`).
    pub(crate) toks: Vec<Token>,
    /// The bracket nesting level after each token (CPython's `token->level`).
    pub(crate) levels: Vec<u16>,
    level: u16,
    /// Current position in `toks`.
    pub(crate) pos: usize,
    /// Second pass: the `invalid_*` rules are enabled.
    pub(crate) call_invalid: bool,
    /// `from __future__ import barry_as_FLUFL` was seen: `<>` is the inequality operator.
    pub(crate) barry_as_flufl: bool,
    pub(crate) opts: ParseOptions,
    /// CPython-equivalent rule depth.
    depth: u32,
    pub(crate) type_ignores: Vec<ast::TypeIgnore>,
    /// SyntaxWarnings from decoding literals (invalid escapes).
    pub(crate) warnings: Vec<crate::tokenizer::Warning>,
    first_pass_warnings: Vec<crate::tokenizer::Warning>,
    /// The tokenizer reported an error; it is kept to be raised when the parser needs the token.
    tok_error: Option<Box<SyntaxError>>,
    /// (invalid rule, position) pairs already checked in the second pass without raising.
    checked: std::collections::HashSet<(u8, usize)>,
    /// Second pass: (rule, position) pairs first parsed inside `expression_without_invalid`.
    /// CPython memoises rules regardless of whether invalid rules are on, so a later parse
    /// there reuses the result and runs no invalid rule below it; Taipan does the same for the
    /// rules `noinv_allowed` lists.
    noinv_memo: std::collections::HashSet<(u8, usize)>,
    /// Second pass: positions of dict keys (after the first pair) parsed without invalid rules.
    pub(crate) dict_key_noinv: std::collections::HashSet<usize>,
    /// Inside `expression_without_invalid` in the second pass.
    pub(crate) in_noinv: bool,
    /// Second pass: the highest first line of a compound statement completed so far (CPython's
    /// `last_stmt_location`, published as `SyntaxError._metadata[0]`), 0 if none.
    pub(crate) last_stmt_lineno: u32,
    /// The first pass failed after the tokenizer reached the end of the input (CPython's
    /// `_is_end_of_source`, what `PyCF_ALLOW_INCOMPLETE_INPUT` reports as incomplete input).
    incomplete: bool,
}

/// A failed parse with what CPython attaches to its `SyntaxError` besides the exception itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFailure {
    pub error: SyntaxError,
    /// `SyntaxError._metadata[0]`: the first line of the last compound statement the second
    /// pass completed (0 if none). Function definitions never count: in CPython's second pass
    /// `invalid_def_raw` matches a complete `def` first and yields a placeholder whose line is 0.
    pub last_stmt_lineno: i32,
    /// The input ended inside a statement, so that `compile()` with
    /// `PyCF_ALLOW_INCOMPLETE_INPUT` raises `_IncompleteInputError` instead of `error`.
    pub incomplete: bool,
}

/// Parses `source` as CPython 3.14's parser does, producing its AST or its `SyntaxError`.
pub fn parse(source: &str, opts: &ParseOptions) -> Result<ast::Mod, SyntaxError> {
    parse_with_warnings(source, opts).0
}

/// [`parse`], also returning the `SyntaxWarning`s CPython's first pass emits (invalid escape
/// sequences in literals), in source order; they are emitted even when parsing then fails.
pub fn parse_with_warnings(
    source: &str,
    opts: &ParseOptions,
) -> (Result<ast::Mod, SyntaxError>, Vec<crate::tokenizer::Warning>) {
    let mut p = Parser::new(source, *opts);
    let r = parse_passes(&mut p);
    let mut warnings = p.tokenizer.take_warnings();
    warnings.append(&mut p.first_pass_warnings);
    warnings.sort_by_key(|w| (w.lineno, w.col_offset));
    (r, warnings)
}

/// [`parse`], with a failure's [`ParseFailure`] details (last statement line, incomplete input).
pub fn parse_detailed(source: &str, opts: &ParseOptions) -> Result<ast::Mod, ParseFailure> {
    let mut p = Parser::new(source, *opts);
    parse_passes(&mut p).map_err(|error| ParseFailure {
        error,
        last_stmt_lineno: p.last_stmt_lineno as i32,
        incomplete: p.incomplete,
    })
}

fn parse_passes(p: &mut Parser<'_>) -> Result<ast::Mod, SyntaxError> {
    let r = p.run();
    p.first_pass_warnings = std::mem::take(&mut p.warnings);
    if !matches!(r, Ok(Some(_))) {
        p.incomplete = p.reached_end_of_source();
    }
    match r {
        Ok(Some(m)) => return Ok(m),
        Err(e) => {
            // A parser error (not the tokenizer's) still goes through the check of the rest of
            // the source, as `_PyPegen_set_syntax_error` does after the (then idle) second pass.
            let e = if p.tok_error.is_none() { p.check_rest_of_source(e) } else { e };
            return Err(*e);
        }
        Ok(None) => {}
    }
    // Second pass with the invalid rules enabled, reusing the tokens already fetched.
    let last = p.toks.len().saturating_sub(1);
    p.pos = 0;
    p.depth = 0;
    p.call_invalid = true;
    p.barry_as_flufl = false;
    p.type_ignores.clear();
    p.last_stmt_lineno = 0;
    match p.run() {
        Err(e) => {
            let e = p.check_rest_of_source(e);
            Err(*e)
        }
        Ok(_) => Err(*p.generic_error(last)),
    }
}

/// `_PyPegen_byte_offset_to_character_offset` for a 0-based byte column: the number of
/// characters in the first `col + 1` bytes of `line`, clamped to the line's length plus one.
fn clamped_char_offset(line: &str, col: usize) -> i32 {
    let len = line.len();
    if col + 1 > len {
        return line.chars().count() as i32 + 1;
    }
    byte_col_to_char_offset(line, col)
}

/// The memoised rules whose no-invalid results the second pass reuses (see `noinv_memo`).
/// Only call arguments and subscripts for now: reusing the expression-level rules as
/// well matches CPython on some inputs but not others (brackets left open at the end of the
/// input), so the behaviour is not fully understood yet.
fn noinv_allowed(rule: u8) -> bool {
    rule == ARGUMENTS_RULE || rule == SUBSCRIPT_RULE
}

/// Rule id of call arguments in `memo_rule`.
pub(crate) const ARGUMENTS_RULE: u8 = 11;
/// Rule id of a subscript's `slices` in `memo_rule` (CPython's memoised `primary`).
pub(crate) const SUBSCRIPT_RULE: u8 = 17;

impl<'s> Parser<'s> {
    fn new(src: &'s str, opts: ParseOptions) -> Parser<'s> {
        let tokenizer = Tokenizer::new(
            src,
            TokenizerOptions { type_comments: opts.type_comments, extra_tokens: false },
        );
        Parser {
            src,
            tokenizer,
            toks: Vec::with_capacity(src.len() / 4 + 16),
            levels: Vec::with_capacity(src.len() / 4 + 16),
            level: 0,
            pos: 0,
            call_invalid: false,
            barry_as_flufl: false,
            opts,
            depth: 0,
            type_ignores: Vec::new(),
            warnings: Vec::new(),
            first_pass_warnings: Vec::new(),
            tok_error: None,
            checked: std::collections::HashSet::new(),
            noinv_memo: std::collections::HashSet::new(),
            in_noinv: false,
            dict_key_noinv: std::collections::HashSet::new(),
            last_stmt_lineno: 0,
            incomplete: false,
        }
    }

    /// `_PyPegen_register_stmts` for one compound statement, in the second pass only.
    pub(crate) fn register_stmt(&mut self, s: &ast::Stmt) {
        if self.call_invalid
            && !matches!(
                s.kind,
                ast::StmtKind::FunctionDef { .. } | ast::StmtKind::AsyncFunctionDef { .. }
            )
        {
            self.last_stmt_lineno = self.last_stmt_lineno.max(s.loc.lineno);
        }
    }

    /// Whether the tokenizer has been asked for input past the last line (CPython's
    /// `tok->done` being `E_EOF`, or `E_EOFS` for a string left open at the end).
    fn reached_end_of_source(&self) -> bool {
        if let Some(e) = &self.tok_error {
            return self.tokenizer.done_code() == Some(crate::tokenizer::Stop::Eof)
                || e.msg.starts_with("unterminated triple-quoted");
        }
        match self.toks.last() {
            Some(t) if t.kind == TokenKind::Endmarker => true,
            Some(t) if t.kind == TokenKind::Dedent => self.tokenizer.pos >= self.tokenizer.end,
            _ => false,
        }
    }

    fn run(&mut self) -> PResult<Option<ast::Mod>> {
        match self.opts.mode {
            Mode::Exec => self.file_rule(),
            Mode::Eval => self.eval_rule(),
            Mode::Single => self.interactive_rule(),
            Mode::FuncType => self.func_type_rule(),
        }
    }

    // ----- token access -----

    /// Makes sure `toks[self.pos]` exists.
    #[inline]
    pub(crate) fn fill(&mut self) -> PResult<()> {
        if self.pos < self.toks.len() {
            return Ok(());
        }
        self.fill_slow()
    }

    #[cold]
    fn fill_slow(&mut self) -> PResult<()> {
        while self.pos >= self.toks.len() {
            if let Some(e) = &self.tok_error {
                return Err(e.clone());
            }
            match self.tokenizer.next_token() {
                Ok(t) => {
                    if t.kind == TokenKind::TypeIgnore {
                        let mut tag = t.text(self.src).to_string();
                        // On a line of its own, CPython's TYPE_IGNORE token runs through the
                        // newline (the tokenizer consumes it with the blank line).
                        let line_start =
                            self.src[..t.start as usize].rfind('\n').map_or(0, |i| i + 1);
                        let before = &self.src[line_start..t.start as usize];
                        let comment_only =
                            before.trim_start_matches([' ', '\t', '\x0c']).starts_with('#')
                                && !before
                                    .trim_start_matches([' ', '\t', '\x0c'])
                                    .contains(|c: char| c == '"' || c == '\'');
                        if comment_only
                            && !tag.ends_with('\n')
                            && self.src[t.end as usize..].starts_with('\n')
                        {
                            tag.push('\n');
                        }
                        self.type_ignores.push(ast::TypeIgnore { lineno: t.lineno as i32, tag });
                        continue;
                    }
                    match t.kind {
                        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => self.level += 1,
                        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                            self.level = self.level.saturating_sub(1)
                        }
                        _ => {}
                    }
                    self.toks.push(t);
                    self.levels.push(self.level);
                }
                Err(e) => {
                    let e = Box::new(e);
                    self.tok_error = Some(e.clone());
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The kind of the current token.
    #[inline]
    pub(crate) fn kind(&mut self) -> PResult<TokenKind> {
        self.fill()?;
        Ok(self.toks[self.pos].kind)
    }

    /// The kind of the token `n` ahead of the current one.
    pub(crate) fn kind_at(&mut self, n: usize) -> PResult<TokenKind> {
        let save = self.pos;
        self.pos += n;
        let r = self.fill();
        self.pos = save;
        r?;
        Ok(self.toks[save + n].kind)
    }

    /// The current token (must have been filled by `kind`/`at`).
    #[inline]
    pub(crate) fn cur(&self) -> Token {
        match self.toks.get(self.pos) {
            Some(t) => *t,
            None => self.toks.last().copied().unwrap_or(Token {
                kind: TokenKind::Endmarker,
                start: 0,
                end: 0,
                lineno: 1,
                col_offset: 0,
                end_lineno: 1,
                end_col_offset: 0,
            }),
        }
    }

    #[inline]
    pub(crate) fn at(&mut self, k: TokenKind) -> PResult<bool> {
        Ok(self.kind()? == k)
    }

    /// Consumes the current token if it has kind `k`.
    #[inline]
    pub(crate) fn eat(&mut self, k: TokenKind) -> PResult<Option<Token>> {
        if self.kind()? == k {
            let t = self.toks[self.pos];
            self.pos += 1;
            Ok(Some(t))
        } else {
            Ok(None)
        }
    }

    /// Whether the current token is the soft keyword `kw` (a NAME with that text).
    pub(crate) fn at_soft(&mut self, kw: &str) -> PResult<bool> {
        Ok(self.kind()? == TokenKind::Name && self.cur().text(self.src) == kw)
    }

    /// The text of a token.
    #[inline]
    pub(crate) fn text(&self, t: Token) -> &'s str {
        t.text(self.src)
    }

    // ----- positions -----

    /// The start of the current token as a (zero-width) location.
    #[inline]
    pub(crate) fn start_loc(&mut self) -> Loc {
        if self.pos >= self.toks.len() {
            // A tokenizer error surfaces at the next `kind()`.
            let _ = self.fill();
            if self.pos >= self.toks.len() {
                return Loc::default();
            }
        }
        let t = &self.toks[self.pos];
        Loc::new(t.lineno, t.col_offset, t.lineno, t.col_offset)
    }

    /// `EXTRA`: from `start` to the end of the last non-whitespace token consumed.
    pub(crate) fn extra(&self, start: Loc) -> Loc {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let k = self.toks[i].kind;
            if !matches!(
                k,
                TokenKind::Endmarker | TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            ) {
                let t = &self.toks[i];
                return Loc::new(start.lineno, start.col_offset, t.end_lineno, t.end_col_offset);
            }
        }
        start
    }

    /// Whether invalid rule `id` was already tried at the current position (and records it).
    pub(crate) fn seen(&mut self, id: u8) -> bool {
        !self.checked.insert((id, self.pos))
    }

    /// `CHECK_VERSION`: with `feature_version` below 3.`minor`, the construct is an error.
    pub(crate) fn check_version(&self, minor: u8, what: &str) -> PResult<()> {
        match self.opts.feature_version {
            Some(fv) if fv < minor => Err(self.raise_last(
                SyntaxErrorKind::SyntaxError,
                format!("{what} only supported in Python 3.{minor} and greater"),
            )),
            _ => Ok(()),
        }
    }

    /// Runs memoised rule `rule` here, honouring `noinv_memo` (see there).
    #[inline]
    pub(crate) fn memo_rule<R>(
        &mut self,
        rule: u8,
        f: impl FnOnce(&mut Self) -> PResult<R>,
    ) -> PResult<R> {
        if !self.call_invalid {
            if self.in_noinv && noinv_allowed(rule) {
                self.noinv_memo.insert((rule, self.pos));
            }
            return f(self);
        }
        if !self.noinv_memo.is_empty() && self.noinv_memo.contains(&(rule, self.pos)) {
            self.call_invalid = false;
            let r = f(self);
            self.call_invalid = true;
            return r;
        }
        f(self)
    }

    // ----- depth -----

    /// Enters `n` CPython rule levels; fails with CPython's error past its limit.
    #[inline]
    pub(crate) fn enter(&mut self, n: u32) -> PResult<()> {
        self.depth += n;
        if self.depth > MAX_DEPTH {
            return Err(self.too_complex());
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn leave(&mut self, n: u32) {
        self.depth -= n;
    }

    #[cold]
    fn too_complex(&self) -> Box<SyntaxError> {
        Box::new(SyntaxError {
            kind: SyntaxErrorKind::MemoryError,
            msg: "Parser stack overflowed - Python source too complex to parse".into(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
        })
    }

    // ----- errors -----

    /// A `SyntaxError` of `kind` spanning `loc` (CPython's `RAISE_ERROR_KNOWN_LOCATION`).
    pub(crate) fn error_at(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        loc: Loc,
    ) -> Box<SyntaxError> {
        let line = source_line(self.src, loc.lineno).unwrap_or("");
        // CPython converts both columns with one line's text (the start line, even for a range
        // that ends on a later line): the tokenizer's buffer, newline included, when the
        // tokenizer is still on that line, else the line without its newline; a column past the
        // end counts as one more character.
        let tok_line = self.toks.last().map_or(0, |t| t.end_lineno);
        let with_newline;
        let err_line = if loc.lineno < tok_line {
            line.trim_end_matches('\n')
        } else if !line.ends_with('\n') && self.opts.mode == Mode::Exec {
            // The tokenizer adds the missing newline at the end of the source.
            with_newline = format!("{line}\n");
            &with_newline
        } else {
            line
        };
        let offset = clamped_char_offset(err_line, loc.col_offset as usize);
        let end_offset = clamped_char_offset(err_line, loc.end_col_offset as usize);
        Box::new(SyntaxError {
            kind,
            msg: msg.into(),
            lineno: Some(loc.lineno as i32),
            offset: Some(offset),
            end_lineno: Some(loc.end_lineno as i32),
            end_offset: Some(end_offset),
            text: if line.is_empty() && loc.lineno as usize > self.src.lines().count() {
                None
            } else {
                Some(line.to_string())
            },
        })
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)`.
    pub(crate) fn raise_range(&self, a: Loc, b: Loc, msg: impl Into<String>) -> Box<SyntaxError> {
        self.error_at(SyntaxErrorKind::SyntaxError, msg, a.to(b))
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)`.
    pub(crate) fn raise_loc(&self, a: Loc, msg: impl Into<String>) -> Box<SyntaxError> {
        self.error_at(SyntaxErrorKind::SyntaxError, msg, a)
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)`: from `a`'s start to the end of the last token.
    pub(crate) fn raise_from(&self, a: Loc, msg: impl Into<String>) -> Box<SyntaxError> {
        let last = self.toks[self.toks.len() - 1];
        let l = Loc::new(a.lineno, a.col_offset, a.lineno, a.col_offset);
        let mut e = self.error_at(SyntaxErrorKind::SyntaxError, msg, l);
        // The end is the tokenizer's current position (a 0-based column used as 1-based).
        let eline = source_line(self.src, last.end_lineno).unwrap_or("");
        e.end_lineno = Some(last.end_lineno as i32);
        e.end_offset = Some(byte_col_to_char_offset(eline, last.end_col_offset as usize) - 1);
        e
    }

    /// `RAISE_SYNTAX_ERROR(msg)`: at the last token fetched.
    pub(crate) fn raise_last(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
    ) -> Box<SyntaxError> {
        let t = self.cur_or_last(self.toks.len().saturating_sub(1));
        self.error_tok(kind, msg, t)
    }

    /// `RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(msg)`: at the current token.
    pub(crate) fn raise_next(&mut self, msg: impl Into<String>) -> PResult<Box<SyntaxError>> {
        self.fill()?;
        let t = self.cur();
        Ok(self.error_tok(SyntaxErrorKind::SyntaxError, msg, t))
    }

    fn cur_or_last(&self, i: usize) -> Token {
        let save = self.pos;
        let _ = save;
        match self.toks.get(i) {
            Some(t) => *t,
            None => self.cur(),
        }
    }

    /// Whether CPython's token has no start position (col_offset -1): ENDMARKER, and the
    /// implicit NEWLINE at the end of a string parsed in `eval`/`single`/`func_type` mode.
    fn is_startless(&self, t: Token) -> bool {
        match t.kind {
            TokenKind::Endmarker => true,
            TokenKind::Newline => {
                self.opts.mode != Mode::Exec
                    && !self.src.ends_with('\n')
                    && t.end as usize >= self.src.len()
            }
            _ => false,
        }
    }

    /// An error at token `t` as `_PyPegen_raise_error` places it: the token's range, except for
    /// tokens without a start in CPython (INDENT, DEDENT, ENDMARKER), which are placed at the
    /// tokenizer's position with no end.
    pub(crate) fn error_tok(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        t: Token,
    ) -> Box<SyntaxError> {
        if matches!(t.kind, TokenKind::Indent | TokenKind::Dedent | TokenKind::Endmarker) {
            let mut e = self.error_at(kind, msg, t.loc());
            let line = source_line(self.src, t.lineno).unwrap_or("");
            e.offset = Some(byte_col_to_char_offset(line, t.col_offset as usize) - 1);
            e.end_lineno = Some(t.lineno as i32);
            e.end_offset = Some(-1);
            return e;
        }
        self.error_at(kind, msg, t.loc())
    }

    /// The generic error after both passes failed without raising (`_PyPegen_set_syntax_error`).
    fn generic_error(&mut self, last: usize) -> Box<SyntaxError> {
        if self.toks.is_empty() {
            return Box::new(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "error at start before reading any input".into(),
                lineno: Some(1),
                offset: Some(1),
                end_lineno: Some(1),
                end_offset: Some(1),
                text: None,
            });
        }
        let t = self.toks[last.min(self.toks.len() - 1)];
        let e = match t.kind {
            TokenKind::Indent => {
                let f = self.toks[self.toks.len() - 1];
                self.error_tok(SyntaxErrorKind::IndentationError, "unexpected indent", f)
            }
            TokenKind::Dedent => {
                let f = self.toks[self.toks.len() - 1];
                self.error_tok(SyntaxErrorKind::IndentationError, "unexpected unindent", f)
            }
            TokenKind::Notequal if self.text(t) == "<>" => self.error_tok(
                SyntaxErrorKind::SyntaxError,
                "invalid syntax.  Maybe you meant '!=' instead of '<>'?",
                t,
            ),
            _ if self.is_startless(t) => {
                // RAISE_SYNTAX_ERROR_KNOWN_LOCATION at a token without a start: column 0.
                let mut e = self.error_at(SyntaxErrorKind::SyntaxError, "invalid syntax", t.loc());
                e.offset = Some(0);
                e.end_offset = Some(0);
                e
            }
            _ => self.error_tok(SyntaxErrorKind::SyntaxError, "invalid syntax", t),
        };
        if matches!(t.kind, TokenKind::Indent | TokenKind::Dedent) {
            return e;
        }
        self.check_rest_of_source(e)
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: a tokenizer error later in the
    /// source takes precedence over a parser error.
    fn check_rest_of_source(&mut self, e: Box<SyntaxError>) -> Box<SyntaxError> {
        if self.tok_error.is_some() {
            return e;
        }
        let err_line = self.toks.last().map_or(0, |t| t.lineno);
        loop {
            match self.tokenizer.next_token() {
                Ok(t) if t.kind == TokenKind::Endmarker => return e,
                Ok(_) => {}
                Err(te) => {
                    if self.tokenizer.done_code().is_some() {
                        // An error CPython's tokenizer reports through `tok->done` (no
                        // exception): only an unclosed bracket opened on an earlier line than
                        // the parser's error replaces it.
                        if let Some((c, line, col)) = self.tokenizer.innermost_open_bracket() {
                            if err_line > line {
                                let l = Loc::new(line, col, line, col);
                                let mut u = self.error_at(
                                    SyntaxErrorKind::SyntaxError,
                                    format!("'{c}' was never closed"),
                                    l,
                                );
                                u.end_offset = Some(0);
                                return u;
                            }
                        }
                        return e;
                    }
                    // Inside an f-/t-string the parser's error stands.
                    if !self.tokenizer.modes.is_empty() {
                        return e;
                    }
                    return Box::new(te);
                }
            }
        }
    }

    // ----- start rules -----

    /// `file: [statements] ENDMARKER`
    fn file_rule(&mut self) -> PResult<Option<ast::Mod>> {
        let body = self.statements()?.unwrap_or_default();
        if self.eat(TokenKind::Endmarker)?.is_none() {
            return Ok(None);
        }
        let type_ignores = std::mem::take(&mut self.type_ignores);
        Ok(Some(ast::Mod::Module { body, type_ignores }))
    }

    /// `interactive: statement_newline`, then CPython's check that nothing but blank lines and
    /// comments follows (`bad_single_statement`).
    fn interactive_rule(&mut self) -> PResult<Option<ast::Mod>> {
        let Some(body) = self.statement_newline()? else { return Ok(None) };
        let end = self.toks[self.pos.saturating_sub(1).min(self.toks.len() - 1)].end as usize;
        let rest = &self.src[end.min(self.src.len())..];
        let only_blank = rest.lines().all(|l| {
            let t = l.trim_start_matches([' ', '\t', '\x0c', '\r']);
            t.is_empty() || t.starts_with('#')
        });
        if !only_blank {
            return Err(self.raise_last(
                SyntaxErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
            ));
        }
        Ok(Some(ast::Mod::Interactive { body }))
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    fn eval_rule(&mut self) -> PResult<Option<ast::Mod>> {
        let Some(e) = self.expressions()? else { return Ok(None) };
        while self.eat(TokenKind::Newline)?.is_some() {}
        if self.eat(TokenKind::Endmarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Mod::Expression { body: Box::new(e) }))
    }

    /// `func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER`
    fn func_type_rule(&mut self) -> PResult<Option<ast::Mod>> {
        if self.eat(TokenKind::Lpar)?.is_none() {
            return Ok(None);
        }
        let argtypes = self.type_expressions()?.unwrap_or_default();
        if self.eat(TokenKind::Rpar)?.is_none() || self.eat(TokenKind::Rarrow)?.is_none() {
            return Ok(None);
        }
        let Some(returns) = self.expression()? else { return Ok(None) };
        while self.eat(TokenKind::Newline)?.is_some() {}
        if self.eat(TokenKind::Endmarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Mod::FunctionType { argtypes, returns: Box::new(returns) }))
    }
}
