//! `codeop.compile_command(code, symbol="exec")` as traceback's keyword-typo search uses it
//! ([`accepts`]), and the report `python FILE` prints for a syntax error, typo search included
//! ([`file_report`], [`string_report`]).
//!
//! `compile_command` accepts code that is incomplete (the input ends inside a statement, checked
//! with `PyCF_ALLOW_INCOMPLETE_INPUT`, also after appending a newline) or that compiles
//! completely, parser and compiler both (so `yield` outside a function is rejected).

use taipan_parser::errors::TypoContext;
use taipan_parser::{Mode, ParseOptions, SyntaxError};

use crate::compile::{CompileOptions, compile};

/// Whether `codeop.compile_command(code, symbol="exec")` returns (a code object, or `None` for
/// incomplete input) instead of raising `SyntaxError`.
pub fn accepts(code: &str) -> bool {
    // Only blank lines and comments: compiled as `pass`.
    let blank = code.split('\n').all(|l| {
        let l = l.trim_matches(|c: char| c.is_whitespace());
        l.is_empty() || l.starts_with('#')
    });
    let source = if blank { "pass" } else { code };
    let opts = ParseOptions { mode: Mode::Exec, ..ParseOptions::default() };
    // First with incomplete input allowed: an error here is retried with a newline appended,
    // and incomplete input (or success) then accepts.
    if taipan_parser::parse_str_detailed(source, &opts).is_err() {
        match taipan_parser::parse_str_detailed(&format!("{source}\n"), &opts) {
            Ok(_) => return true,
            Err(f) if f.incomplete => return true,
            Err(_) => {}
        }
    }
    // Then a full compile, incomplete input no longer allowed.
    match taipan_parser::parse_str(source, &opts) {
        Ok(tree) => compile(&tree, "<input>", &CompileOptions::default()).is_ok(),
        Err(_) => false,
    }
}

/// What `python FILENAME` prints on stderr for `err`, a syntax error in the file whose bytes
/// are `source`: traceback's format, after its keyword-typo search ("invalid syntax. Did you
/// mean 'for'?"). The search needs the parser's last-statement line, so the file is parsed
/// again (only on this error path).
pub fn file_report(err: &SyntaxError, source: &[u8], filename: &str) -> String {
    let opts = ParseOptions { mode: Mode::Exec, ..ParseOptions::default() };
    let last_stmt_lineno = match taipan_parser::parse_file_detailed(source, &opts) {
        Err(f) => f.last_stmt_lineno,
        Ok(_) => 0,
    };
    // traceback reads the file again in text mode: UTF-8, universal newlines.
    let Ok(text) = std::str::from_utf8(source) else {
        // Unreadable so (another encoding): it searches the error's own line, every name of it.
        // Preceded by blank lines to keep the error's line number, that line is the snippet.
        let (Some(line), Some(lineno)) = (&err.text, err.lineno) else {
            return err.report(filename);
        };
        let padded = "\n".repeat(lineno.max(1) as usize - 1) + line;
        let ctx = TypoContext {
            source: &padded,
            last_stmt_lineno: lineno.max(1),
            from_file: false,
            accepts: &accepts,
        };
        return err.report_with_typos(filename, &ctx);
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let ctx = TypoContext { source: &text, last_stmt_lineno, from_file: true, accepts: &accepts };
    err.report_with_typos(filename, &ctx)
}

/// The report for `err`, a syntax error in source given as a string (`python -c CODE`): as
/// [`file_report`], except that the source travels with the exception, so the typo search
/// tries the names of every line from the last statement to the error.
pub fn string_report(err: &SyntaxError, source: &str, filename: &str) -> String {
    let opts = ParseOptions { mode: Mode::Exec, ..ParseOptions::default() };
    let last_stmt_lineno = match taipan_parser::parse_str_detailed(source, &opts) {
        Err(f) => f.last_stmt_lineno,
        Ok(_) => 0,
    };
    let text = source.replace("\r\n", "\n").replace('\r', "\n");
    let ctx = TypoContext { source: &text, last_stmt_lineno, from_file: false, accepts: &accepts };
    err.report_with_typos(filename, &ctx)
}
