//! Printing an uncaught exception as CPython 3.14 does: the chain of causes and contexts, then
//! for each `Traceback (most recent call last):` one `File "...", line N, in NAME` entry per
//! frame, the source line, and the `~~~^^^` markers where `Lib/traceback.py` prints them (an
//! anchor on a binary operator, a subscript or a call; plain `^` under a part of the line).

use std::cell::RefCell;
use std::collections::HashMap;

use taipan_parser::ast::{ExprKind, Mod, StmtKind};
use taipan_parser::{ParseOptions, parse_bytes};

use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::code::as_code;
use crate::types::exceptions::ExcPayload;
use crate::types::typeobject::TypeFlags;

/// Source text of files without a path on disk (`-c`), by file name.
static SOURCES: crate::gil::GilLazy<RefCell<HashMap<String, String>>> =
    crate::gil::GilLazy::new(|| RefCell::new(HashMap::new()));

/// Makes `text` the source shown in tracebacks for `filename`.
pub fn register_source(filename: &str, text: &str) {
    SOURCES.with(|s| s.borrow_mut().insert(filename.to_string(), text.to_string()));
}

fn source_line(filename: &str, line: usize) -> Option<String> {
    let index = line.checked_sub(1)?;
    if let Some(text) = SOURCES.with(|s| s.borrow().get(filename).cloned()) {
        return text.lines().nth(index).map(str::to_string);
    }
    // CPython prints through `linecache`: lines it holds win (and are the only source of
    // `<frozen ...>` files, once the traceback module has loaded them through a loader).
    if let Some(l) = linecache_line(filename, index) {
        return Some(l);
    }
    let bytes = std::fs::read(filename).ok()?;
    String::from_utf8_lossy(&bytes).lines().nth(index).map(str::to_string)
}

/// Line `index` of `filename` in `linecache.cache`, when that module is loaded and holds it.
fn linecache_line(filename: &str, index: usize) -> Option<String> {
    let modules = crate::import::sys_attr("modules")?;
    let lc = crate::types::dict::as_dict(modules.as_ref())?.get_str("linecache").ok()??;
    let cache =
        crate::attr::getattr(lc.as_ref(), crate::types::str::intern("cache").as_ref()).ok()?;
    let entry = crate::types::dict::as_dict(cache.as_ref())?
        .get_item(crate::types::str::new_str(filename).as_ref())
        .ok()??;
    let items = crate::types::tuple::tuple_items(entry.as_ref())?;
    let lines = crate::types::list::as_list(items.get(2)?.as_ref())?.get(index)?;
    let text = crate::types::str::str_to_string(lines.as_ref())?;
    Some(text.trim_end_matches(['\n', '\r']).to_string())
}

/// The last line: `Type: message` (qualified by the module for classes outside builtins).
pub fn exception_summary(exc: ObjectRef<'_>) -> String {
    let ty = exc.type_();
    let mut name = ty.name().to_string();
    if ty.has_flag(TypeFlags::HEAPTYPE)
        && let Ok(m) =
            crate::attr::getattr(ty.as_object(), crate::types::str::intern("__module__").as_ref())
        && let Ok(m) = ops::str_string(m.as_ref())
        && m != "builtins"
        && m != "__main__"
    {
        name = format!("{m}.{name}");
    }
    let msg = match ops::str_string(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() { name } else { format!("{name}: {msg}") }
}

/// The report CPython's C traceback printer writes for an unraisable exception (`__del__`,
/// weakref callbacks, closing a generator): the entries with their first source line, no
/// `~`/`^` markers and no chained exceptions, then the `Type: message` line.
pub fn format_exception_plain(exc: ObjectRef<'_>) -> String {
    let mut out = String::new();
    if let Some(p) = exc.payload::<ExcPayload>() {
        let tb = p.traceback.borrow();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        for e in tb.iter().rev() {
            let c = as_code(e.code.as_ref()).expect("code");
            let filename = c.code.filename.to_string_lossy();
            let name = c.code.name.to_string_lossy();
            match c.position(e.lasti as usize).line {
                Some(line) => {
                    out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
                    if let Some(text) = source_line(&filename, line as usize)
                        && !text.trim().is_empty()
                    {
                        out.push_str(&format!("    {}\n", text.trim()));
                    }
                }
                None => out.push_str(&format!("  File \"{filename}\", line ?, in {name}\n")),
            }
        }
    }
    out.push_str(&exception_summary(exc));
    out.push('\n');
    out
}

thread_local! {
    /// Set while printing as CPython's C fallback printer does (see `format_exception`).
    static PLAIN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Below this recursion limit CPython's `traceback` module cannot run (it needs about this many
/// frames of its own), so the interpreter falls back to its C printer, which shows only the
/// first source line of each entry and no `~`/`^` markers.
const TRACEBACK_MODULE_DEPTH: usize = 46;

/// The whole report for an uncaught exception, chained exceptions first; exception groups in
/// `Lib/traceback.py`'s boxed layout.
pub fn format_exception(exc: ObjectRef<'_>) -> String {
    PLAIN.with(|p| p.set(crate::eval::recursion_limit() < TRACEBACK_MODULE_DEPTH));
    let mut out = String::new();
    let mut ctx = PrintCtx { seen: Vec::new(), depth: 0, need_close: false };
    format_chain(exc, &mut out, &mut ctx);
    out
}

/// `Lib/traceback.py`'s limits on printing exception groups.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// `traceback._ExceptionPrintContext`: the nesting depth inside exception groups.
struct PrintCtx {
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text` with each line prefixed by the indent and margin of the current depth.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn format_chain(exc: ObjectRef<'_>, out: &mut String, ctx: &mut PrintCtx) {
    // The chain, outermost first, as `TracebackException.format` walks it.
    let mut chain: Vec<(Option<&str>, Object)> = Vec::new();
    let mut cur: Option<Object> = Some(exc.to_owned());
    while let Some(e) = cur.take() {
        ctx.seen.push(e.id());
        let mut msg = None;
        if let Some(p) = e.payload::<ExcPayload>()
            && chain.len() < 100
        {
            let cause = p.cause.borrow().clone();
            let context = p.context.borrow().clone();
            if let Some(c) = cause.filter(|c| !ctx.seen.contains(&c.id())) {
                msg = Some(CAUSE_MESSAGE);
                cur = Some(c);
            } else if let Some(c) =
                context.filter(|c| !ctx.seen.contains(&c.id()) && !p.suppress_context.get())
            {
                msg = Some(CONTEXT_MESSAGE);
                cur = Some(c);
            }
        }
        chain.push((msg, e));
    }
    for (msg, e) in chain.into_iter().rev() {
        let e = e.as_ref();
        if let Some(m) = msg {
            ctx.emit(out, m, '|');
        }
        if !crate::types::exception_group::is_group(e) {
            let mut s = String::new();
            format_one(e, &mut s);
            ctx.emit(out, &s, '|');
        } else if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(out, &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
        } else {
            format_group(e, out, ctx);
        }
    }
}

fn format_group(e: ObjectRef<'_>, out: &mut String, ctx: &mut PrintCtx) {
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    let mut stack = String::new();
    format_stack(e, &mut stack);
    if !stack.is_empty() {
        ctx.emit(
            out,
            "Exception Group Traceback (most recent call last):\n",
            if toplevel { '+' } else { '|' },
        );
        ctx.emit(out, &stack, '|');
    }
    let mut only = String::new();
    format_exception_only(e, &mut only);
    ctx.emit(out, &only, '|');
    let excs = crate::types::exception_group::exceptions_of(e);
    let n = excs.len().min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        out.push_str(&ctx.indent());
        out.push_str(if i == 0 { "+-" } else { "  " });
        out.push_str(&format!("+---------------- {title} ----------------\n"));
        ctx.depth += 1;
        if !truncated {
            format_chain(excs[i].as_ref(), out, ctx);
        } else {
            let remaining = excs.len() - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            ctx.emit(out, &format!("and {remaining} more exception{plural}\n"), '|');
        }
        if last && ctx.need_close {
            out.push_str(&ctx.indent());
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

fn format_one(exc: ObjectRef<'_>, out: &mut String) {
    let mut stack = String::new();
    format_stack(exc, &mut stack);
    if !stack.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&stack);
    }
    format_exception_only(exc, out);
}

/// The entries of the exception's traceback, innermost last.
fn format_stack(exc: ObjectRef<'_>, out: &mut String) {
    if let Some(p) = exc.payload::<ExcPayload>() {
        let tb = p.traceback.borrow();
        if !tb.is_empty() {
            let mut last: Option<(String, i32, String)> = None;
            let mut repeats = 0usize;
            for e in tb.iter().rev() {
                let key = entry_key(&e.code, e.lasti);
                if last.as_ref() == Some(&key) {
                    repeats += 1;
                    if repeats >= 3 {
                        continue;
                    }
                } else {
                    flush_repeats(out, repeats);
                    repeats = 0;
                    last = Some(key);
                }
                format_entry(&e.code, e.lasti as usize, out);
            }
            flush_repeats(out, repeats);
        }
    }
}

/// `Type: message`, the hint, then the notes.
fn format_exception_only(exc: ObjectRef<'_>, out: &mut String) {
    let report = exc.payload::<ExcPayload>().and_then(|p| p.report.borrow().clone());
    match report {
        Some(r) => out.push_str(&r),
        None => {
            out.push_str(&exception_summary(exc));
            if let Some(h) = exc.payload::<ExcPayload>().and_then(|p| p.hint.borrow().clone()) {
                out.push_str(&h);
            }
            out.push('\n');
        }
    }
    // PEP 678 notes, one per line after the message.
    if let Some(d) = exc.payload::<ExcPayload>().and_then(|p| p.dict.borrow().clone())
        && let Ok(Some(notes)) =
            crate::types::dict::as_dict(d.as_ref()).expect("dict").get_str("__notes__")
        && let Ok(items) = crate::eval::helpers::iterate(notes.as_ref())
    {
        for n in items {
            match crate::types::str::Str::new(n.as_ref()) {
                Some(s) => out.push_str(&s.to_string_lossy()),
                None => out.push_str(&ops::repr_string(n.as_ref()).unwrap_or_default()),
            }
            out.push('\n');
        }
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n == 1 { "" } else { "s" }
        ));
    }
}

fn entry_key(code: &Object, lasti: u32) -> (String, i32, String) {
    let c = as_code(code.as_ref()).expect("code");
    let line = c.position(lasti as usize).line.unwrap_or(-1);
    (c.code.filename.to_string_lossy(), line, c.code.name.to_string_lossy())
}

fn format_entry(code: &Object, lasti: usize, out: &mut String) {
    let c = as_code(code.as_ref()).expect("code");
    let pos = c.position(lasti);
    let filename = c.code.filename.to_string_lossy();
    let name = c.code.name.to_string_lossy();
    let Some(line) = pos.line else {
        out.push_str(&format!("  File \"{filename}\", line ?, in {name}\n"));
        return;
    };
    out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
    let plain = PLAIN.with(|p| p.get());
    if let Some(end_line) = pos.end_line
        && end_line > line
        && !plain
    {
        // A span over several lines: show them all, dedented together, without markers.
        let lines: Vec<String> = (line..=end_line)
            .filter_map(|n| source_line(&filename, n as usize))
            .map(|l| l.trim_end().to_string())
            .collect();
        let indent = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start().len())
            .min()
            .unwrap_or(0);
        for l in &lines {
            out.push_str("    ");
            out.push_str(l.get(indent..).unwrap_or(l.trim_start()));
            out.push('\n');
        }
        return;
    }
    let Some(text) = source_line(&filename, line as usize) else { return };
    let text = text.trim_end();
    let stripped = text.trim_start();
    if stripped.is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if plain {
        return;
    }
    // Markers only for a span on this one line.
    let (Some(col), Some(end_col)) = (pos.col, pos.end_col) else { return };
    if pos.end_line != Some(line) {
        return;
    }
    let start = byte_to_char(text, col as usize);
    let end = byte_to_char(text, end_col as usize);
    let indent = text.chars().count() - stripped.chars().count();
    if start < indent || end <= start {
        return;
    }
    let (start, end) = (start - indent, (end - indent).min(stripped.chars().count()));
    let chars: Vec<char> = stripped.chars().collect();
    let segment: String = chars[start..end].iter().collect();
    let anchors = anchors(&segment);
    if !should_show_carets(stripped, start, end, anchors.is_some()) {
        return;
    }
    let lead: usize = chars[..start].iter().map(|&c| display_width(c)).sum();
    let mut marks = " ".repeat(lead + 4);
    for (i, &c) in chars[start..end].iter().enumerate() {
        let primary = match anchors {
            Some((a, b)) => !(a..b).contains(&i),
            None => false,
        };
        for _ in 0..display_width(c) {
            marks.push(if primary { '~' } else { '^' });
        }
    }
    out.push_str(&marks);
    out.push('\n');
}

/// Columns a character takes on a terminal: 2 for East Asian wide and fullwidth characters (as
/// `traceback._display_width` counts them), else 1.
fn display_width(c: char) -> usize {
    let c = c as u32;
    let wide = matches!(c,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

fn byte_to_char(text: &str, b: usize) -> usize {
    let b = b.min(text.len());
    let mut b = b;
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}

/// `traceback.py`'s rule: markers when there are anchors or the span does not cover the whole
/// line, but never under `return f(...)` or `x = f(...)` whose call is the whole line.
fn should_show_carets(line: &str, start: usize, end: usize, has_anchors: bool) -> bool {
    if let Ok(Mod::Module { body, .. }) = parse_bytes(line.as_bytes(), &ParseOptions::default())
        && let Some(st) = body.first()
    {
        let value = match &st.kind {
            StmtKind::Return { value: Some(v) } => match &v.kind {
                ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name { .. }) => {
                    Some(v)
                }
                _ => None,
            },
            StmtKind::Assign { targets, value, .. }
                if targets.len() == 1
                    && matches!(targets[0].kind, ExprKind::Name { .. })
                    && matches!(value.kind, ExprKind::Call { .. }) =>
            {
                Some(value)
            }
            _ => None,
        };
        if let Some(v) = value
            && v.loc.lineno == 1
            && v.loc.end_lineno == 1
            && byte_to_char(line, v.loc.col_offset as usize) == start
            && byte_to_char(line, v.loc.end_col_offset as usize) == end
        {
            return false;
        }
    }
    if has_anchors {
        return true;
    }
    let chars: Vec<char> = line.chars().collect();
    let before: String = chars[..start].iter().collect();
    let after: String = chars[end..].iter().collect();
    !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

/// The `^` range (in characters of `segment`) for a binary operator, subscript or call.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    if segment.contains('\n') {
        return None;
    }
    let wrapped = format!("(\n{segment}\n)");
    let Ok(Mod::Module { body, .. }) = parse_bytes(wrapped.as_bytes(), &ParseOptions::default())
    else {
        return None;
    };
    let [st] = &body[..] else { return None };
    let StmtKind::Expr { value } = &st.kind else { return None };
    let chars: Vec<char> = segment.chars().collect();
    // Positions of sub-expressions are on line 2 of `wrapped`, i.e. line 0 of `segment`.
    let at = |line: u32, col: u32| -> Option<usize> {
        (line == 2).then(|| byte_to_char(segment, col as usize))
    };
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let mut i = at(left.loc.end_lineno, left.loc.end_col_offset)?;
            while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ')') {
                i += 1;
            }
            if i >= chars.len() {
                return None;
            }
            let mut j = i + 1;
            let right_start = at(right.loc.lineno, right.loc.col_offset).unwrap_or(usize::MAX);
            if j < chars.len()
                && j < right_start
                && !chars[j].is_whitespace()
                && chars[j] != '\\'
                && chars[j] != '#'
            {
                j += 1;
            }
            Some((i, j))
        }
        ExprKind::Subscript { value: v, .. } => {
            let mut i = at(v.loc.end_lineno, v.loc.end_col_offset)?;
            while i < chars.len() && chars[i] != '[' {
                i += 1;
            }
            Some((i, at(value.loc.end_lineno, value.loc.end_col_offset)?))
        }
        ExprKind::Call { func, .. } => {
            let mut i = at(func.loc.end_lineno, func.loc.end_col_offset)?;
            while i < chars.len() && chars[i] != '(' {
                i += 1;
            }
            Some((i, at(value.loc.end_lineno, value.loc.end_col_offset)?))
        }
        _ => None,
    }
}
