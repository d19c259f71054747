//! Unit tests of the parser-mode token stream: kinds, texts and positions.

use super::{Token, TokenKind as K, TokenizerOptions, tokenize_all};

fn toks(src: &str, type_comments: bool) -> Vec<(K, String, (u32, u32, u32, u32))> {
    let opts = TokenizerOptions { type_comments, extra_tokens: false };
    let (ts, _, err) = tokenize_all(src, opts);
    assert!(err.is_none(), "{err:?}");
    ts.iter()
        .map(|t: &Token| {
            (
                t.kind,
                t.text(src).to_string(),
                (t.lineno, t.col_offset, t.end_lineno, t.end_col_offset),
            )
        })
        .collect()
}

#[test]
fn block_positions() {
    let t = toks("if x:\n    pass\n", false);
    let kinds: Vec<K> = t.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [
            K::KwIf,
            K::Name,
            K::Colon,
            K::Newline,
            K::Indent,
            K::KwPass,
            K::Newline,
            K::Dedent,
            K::Endmarker
        ]
    );
    assert_eq!(t[3].2, (1, 5, 1, 6)); // NEWLINE spans the newline character
    assert_eq!(t[4].2, (2, 4, 2, 4)); // INDENT: the column CPython's parser reports for it
    assert_eq!(t[5].2, (2, 4, 2, 8));
    assert_eq!(t[8].2, (2, 9, 2, 9)); // ENDMARKER: end of the last line
}

#[test]
fn implicit_newline_at_eof() {
    let t = toks("x = 1", false);
    assert_eq!(t[3].0, K::Newline);
    assert_eq!(t[3].2, (1, 5, 1, 6));
    assert_eq!(t[3].1, "");
}

#[test]
fn multi_line_string() {
    let t = toks("x = '''a\nbc'''\n", false);
    assert_eq!(t[2].0, K::String);
    assert_eq!(t[2].2, (1, 4, 2, 5));
    assert_eq!(t[2].1, "'''a\nbc'''");
}

#[test]
fn fstring_pieces() {
    let t = toks("f'a{{b}}{x!r:>{w}}'\n", false);
    let got: Vec<(K, &str)> = t.iter().map(|x| (x.0, x.1.as_str())).collect();
    assert_eq!(
        got,
        [
            (K::FstringStart, "f'"),
            (K::FstringMiddle, "a{"),
            (K::FstringMiddle, "b}"),
            (K::Lbrace, "{"),
            (K::Name, "x"),
            (K::Exclamation, "!"),
            (K::Name, "r"),
            (K::Colon, ":"),
            (K::FstringMiddle, ">"),
            (K::Lbrace, "{"),
            (K::Name, "w"),
            (K::Rbrace, "}"),
            (K::FstringMiddle, ""),
            (K::Rbrace, "}"),
            (K::FstringEnd, "'"),
            (K::Newline, ""),
            (K::Endmarker, ""),
        ]
    );
    // The parser sees `{{` as part of the piece's range, though the text keeps one brace.
    assert_eq!(t[1].2, (1, 2, 1, 5));
    assert_eq!(t[2].2, (1, 5, 1, 8));
}

#[test]
fn tstrings() {
    let t = toks("t'{x}'\n", false);
    let kinds: Vec<K> = t.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [K::TstringStart, K::Lbrace, K::Name, K::Rbrace, K::TstringEnd, K::Newline, K::Endmarker]
    );
}

#[test]
fn type_comments() {
    let t = toks("x = 1  # type: int\n# type: ignore[x]\ny = 2  #type:ignore\n", true);
    let got: Vec<(K, &str)> = t.iter().map(|x| (x.0, x.1.as_str())).collect();
    assert_eq!(
        got,
        [
            (K::Name, "x"),
            (K::Equal, "="),
            (K::Number, "1"),
            (K::TypeComment, "int"),
            (K::Newline, ""),
            (K::TypeIgnore, "[x]"),
            (K::Name, "y"),
            (K::Equal, "="),
            (K::Number, "2"),
            (K::TypeIgnore, ""),
            (K::Newline, ""),
            (K::Endmarker, ""),
        ]
    );
    assert_eq!(t[3].2, (1, 15, 1, 18));
    // Without the option they are plain comments.
    assert_eq!(toks("x = 1  # type: int\n", false).len(), 5);
}

#[test]
fn keywords_and_soft_keywords() {
    let t = toks("match x: pass\n", false);
    assert_eq!(t[0].0, K::Name);
    assert_eq!(t[3].0, K::KwPass);
}

#[test]
fn number_warning() {
    let (_, w, err) = tokenize_all("x = 1if y else 2\n", TokenizerOptions::default());
    assert!(err.is_none());
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].msg, "invalid decimal literal");
}

#[test]
fn endmarker_repeats_and_errors_stick() {
    let mut t = super::Tokenizer::new("x", TokenizerOptions::default());
    while t.next_token().unwrap().kind != K::Endmarker {}
    assert_eq!(t.next_token().unwrap().kind, K::Endmarker);
    let mut t = super::Tokenizer::new("x = )", TokenizerOptions::default());
    let mut err = None;
    for _ in 0..5 {
        if let Err(e) = t.next_token() {
            err = Some(e);
            break;
        }
    }
    let e = err.unwrap();
    assert_eq!(t.next_token().unwrap_err(), e);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let src = "(".repeat(100_000);
    let (_, _, err) = tokenize_all(&src, TokenizerOptions::default());
    assert_eq!(err.unwrap().msg, "too many nested parentheses");
    let src = "f'{".repeat(1000);
    let (_, _, err) = tokenize_all(&src, TokenizerOptions::default());
    assert!(err.is_some());
}

#[test]
fn done_codes() {
    use super::{Stop, Tokenizer};
    let run = |src: &str| {
        let mut t = Tokenizer::new(src, TokenizerOptions::default());
        while let Ok(k) = t.next_token() {
            if k.kind == K::Endmarker {
                break;
            }
        }
        (t.done_code(), t.innermost_open_bracket())
    };
    assert_eq!(run("x = (1,\n"), (Some(Stop::Eof), Some(('(', 1, 4))));
    assert_eq!(run("x = 1 \\ y\n"), (Some(Stop::LineCont), None));
    assert_eq!(run("if x:\n    a\n  b\n"), (Some(Stop::Dedent), None));
    assert_eq!(run("x = )\n"), (None, None));
    assert_eq!(run("x = 1\n"), (None, None));
}
