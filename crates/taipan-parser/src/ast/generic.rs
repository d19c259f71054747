//! A generic view of AST nodes, for the bridge to Python's `ast` objects: a node is a
//! constructor name, its field values in `_fields` order and its location. `generic_gen.rs`
//! (generated) converts every node type to and from this form and holds the schema (each
//! constructor's fields with their ASDL types) that the VM checks Python objects against.

use super::{Constant, Loc, PyStr};

/// One field value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Node(Box<Node>),
    List(Vec<Value>),
    /// An `identifier` or `string` field.
    Str(Box<str>),
    /// An `int` field.
    Int(i64),
    /// A `constant` field.
    Const(Constant),
    None,
}

/// A node: its constructor, its fields in `_fields` order, its location (for the types with
/// `_attributes`).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub name: &'static str,
    pub fields: Vec<Value>,
    pub loc: Option<Loc>,
}

/// A Rust AST value seen generically.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

/// A Rust AST value rebuilt from its generic form; the error says what did not fit (the VM
/// checks shapes against [`NODES`] first, so this only fails on trees it let through wrongly).
pub trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self, String>;
}

/// How a field holds its type: exactly one, optional (`?`), or a list (`*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    One,
    Opt,
    List,
}

/// One field of a constructor: its name and ASDL type (`expr`, `identifier`, `string`, `int`,
/// `constant`, ...).
#[derive(Clone, Copy, Debug)]
pub struct FieldSchema {
    pub name: &'static str,
    pub ty: &'static str,
    pub kind: FieldKind,
}

/// A concrete node class.
#[derive(Clone, Copy, Debug)]
pub struct NodeSchema {
    pub name: &'static str,
    /// The abstract type it belongs to (`stmt`, `expr`, ...; a product type names itself).
    pub base: &'static str,
    pub fields: &'static [FieldSchema],
    /// Whether it has `lineno`, `col_offset`, `end_lineno`, `end_col_offset`.
    pub has_loc: bool,
}

pub use super::generic_gen::NODES;

/// The schema of the constructor called `name`.
pub fn node_schema(name: &str) -> Option<&'static NodeSchema> {
    NODES.iter().find(|n| n.name == name)
}

/// Whether `ty` names a node type (rather than a builtin: identifier, string, int, constant).
pub fn is_node_type(ty: &str) -> bool {
    !matches!(ty, "identifier" | "string" | "int" | "constant")
}

impl<T: ToValue> ToValue for Box<T> {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::None, ToValue::to_value)
    }
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self) -> Value {
        Value::List(self.iter().map(ToValue::to_value).collect())
    }
}

impl ToValue for Box<str> {
    fn to_value(&self) -> Value {
        Value::Str(self.clone())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Str(self.as_str().into())
    }
}

impl ToValue for i32 {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}

impl ToValue for Constant {
    fn to_value(&self) -> Value {
        Value::Const(self.clone())
    }
}

impl ToValue for PyStr {
    fn to_value(&self) -> Value {
        Value::Const(Constant::Str(self.clone()))
    }
}

impl<T: FromValue> FromValue for Box<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        T::from_value(v).map(Box::new)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::None => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::List(items) => items.into_iter().map(T::from_value).collect(),
            Value::None => Ok(Vec::new()),
            _ => Err("expected a list".into()),
        }
    }
}

impl FromValue for Box<str> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Str(s) => Ok(s),
            _ => Err("expected a string".into()),
        }
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Str(s) => Ok(s.into()),
            _ => Err("expected a string".into()),
        }
    }
}

impl FromValue for i32 {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Int(i) => i32::try_from(i).map_err(|_| "int out of range".to_string()),
            Value::None => Ok(0),
            _ => Err("expected an int".into()),
        }
    }
}

impl FromValue for Constant {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Const(c) => Ok(c),
            Value::None => Ok(Constant::None),
            _ => Err("expected a constant".into()),
        }
    }
}

impl FromValue for PyStr {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Const(Constant::Str(s)) => Ok(s),
            Value::Str(s) => Ok(PyStr::from(&*s)),
            _ => Err("expected a str".into()),
        }
    }
}
