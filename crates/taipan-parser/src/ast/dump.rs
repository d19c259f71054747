//! `ast.dump`: the text CPython's `ast.dump(node, include_attributes, indent=N)` produces.
//!
//! Each node is first turned into a [`DumpValue`] (by `dump_gen.rs`, generated), then formatted by
//! one function that follows `Lib/ast.py`'s rules: optional fields holding None are left out
//! when the class default is None, empty lists are left out unless `show_empty`, a node whose
//! arguments are all simple and at most three is printed on one line.

use super::{Constant, Loc, Mod};
use std::fmt::Write;

/// How a field is shown when it is empty.
#[derive(Clone, Copy)]
pub struct FieldFlags {
    /// The field is a list (left out when empty unless `show_empty`).
    pub is_list: bool,
    /// The class attribute defaults to None (the field is left out when None).
    pub none_default: bool,
}

pub enum DumpValue {
    Node {
        name: &'static str,
        fields: Vec<(&'static str, FieldFlags, DumpValue)>,
        loc: Option<Loc>,
    },
    List(Vec<DumpValue>),
    Repr(String),
    None,
}

pub trait ToDump {
    fn to_dump(&self) -> DumpValue;
}

impl ToDump for Constant {
    fn to_dump(&self) -> DumpValue {
        DumpValue::Repr(self.repr())
    }
}

impl ToDump for Box<str> {
    fn to_dump(&self) -> DumpValue {
        DumpValue::Repr(py_repr_str(self))
    }
}

impl ToDump for i32 {
    fn to_dump(&self) -> DumpValue {
        DumpValue::Repr(self.to_string())
    }
}

impl<T: ToDump> ToDump for Box<T> {
    fn to_dump(&self) -> DumpValue {
        (**self).to_dump()
    }
}

pub fn py_repr_str(s: &str) -> String {
    taipan_common::repr::repr_str(s)
}

#[derive(Clone, Copy)]
pub struct DumpOptions {
    pub include_attributes: bool,
    /// `None` for the one-line form.
    pub indent: Option<usize>,
    pub show_empty: bool,
}

impl Default for DumpOptions {
    /// What `python -m ast -a` uses.
    fn default() -> Self {
        DumpOptions { include_attributes: true, indent: Some(3), show_empty: false }
    }
}

/// Renders a module (or any node) the way `ast.dump` does.
pub fn dump(tree: &Mod, opts: DumpOptions) -> String {
    dump_node(tree, opts)
}

/// Renders any node the way `ast.dump` does.
pub fn dump_node<T: ToDump>(node: &T, opts: DumpOptions) -> String {
    format(&node.to_dump(), 0, &opts).0
}

fn format(v: &DumpValue, level: usize, opts: &DumpOptions) -> (String, bool) {
    let (prefix, sep) = match opts.indent {
        Some(n) => {
            let pad = " ".repeat(n * (level + 1));
            (format!("\n{pad}"), format!(",\n{pad}"))
        }
        None => (String::new(), ", ".to_string()),
    };
    let level = level + usize::from(opts.indent.is_some());
    match v {
        DumpValue::Node { name, fields, loc } => {
            let mut args: Vec<String> = Vec::new();
            let mut allsimple = true;
            for (fname, flags, value) in fields {
                if matches!(value, DumpValue::None) && flags.none_default {
                    continue;
                }
                if !opts.show_empty
                    && flags.is_list
                    && matches!(value, DumpValue::List(l) if l.is_empty())
                {
                    continue;
                }
                let (text, simple) = format(value, level, opts);
                allsimple &= simple;
                args.push(format!("{fname}={text}"));
            }
            if opts.include_attributes {
                if let Some(l) = loc {
                    for (n, x) in [
                        ("lineno", l.lineno),
                        ("col_offset", l.col_offset),
                        ("end_lineno", l.end_lineno),
                        ("end_col_offset", l.end_col_offset),
                    ] {
                        args.push(format!("{n}={x}"));
                    }
                }
            }
            if allsimple && args.len() <= 3 {
                let simple = args.is_empty();
                return (format!("{name}({})", args.join(", ")), simple);
            }
            (format!("{name}({prefix}{})", args.join(&sep)), false)
        }
        DumpValue::List(items) => {
            if items.is_empty() {
                return ("[]".into(), true);
            }
            let mut out = String::from("[");
            out.push_str(&prefix);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.write_str(&format(item, level, opts).0).unwrap();
            }
            out.push(']');
            (out, false)
        }
        DumpValue::Repr(s) => (s.clone(), true),
        DumpValue::None => ("None".into(), true),
    }
}
