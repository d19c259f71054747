//! `b2a_qp` and `a2b_qp`: quoted-printable (RFC 1521 style, 76-character lines, soft line
//! breaks, `_` for space in headers) exactly as CPython encodes and decodes it.

use super::hex_value;

const MAX_LINE: usize = 76;

/// `a2b_qp(data, header=False)`.
pub fn a2b_qp(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            match data[i] {
                // Soft line break: `=` then an optional run up to the newline.
                b'\n' | b'\r' => {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                    if i < data.len() {
                        i += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    i += 1;
                }
                h => match (hex_value(h), data.get(i + 1).and_then(|&l| hex_value(l))) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 2;
                    }
                    _ => out.push(b'='),
                },
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn push_escaped(out: &mut Vec<u8>, c: u8) {
    out.push(b'=');
    out.push(HEX_UPPER[(c >> 4) as usize]);
    out.push(HEX_UPPER[(c & 0xf) as usize]);
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`. Line ends in the output are
/// CRLF when the first newline of the input is preceded by a carriage return.
pub fn b2a_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    let crlf = data.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let n = data.len();
    let mut out = Vec::with_capacity(n + n / 8);
    let mut line_len = 0usize;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let must_escape = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && line_len == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_escape {
            if line_len + 3 >= MAX_LINE {
                soft_break(&mut out);
                line_len = 0;
            }
            push_escaped(&mut out, c);
            line_len += 3;
            i += 1;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line_len = 0;
            // Trailing whitespace before a line end is escaped.
            if let Some(&last) = out.last()
                && (last == b' ' || last == b'\t')
            {
                out.pop();
                push_escaped(&mut out, last);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && line_len + 1 >= MAX_LINE {
                soft_break(&mut out);
                line_len = 0;
            }
            line_len += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}
