//! Literals: NUMBER tokens, and the `strings` rule — implicit concatenation of string, bytes and
//! f-string literals (`_PyPegen_concatenate_strings`), f-strings (`JoinedStr`/`FormattedValue`,
//! `=` debug text, nested format specs) and t-strings (`TemplateStr`/`Interpolation`).

use super::helpers::{bx, mk};
use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, Loc, PyStr};
use crate::tokenizer::{Token, TokenKind as T, literals};
use taipan_common::pystr::PyStrBuilder;

/// One replacement field's pieces, as `_PyPegen_formatted_value` sees them.
struct Field {
    value: Expr,
    /// Source text of the expression (between `{` and the `=`/`!`/`:`/`}` that follows it).
    expr_text_end: u32,
    debug: bool,
    conversion: i32,
    format_spec: Option<Expr>,
    /// The token that ended the expression part (`!`, `:` or `}`), for the debug text.
    terminator: Token,
    open: Token,
    loc: Loc,
}

impl<'s> Parser<'s> {
    /// A NUMBER token's `Constant`.
    pub(crate) fn number(&mut self, t: Token) -> PResult<Expr> {
        match literals::parse_number(self.text(t)) {
            Ok(c) => Ok(self.constant(c, t.loc())),
            Err(msg) => Err(self.raise_loc(t.loc(), msg)),
        }
    }

    /// A STRING token's value and whether it had a `u` prefix.
    fn string_token(&mut self, t: Token) -> PResult<(Constant, bool)> {
        match literals::decode_string_literal(
            self.text(t),
            t.lineno,
            t.col_offset,
            &mut self.warnings,
        ) {
            Ok(lit) => Ok((lit.value, lit.u_prefix)),
            Err(msg) => Err(self.raise_loc(t.loc(), msg)),
        }
    }

    /// An FSTRING_MIDDLE/TSTRING_MIDDLE token's decoded text.
    fn middle_token(&mut self, t: Token, raw: bool) -> PResult<PyStr> {
        match literals::decode_fstring_middle(
            self.text(t),
            raw,
            t.lineno,
            t.col_offset,
            &mut self.warnings,
        ) {
            Ok(s) => Ok(s),
            Err(msg) => Err(self.raise_loc(t.loc(), msg)),
        }
    }

    /// `strings: (fstring|string)+ | tstring+`
    pub(crate) fn strings(&mut self) -> PResult<Option<Expr>> {
        self.fill()?;
        let start = self.start_loc();
        let mark = self.pos;
        if self.at(T::TstringStart)? {
            let mut parts: Vec<Expr> = Vec::new();
            while self.at(T::TstringStart)? {
                let Some(e) = self.fstring(true)? else { break };
                parts.push(e);
            }
            if parts.is_empty() {
                self.pos = mark;
                return Ok(None);
            }
            if self.call_invalid && matches!(self.kind()?, T::String | T::FstringStart) {
                return self.invalid_string_tstring_concat(mark);
            }
            let loc = self.extra(start);
            let mut values = Vec::new();
            for p in parts {
                if let ExprKind::TemplateStr { values: v } = p.kind {
                    values.extend(v);
                }
            }
            let values = fold_constants(values, true);
            return Ok(Some(mk(ExprKind::TemplateStr { values }, loc)));
        }
        let mut parts: Vec<(Expr, bool)> = Vec::new();
        let mut fstring_found = false;
        let mut bytes_found = false;
        let mut unicode_found = false;
        loop {
            match self.kind()? {
                T::String => {
                    let t = self.cur();
                    self.pos += 1;
                    let (value, u) = self.string_token(t)?;
                    match value {
                        Constant::Bytes(_) => bytes_found = true,
                        _ => unicode_found = true,
                    }
                    parts.push((self.constant(value, t.loc()), u));
                }
                T::FstringStart => {
                    let Some(e) = self.fstring(false)? else { break };
                    fstring_found = true;
                    parts.push((e, false));
                }
                _ => break,
            }
        }
        if parts.is_empty() {
            self.pos = mark;
            return Ok(None);
        }
        if self.call_invalid && self.at(T::TstringStart)? {
            return self.invalid_string_tstring_concat(mark);
        }
        let loc = self.extra(start);
        if bytes_found && (unicode_found || fstring_found) {
            return Err(self.raise_last(
                crate::SyntaxErrorKind::SyntaxError,
                "cannot mix bytes and nonbytes literals",
            ));
        }
        if bytes_found {
            let mut out = Vec::new();
            for (p, _) in &parts {
                if let ExprKind::Constant { value: Constant::Bytes(b), .. } = &p.kind {
                    out.extend_from_slice(b);
                }
            }
            return Ok(Some(self.constant(Constant::Bytes(out.into_boxed_slice()), loc)));
        }
        if !fstring_found && parts.len() == 1 {
            let (mut e, u) = parts.pop().unwrap();
            if u {
                if let ExprKind::Constant { kind, .. } = &mut e.kind {
                    *kind = Some("u".into());
                }
            }
            return Ok(Some(e));
        }
        let mut flat = Vec::new();
        for (p, u) in parts {
            match p.kind {
                ExprKind::JoinedStr { values } => flat.extend(values),
                ExprKind::Constant { value, .. } => {
                    let kind = if u { Some("u".into()) } else { None };
                    flat.push(mk(ExprKind::Constant { value, kind }, p.loc));
                }
                _ => flat.push(p),
            }
        }
        let mut values = fold_constants(flat, fstring_found);
        if !fstring_found {
            let mut e =
                values.pop().unwrap_or_else(|| self.constant(Constant::Str(PyStr::default()), loc));
            e.loc = loc;
            return Ok(Some(e));
        }
        Ok(Some(mk(ExprKind::JoinedStr { values }, loc)))
    }

    /// `fstring: FSTRING_START fstring_middle* FSTRING_END` (and `tstring`), giving a
    /// `JoinedStr`/`TemplateStr` of the pieces (debug text already split out).
    pub(crate) fn fstring(&mut self, template: bool) -> PResult<Option<Expr>> {
        let (start_k, middle_k, end_k) = if template {
            (T::TstringStart, T::TstringMiddle, T::TstringEnd)
        } else {
            (T::FstringStart, T::FstringMiddle, T::FstringEnd)
        };
        let mark = self.pos;
        let Some(a) = self.eat(start_k)? else { return Ok(None) };
        let raw = self.text(a).contains(['r', 'R']);
        let mut values = Vec::new();
        loop {
            let k = self.kind()?;
            if k == middle_k {
                let t = self.cur();
                self.pos += 1;
                let s = self.middle_token(t, raw)?;
                if !s.is_empty() {
                    values.push(self.constant(Constant::Str(s), t.loc()));
                }
            } else if k == T::Lbrace {
                let Some(f) = self.replacement_field(template, raw)? else {
                    self.pos = mark;
                    return Ok(None);
                };
                self.push_field(&mut values, f, template);
            } else {
                break;
            }
        }
        let Some(b) = self.eat(end_k)? else {
            self.pos = mark;
            return Ok(None);
        };
        if template {
            self.check_version(14, "t-strings are")?;
        }
        let loc = a.loc().to(b.loc());
        Ok(Some(if template {
            mk(ExprKind::TemplateStr { values }, loc)
        } else {
            mk(ExprKind::JoinedStr { values }, loc)
        }))
    }

    fn push_field(&self, values: &mut Vec<Expr>, f: Field, template: bool) {
        let field_loc = f.loc;
        if f.debug {
            let term = f.terminator;
            let text = strip_comments(&self.src[f.open.end as usize..term.start as usize]);
            let dloc =
                Loc::new(field_loc.lineno, field_loc.col_offset + 1, term.lineno, term.col_offset);
            values.push(self.constant(Constant::Str(PyStr::from(text.as_str())), dloc));
        }
        let e = if template {
            let text = strip_comments(&self.src[f.open.end as usize..f.expr_text_end as usize]);
            mk(
                ExprKind::Interpolation {
                    value: bx(f.value),
                    str: PyStr::from(text.as_str()),
                    conversion: f.conversion,
                    format_spec: f.format_spec.map(bx),
                },
                field_loc,
            )
        } else {
            mk(
                ExprKind::FormattedValue {
                    value: bx(f.value),
                    conversion: f.conversion,
                    format_spec: f.format_spec.map(bx),
                },
                field_loc,
            )
        };
        values.push(e);
    }

    /// `fstring_replacement_field: '{' annotated_rhs '='? [fstring_conversion]
    /// [fstring_full_format_spec] '}'`
    fn replacement_field(&mut self, template: bool, raw: bool) -> PResult<Option<Field>> {
        let mark = self.pos;
        let open = self.cur();
        self.pos += 1;
        let value =
            if self.at(T::KwYield)? { self.yield_expr()? } else { self.star_expressions()? };
        let Some(value) = value else {
            return self.field_fail(mark, template);
        };
        self.fill()?;
        let expr_text_end = self.cur().start;
        let debug = self.eat(T::Equal)?.is_some();
        let mut conversion = -1;
        let mut has_conversion = false;
        self.fill()?;
        let mut terminator = self.cur();
        if self.at(T::Exclamation)? {
            let bang = self.cur();
            if self.kind_at(1)? != T::Name {
                return self.field_fail(mark, template);
            }
            let n = self.toks[self.pos + 1];
            // `_PyPegen_check_fstring_conversion`: the name must follow the '!' directly.
            if bang.end_lineno != n.lineno || bang.end_col_offset != n.col_offset {
                let kind = if template { "t-string" } else { "f-string" };
                return Err(self.raise_range(
                    bang.loc(),
                    n.loc(),
                    format!("{kind}: conversion type must come right after the exclamation mark"),
                ));
            }
            self.pos += 2;
            let name = self.text(n);
            let c = name.chars().next().unwrap_or(' ');
            if name.chars().count() > 1 || !matches!(c, 's' | 'r' | 'a') {
                let kind = if template { "t-string" } else { "f-string" };
                let msg = format!(
                    "{kind}: invalid conversion character {}: expected 's', 'r', or 'a'",
                    PyStr::from(name).repr()
                );
                return Err(self.raise_loc(n.loc(), msg));
            }
            conversion = c as i32;
            has_conversion = true;
        }
        let mut format_spec = None;
        if self.at(T::Colon)? {
            let colon = self.cur();
            if !has_conversion {
                terminator = colon;
            }
            self.pos += 1;
            let Some(spec) = self.format_spec(colon, template, raw)? else {
                return self.field_fail(mark, template);
            };
            format_spec = Some(spec);
        }
        if !has_conversion && format_spec.is_none() {
            self.fill()?;
            terminator = self.cur();
        }
        let Some(_close) = self.eat(T::Rbrace)? else {
            return self.field_fail(mark, template);
        };
        if debug && !has_conversion && format_spec.is_none() {
            conversion = 'r' as i32;
        }
        let loc = self.extra(open.loc());
        Ok(Some(Field {
            value,
            expr_text_end,
            debug,
            conversion,
            format_spec,
            terminator,
            open,
            loc,
        }))
    }

    /// Whether a replacement field parses here (for the invalid rules).
    pub(crate) fn replacement_field_any(&mut self, template: bool) -> PResult<bool> {
        Ok(self.replacement_field(template, false)?.is_some())
    }

    fn field_fail(&mut self, mark: usize, template: bool) -> PResult<Option<Field>> {
        self.pos = mark;
        if self.call_invalid {
            self.invalid_replacement_field(template)?;
        }
        self.pos = mark;
        Ok(None)
    }

    /// `fstring_full_format_spec: ':' fstring_format_spec*` (after the colon).
    fn format_spec(&mut self, colon: Token, template: bool, raw: bool) -> PResult<Option<Expr>> {
        let middle_k = if template { T::TstringMiddle } else { T::FstringMiddle };
        let mut items = Vec::new();
        loop {
            let k = self.kind()?;
            if k == middle_k {
                let t = self.cur();
                self.pos += 1;
                let s = self.middle_token(t, raw)?;
                items.push(self.constant(Constant::Str(s), t.loc()));
            } else if k == T::Lbrace {
                let Some(f) = self.replacement_field(template, raw)? else { return Ok(None) };
                // A field nested in a format spec is a FormattedValue, in t-strings too.
                self.push_field(&mut items, f, false);
            } else {
                break;
            }
        }
        let loc = self.extra(colon.loc());
        items.retain(|e| !is_empty_str(e));
        let values = if items.len() <= 1 { items } else { fold_constants(items, true) };
        Ok(Some(mk(ExprKind::JoinedStr { values }, loc)))
    }
}

/// The source text of a replacement field's expression as CPython keeps it for `=` and
/// `Interpolation.str`: comments removed (up to, not including, the end of their line).
fn strip_comments(text: &str) -> String {
    if !text.contains('#') {
        return text.to_string();
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        match b[i] {
            q @ (b'\'' | b'"') => {
                let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
                let n = if triple { 3 } else { 1 };
                i += n;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q
                        && (!triple || (b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q))
                    {
                        i += n;
                        break;
                    }
                    if !triple && b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'#' => {
                out.push_str(&text[copied..i]);
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                copied = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

fn is_empty_str(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Constant { value: Constant::Str(s), .. } if s.is_empty())
}

/// Merges runs of adjacent string constants into one (kind of the first, location spanning the
/// run) and drops empty ones when `drop_empty`, as `_PyPegen_concatenate_strings` does.
fn fold_constants(flat: Vec<Expr>, drop_empty: bool) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::with_capacity(flat.len());
    let mut run: Option<(PyStrBuilder, Option<Box<str>>, Loc, Loc)> = None;
    let flush = |run: &mut Option<(PyStrBuilder, Option<Box<str>>, Loc, Loc)>,
                 out: &mut Vec<Expr>| {
        if let Some((b, kind, first, last)) = run.take() {
            let s = b.finish();
            if drop_empty && s.is_empty() {
                return;
            }
            out.push(mk(ExprKind::Constant { value: Constant::Str(s), kind }, first.to(last)));
        }
    };
    for e in flat {
        match e.kind {
            ExprKind::Constant { value: Constant::Str(s), kind } => match &mut run {
                Some((b, _, _, last)) => {
                    b.push_pystr(&s);
                    *last = e.loc;
                }
                None => {
                    let mut b = PyStrBuilder::default();
                    b.push_pystr(&s);
                    run = Some((b, kind, e.loc, e.loc));
                }
            },
            kind => {
                flush(&mut run, &mut out);
                out.push(Expr { kind, loc: e.loc });
            }
        }
    }
    flush(&mut run, &mut out);
    out
}
