//! The keyword-typo search `traceback` runs before printing a generic `SyntaxError` (3.14's
//! `TracebackException._find_keyword_typos`): on the error line, a name that is close to a keyword
//! is replaced by that keyword, and if the changed code compiles (or is merely incomplete), the
//! report points at the name and says "invalid syntax. Did you mean 'KEYWORD'?".
//!
//! Also here: the two "close match" measures it uses, the weighted Levenshtein distance of
//! CPython's `_suggestions` module and `difflib.get_close_matches`.

use std::collections::HashMap;

/// Python's hard keywords (`keyword.kwlist`), in its order.
pub const KWLIST: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// What `python FILE` knows, besides the exception, when it formats a `SyntaxError`.
pub struct TypoContext<'a> {
    /// The whole source file as text (newlines as `\n`).
    pub source: &'a str,
    /// First line of the last statement the parser completed in its second pass (CPython's
    /// `SyntaxError._metadata[0]`), 0 if none.
    pub last_stmt_lineno: i32,
    /// traceback read the source back from the file (`python FILE`): only names on the error
    /// line are tried. With the source in the exception (`python -c`, `compile()` of a string)
    /// every name of the snippet is.
    pub from_file: bool,
    /// Whether `codeop.compile_command(code, symbol="exec")` succeeds: `code` compiles completely
    /// (parser *and* compiler, so `yield` outside a function is rejected), or is incomplete input
    /// (an open block, bracket or string at its end).
    pub accepts: &'a dyn Fn(&str) -> bool,
}

/// A successful suggestion: the error is re-pointed at the misspelt name.
#[derive(Debug, PartialEq, Eq)]
pub struct Typo {
    /// The physical line holding the name (dedented like the snippet it came from).
    pub text: String,
    /// Line of the name, counted in the snippet (only compared with itself by the report).
    pub lineno: i32,
    /// 1-based character columns of the name in `text`.
    pub offset: i32,
    pub end_offset: i32,
    pub msg: String,
}

/// Runs the search for an error with message `msg` reported at line `lineno`.
pub fn find_keyword_typo(msg: &str, lineno: i32, ctx: &TypoContext) -> Option<Typo> {
    if msg != "invalid syntax" && !msg.contains("Perhaps you forgot a comma") {
        return None;
    }
    let line = ctx.last_stmt_lineno;
    let end_line = lineno.max(0) as usize;
    let lines = py_splitlines(ctx.source);
    let start = if line > 0 { line as usize - 1 } else { 0 };
    let snippet: Vec<&str> = if start < end_line.min(lines.len()) {
        lines[start..end_line.min(lines.len())].to_vec()
    } else {
        Vec::new()
    };
    let error_code = dedent(&snippet.join("\n"));
    if error_code.chars().count() > 1024 {
        return None;
    }
    let error_lines = py_splitlines(&error_code);
    // The snippet's first line is file line max(line, 1); only names on the error line count.
    let first = line.max(1) as usize;
    let mut left = 10i32;
    for tok in scan_names(&error_code) {
        let tok = tok.ok()?;
        if ctx.from_file && tok.row + first - 1 != end_line {
            continue;
        }
        if KWLIST.contains(&tok.name.as_str()) {
            continue;
        }
        left -= 1;
        if left < 0 {
            break;
        }
        let mut matches: Vec<&str> = Vec::new();
        if let Some(s) = closest_by_distance(&KWLIST, &tok.name) {
            matches.push(s);
        }
        matches.extend(close_matches(&tok.name, &KWLIST, 3, 0.5));
        matches.truncate(3);
        for suggestion in matches {
            if suggestion.is_empty() || suggestion == tok.name {
                continue;
            }
            let mut the_lines: Vec<String> = error_lines.iter().map(|s| s.to_string()).collect();
            let Some(the_line) = the_lines.get(tok.row - 1) else { continue };
            let chars: Vec<char> = the_line.chars().collect();
            let (a, b) = (tok.col.min(chars.len()), tok.end_col.min(chars.len()));
            let mut changed: String = chars[..a].iter().collect();
            changed.push_str(suggestion);
            changed.extend(&chars[b..]);
            the_lines[tok.row - 1] = changed;
            if (ctx.accepts)(&the_lines.join("\n")) {
                return Some(Typo {
                    text: tok.line.clone(),
                    lineno: tok.row as i32,
                    offset: tok.col as i32 + 1,
                    end_offset: tok.end_col as i32 + 1,
                    msg: format!("invalid syntax. Did you mean '{suggestion}'?"),
                });
            }
        }
    }
    None
}

/// `str.splitlines()`: splits at every line boundary Python knows, dropping the boundaries.
pub fn py_splitlines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let boundary = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if boundary {
            out.push(&s[start..i]);
            let mut next = i + c.len_utf8();
            if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
                it.next();
                next += 1;
            }
            start = next;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Python's `str.isspace()` for one character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `textwrap.dedent` (3.14): removes the longest run of leading spaces/tabs common to every line
/// that is not blank; blank lines become empty.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let is_blank = |l: &str| !l.is_empty() && l.chars().all(py_isspace);
    let non_blank: Vec<&str> =
        lines.iter().copied().filter(|l| !l.is_empty() && !is_blank(l)).collect();
    let l1 = non_blank.iter().copied().min().unwrap_or("");
    let l2 = non_blank.iter().copied().max().unwrap_or("");
    let l2: Vec<char> = l2.chars().collect();
    let mut margin = 0;
    for (i, c) in l1.chars().enumerate() {
        margin = i;
        if l2.get(i) != Some(&c) || !(c == ' ' || c == '\t') {
            break;
        }
    }
    let out: Vec<String> = lines
        .iter()
        .map(|l| if is_blank(l) { String::new() } else { l.chars().skip(margin).collect() })
        .collect();
    out.join("\n")
}

/// A NAME token of the snippet: 1-based row, 0-based character columns, its physical line.
struct NameTok {
    name: String,
    row: usize,
    col: usize,
    end_col: usize,
    line: String,
}

/// The NAME tokens of `code`, in order, as `tokenize.generate_tokens` yields them; an `Err` where
/// the tokenizer would raise (an unterminated string), which ends the search. Strings (f-strings
/// included, whose fields are not looked into), numbers and comments are skipped.
fn scan_names(code: &str) -> Vec<Result<NameTok, ()>> {
    let phys: Vec<&str> = code.split_inclusive('\n').collect();
    let mut out = Vec::new();
    let mut row = 0;
    // An open triple-quoted string carried over lines: its quote.
    let mut open_triple: Option<&str> = None;
    while row < phys.len() {
        let line = phys[row];
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        if let Some(q) = open_triple {
            match find_from(&chars, 0, q) {
                Some(end) => {
                    open_triple = None;
                    i = end;
                }
                None => {
                    row += 1;
                    continue;
                }
            }
        }
        while i < chars.len() {
            let c = chars[i];
            if c == '#' {
                break;
            }
            if c == '"' || c == '\'' {
                match skip_string(&chars, i) {
                    StrEnd::At(end) => i = end,
                    StrEnd::Triple(q) => {
                        open_triple = Some(q);
                        break;
                    }
                    StrEnd::Unterminated => {
                        out.push(Err(()));
                        return out;
                    }
                }
                continue;
            }
            if c.is_ascii_digit()
                || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
            {
                i += 1;
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
                {
                    i += 1;
                }
                continue;
            }
            if c == '_' || c.is_alphabetic() || (c as u32) >= 128 {
                let start = i;
                while i < chars.len()
                    && (chars[i] == '_' || chars[i].is_alphanumeric() || (chars[i] as u32) >= 128)
                {
                    i += 1;
                }
                // A string prefix directly followed by a quote starts a string.
                if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') && i - start <= 3 {
                    let prefix: String = chars[start..i].iter().collect::<String>().to_lowercase();
                    if prefix.chars().all(|p| "rbuft".contains(p)) {
                        match skip_string(&chars, i) {
                            StrEnd::At(end) => i = end,
                            StrEnd::Triple(q) => {
                                open_triple = Some(q);
                                break;
                            }
                            StrEnd::Unterminated => {
                                out.push(Err(()));
                                return out;
                            }
                        }
                        continue;
                    }
                }
                out.push(Ok(NameTok {
                    name: chars[start..i].iter().collect(),
                    row: row + 1,
                    col: start,
                    end_col: i,
                    line: line.to_string(),
                }));
                continue;
            }
            i += 1;
        }
        row += 1;
    }
    if open_triple.is_some() {
        out.push(Err(()));
    }
    out
}

enum StrEnd {
    /// Ends on this line; index just past the closing quote.
    At(usize),
    /// A triple-quoted string that continues on the next lines.
    Triple(&'static str),
    Unterminated,
}

fn skip_string(chars: &[char], i: usize) -> StrEnd {
    let q = chars[i];
    let triple = chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q);
    if triple {
        let quote: &'static str = if q == '"' { "\"\"\"" } else { "'''" };
        return match find_from(chars, i + 3, quote) {
            Some(end) => StrEnd::At(end),
            None => StrEnd::Triple(quote),
        };
    }
    let mut j = i + 1;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            '\n' => return StrEnd::Unterminated,
            c if c == q => return StrEnd::At(j + 1),
            _ => j += 1,
        }
    }
    StrEnd::Unterminated
}

/// Index just past the first unescaped `quote` at or after `from`.
fn find_from(chars: &[char], from: usize, quote: &str) -> Option<usize> {
    let q: Vec<char> = quote.chars().collect();
    let mut j = from;
    while j + q.len() <= chars.len() {
        if chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j..j + q.len()] == q[..] {
            return Some(j + q.len());
        }
        j += 1;
    }
    None
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance over UTF-8 bytes where an insertion or deletion costs 2, a substitution 2, and a
/// change of ASCII case only 1; anything above `max_cost` is reported as `max_cost + 1`.
pub fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix: row[i] = cost(b[..done], a[..i + 1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diag = bi * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(code, ac);
            diag = row[ai];
            let insert_delete = result.min(diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// CPython's `_suggestions._generate_suggestions(candidates, name)`: the candidate closest to
/// `name` by [`levenshtein`], if it is close enough (about a third of the characters).
pub fn closest_by_distance<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name, item, max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

/// `difflib.get_close_matches(word, possibilities, n, cutoff)`.
pub fn close_matches<'a>(
    word: &str,
    possibilities: &[&'a str],
    n: usize,
    cutoff: f64,
) -> Vec<&'a str> {
    let b: Vec<char> = word.chars().collect();
    let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
    for (j, &c) in b.iter().enumerate() {
        b2j.entry(c).or_default().push(j);
    }
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for &x in possibilities {
        let a: Vec<char> = x.chars().collect();
        let total = a.len() + b.len();
        let ratio_of = |m: usize| if total == 0 { 1.0 } else { 2.0 * m as f64 / total as f64 };
        if ratio_of(a.len().min(b.len())) < cutoff {
            continue;
        }
        if ratio_of(multiset_overlap(&a, &b)) < cutoff {
            continue;
        }
        let r = ratio_of(matching_chars(&a, &b, &b2j));
        if r >= cutoff {
            scored.push((r, x));
        }
    }
    scored.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| q.1.cmp(p.1)));
    scored.into_iter().take(n).map(|(_, x)| x).collect()
}

fn multiset_overlap(a: &[char], b: &[char]) -> usize {
    let mut avail: HashMap<char, isize> = HashMap::new();
    for &c in b {
        *avail.entry(c).or_default() += 1;
    }
    let mut matches = 0;
    for &c in a {
        let n = avail.entry(c).or_default();
        if *n > 0 {
            matches += 1;
        }
        *n -= 1;
    }
    matches
}

/// Total size of `SequenceMatcher(None, a, b).get_matching_blocks()`.
fn matching_chars(a: &[char], b: &[char], b2j: &HashMap<char, Vec<usize>>) -> usize {
    let mut total = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, b2j, alo, ahi, blo, bhi);
        if k > 0 {
            total += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    total
}

/// `SequenceMatcher.find_longest_match` without junk: the longest common block of
/// `a[alo..ahi]` and `b[blo..bhi]`, the earliest in `a` (then in `b`) among the longest.
#[allow(clippy::too_many_arguments)]
fn longest_match(
    a: &[char],
    b: &[char],
    b2j: &HashMap<char, Vec<usize>>,
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
    let mut j2len: HashMap<usize, usize> = HashMap::new();
    for (i, c) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut next: HashMap<usize, usize> = HashMap::new();
        if let Some(js) = b2j.get(c) {
            for &j in js {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = j.checked_sub(1).and_then(|p| j2len.get(&p)).copied().unwrap_or(0) + 1;
                next.insert(j, k);
                if k > bestsize {
                    besti = i + 1 - k;
                    bestj = j + 1 - k;
                    bestsize = k;
                }
            }
        }
        j2len = next;
    }
    while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
        besti -= 1;
        bestj -= 1;
        bestsize += 1;
    }
    while besti + bestsize < ahi
        && bestj + bestsize < bhi
        && a[besti + bestsize] == b[bestj + bestsize]
    {
        bestsize += 1;
    }
    (besti, bestj, bestsize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, `_suggestions._generate_suggestions(keyword.kwlist, name)`,
    /// `difflib.get_close_matches(name, keyword.kwlist, n=3, cutoff=0.5)`), from the oracle.
    const ORACLE: &[(&str, Option<&str>, &[&str])] = &[
        ("whille", Some("while"), &["while"]),
        ("improt", Some("import"), &["import"]),
        ("fro", Some("from"), &["from", "for"]),
        ("retrun", Some("return"), &["return"]),
        ("deff", Some("def"), &["def", "del", "elif"]),
        ("clas", Some("class"), &["class", "as", "pass"]),
        ("a", Some("as"), &["as", "and"]),
        ("b", None, &[]),
        ("iff", Some("if"), &["if", "elif"]),
        ("yeld", Some("yield"), &["yield", "del", "else"]),
        ("x", None, &[]),
        ("els", Some("else"), &["else", "del", "elif"]),
        ("Tru", Some("True"), &["True"]),
        ("NONE", Some("None"), &[]),
        ("asyncc", Some("async"), &["async", "as"]),
        ("lamda", Some("lambda"), &["lambda", "and"]),
        ("imprt", Some("import"), &["import"]),
        ("pas", Some("as"), &["pass", "as", "raise"]),
        ("wit", Some("with"), &["with", "await", "while"]),
        ("fo", Some("for"), &["for", "from", "or"]),
        ("retur", Some("return"), &["return", "try"]),
        ("notin", None, &["not", "continue", "in"]),
        ("from_", Some("from"), &["from", "for"]),
        ("ot", Some("not"), &["not", "or", "import"]),
        ("xyzzy", None, &[]),
        ("Fals", Some("False"), &["False", "as", "pass"]),
        ("nonlocl", Some("nonlocal"), &["nonlocal"]),
        ("globl", Some("global"), &["global"]),
        ("excpt", Some("except"), &["except"]),
        ("contnue", Some("continue"), &["continue", "None"]),
    ];

    #[test]
    fn suggestions_match_the_oracle() {
        for &(name, closest, close) in ORACLE {
            assert_eq!(closest_by_distance(&KWLIST, name), closest, "distance for {name}");
            assert_eq!(close_matches(name, &KWLIST, 3, 0.5), close, "difflib for {name}");
        }
    }

    #[test]
    fn dedent_and_splitlines() {
        assert_eq!(dedent("    a\n      b\n\n    c"), "a\n  b\n\nc");
        assert_eq!(dedent("\tx\n  y"), "\tx\n  y");
        assert_eq!(dedent("  x\n   \n  y"), "x\n\ny");
        assert_eq!(py_splitlines("a\r\nb\x0cc\n"), vec!["a", "b", "c"]);
        assert_eq!(py_splitlines(""), Vec::<&str>::new());
    }
}
