//! `string.templatelib.Template` and `string.templatelib.Interpolation`: the objects t-strings
//! build (`BUILD_TEMPLATE`, `BUILD_INTERPOLATION`), their constructors, attributes, iteration,
//! `+` and repr (PEP 750).

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::alloc::{dealloc_payload, new_object};
use crate::object::{Object, ObjectRef, PyPayload};
use crate::ops::{self, BinOp};
use crate::types::exceptions::ATTRIBUTE_ERROR;
use crate::types::singletons::{is_none, none, not_implemented};
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{
    BinaryFn, GetAttrFn, PyType, SetAttrFn, Slots, StaticType, TypeFlags, UnaryFn, slot,
};

pub struct TemplatePayload {
    /// Always one more string than interpolations.
    strings: Object,
    interpolations: Object,
}

// SAFETY: templates are built only by `new_template` with a `TemplatePayload`.
unsafe impl PyPayload for TemplatePayload {
    fn type_object() -> &'static PyType {
        &TEMPLATE_TYPE.0
    }
}

pub struct InterpolationPayload {
    value: Object,
    expression: Object,
    conversion: Object,
    format_spec: Object,
}

// SAFETY: interpolations are built only by `new_interpolation` with an `InterpolationPayload`.
unsafe impl PyPayload for InterpolationPayload {
    fn type_object() -> &'static PyType {
        &INTERPOLATION_TYPE.0
    }
}

/// `BUILD_TEMPLATE`: a template from a tuple of strings and a tuple of interpolations.
pub fn new_template(strings: Object, interpolations: Object) -> Object {
    new_object(&TEMPLATE_TYPE.0, TemplatePayload { strings, interpolations })
}

/// `BUILD_INTERPOLATION`: `conversion` is `None` or one of `'s'`, `'r'`, `'a'`.
pub fn new_interpolation(
    value: Object,
    expression: Object,
    conversion: Object,
    format_spec: Object,
) -> Object {
    new_object(
        &INTERPOLATION_TYPE.0,
        InterpolationPayload { value, expression, conversion, format_spec },
    )
}

/// `BUILD_INTERPOLATION`'s operands: `oparg >> 2` is the conversion (0 none, 1 `s`, 2 `r`,
/// 3 `a`), bit 0 says a format spec was pushed.
pub fn build_interpolation(
    value: Object,
    expression: Object,
    format_spec: Option<Object>,
    oparg: u32,
) -> Object {
    let conversion = match oparg >> 2 {
        1 => new_str("s"),
        2 => new_str("r"),
        3 => new_str("a"),
        _ => none(),
    };
    new_interpolation(value, expression, conversion, format_spec.unwrap_or_else(|| new_str("")))
}

fn as_template(o: ObjectRef<'_>) -> Option<&TemplatePayload> {
    o.payload::<TemplatePayload>()
}

fn as_interpolation(o: ObjectRef<'_>) -> Option<&InterpolationPayload> {
    o.payload::<InterpolationPayload>()
}

fn items(o: &Object) -> &[Object] {
    tuple_items(o.as_ref()).unwrap_or(&[])
}

/// Builds a template from a sequence of parts: adjacent strings are joined, and an empty string
/// stands between two interpolations and at either end when needed.
fn from_parts(parts: &[Object]) -> PyResult<Object> {
    let mut strings: Vec<Object> = Vec::new();
    let mut interps: Vec<Object> = Vec::new();
    let mut pending: Option<Object> = None;
    for p in parts {
        if Str::new(p.as_ref()).is_some() {
            pending = Some(match pending.take() {
                None => p.clone(),
                Some(s) => ops::binary_op(s.as_ref(), p.as_ref(), BinOp::Add)?,
            });
        } else if as_interpolation(p.as_ref()).is_some() {
            strings.push(pending.take().unwrap_or_else(|| new_str("")));
            interps.push(p.clone());
        } else {
            return Err(PyErr::type_error(format!(
                "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {}",
                p.type_().name()
            )));
        }
    }
    strings.push(pending.unwrap_or_else(|| new_str("")));
    Ok(new_template(new_tuple(strings), new_tuple(interps)))
}

fn template_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    if !a.kw.is_empty() {
        return Err(PyErr::type_error("Template.__new__ only accepts *args arguments"));
    }
    from_parts(a.pos)
}

fn interpolation_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    const NAMES: [&str; 4] = ["value", "expression", "conversion", "format_spec"];
    let bound = Args::new(args, kw).bind("Interpolation", &NAMES, 1)?;
    let [value, expression, conversion, format_spec]: [Option<Object>; 4] =
        std::array::from_fn(|i| bound[i].cloned());
    let value = value.expect("bind checked the required argument");
    let check_str = |v: Option<Object>, name: &str| -> PyResult<Object> {
        match v {
            None => Ok(new_str("")),
            Some(v) if Str::new(v.as_ref()).is_some() => Ok(v),
            Some(v) => Err(PyErr::type_error(format!(
                "Interpolation() argument '{name}' must be str, not {}",
                v.type_().name()
            ))),
        }
    };
    let expression = check_str(expression, "expression")?;
    let conversion = match conversion {
        None => none(),
        Some(c) if is_none(c.as_ref()) => c,
        Some(c) => match Str::new(c.as_ref()) {
            None => {
                return Err(PyErr::type_error(format!(
                    "Interpolation() argument 'conversion' must be str, not {}",
                    c.type_().name()
                )));
            }
            Some(s) if matches!(s.as_str(), Some("s" | "r" | "a")) => c,
            Some(_) => {
                return Err(PyErr::value_error(
                    "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
                ));
            }
        },
    };
    let format_spec = check_str(format_spec, "format_spec")?;
    Ok(new_interpolation(value, expression, conversion, format_spec))
}

fn template_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = as_template(o).expect("template");
    Ok(new_str(&format!(
        "Template(strings={}, interpolations={})",
        ops::repr_string(t.strings.as_ref())?,
        ops::repr_string(t.interpolations.as_ref())?
    )))
}

fn interpolation_repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let i = as_interpolation(o).expect("interpolation");
    Ok(new_str(&format!(
        "Interpolation({}, {}, {}, {})",
        ops::repr_string(i.value.as_ref())?,
        ops::repr_string(i.expression.as_ref())?,
        ops::repr_string(i.conversion.as_ref())?,
        ops::repr_string(i.format_spec.as_ref())?
    )))
}

/// Iterating a template gives its non-empty strings and its interpolations, in order.
fn template_iter(o: ObjectRef<'_>) -> PyResult<Object> {
    let t = as_template(o).expect("template");
    let (strings, interps) = (items(&t.strings), items(&t.interpolations));
    let mut parts = Vec::with_capacity(strings.len() + interps.len());
    for (i, s) in strings.iter().enumerate() {
        if Str::new(s.as_ref()).is_some_and(|s| s.len() > 0) {
            parts.push(s.clone());
        }
        if let Some(x) = interps.get(i) {
            parts.push(x.clone());
        }
    }
    ops::iter(new_tuple(parts).as_ref())
}

fn template_add(a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyResult<Object> {
    match (as_template(a), as_template(b)) {
        (Some(x), Some(y)) => {
            let (xs, ys) = (items(&x.strings), items(&y.strings));
            let mut strings: Vec<Object> = xs[..xs.len() - 1].to_vec();
            let joined = ops::binary_op(xs[xs.len() - 1].as_ref(), ys[0].as_ref(), BinOp::Add)?;
            strings.push(joined);
            strings.extend_from_slice(&ys[1..]);
            let mut interps = items(&x.interpolations).to_vec();
            interps.extend_from_slice(items(&y.interpolations));
            Ok(new_template(new_tuple(strings), new_tuple(interps)))
        }
        (Some(_), None) => Err(PyErr::type_error(format!(
            "can only concatenate string.templatelib.Template (not \"{}\") to \
             string.templatelib.Template",
            b.type_().name()
        ))),
        _ => Ok(not_implemented()),
    }
}

fn name_of(name: ObjectRef<'_>) -> &str {
    Str::new(name).and_then(|s| s.as_str()).unwrap_or("")
}

fn template_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let t = as_template(o).expect("template");
    match name_of(name) {
        "strings" => Ok(t.strings.clone()),
        "interpolations" => Ok(t.interpolations.clone()),
        "values" => Ok(new_tuple(
            items(&t.interpolations)
                .iter()
                .map(|i| as_interpolation(i.as_ref()).map_or_else(none, |p| p.value.clone()))
                .collect(),
        )),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn interpolation_getattr(o: ObjectRef<'_>, name: ObjectRef<'_>) -> PyResult<Object> {
    let i = as_interpolation(o).expect("interpolation");
    match name_of(name) {
        "value" => Ok(i.value.clone()),
        "expression" => Ok(i.expression.clone()),
        "conversion" => Ok(i.conversion.clone()),
        "format_spec" => Ok(i.format_spec.clone()),
        _ => crate::attr::generic_getattr(o, name),
    }
}

fn readonly_setattr(
    o: ObjectRef<'_>,
    name: ObjectRef<'_>,
    _: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let n = name_of(name);
    let known: &[&str] = if as_template(o).is_some() {
        &["strings", "interpolations", "values"]
    } else {
        &["value", "expression", "conversion", "format_spec"]
    };
    if known.contains(&n) {
        return Err(PyErr::new(&ATTRIBUTE_ERROR, "readonly attribute"));
    }
    Err(PyErr::new(
        &ATTRIBUTE_ERROR,
        format!("'{}' object has no attribute '{n}' and no __dict__ for setting new attributes", {
            let full = o.type_().name();
            full.rsplit('.').next().unwrap_or(full).to_string()
        }),
    ))
}

fn template_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let t = as_template(o).expect("template");
    visit(t.strings.as_ref());
    visit(t.interpolations.as_ref());
}

fn interpolation_traverse(o: ObjectRef<'_>, visit: &mut dyn FnMut(ObjectRef<'_>)) {
    let i = as_interpolation(o).expect("interpolation");
    for v in [&i.value, &i.expression, &i.conversion, &i.format_spec] {
        visit(v.as_ref());
    }
}

/// # Safety
/// Called only by the deallocation path on a dead template.
unsafe fn template_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: templates carry a `TemplatePayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<TemplatePayload>(obj) }
}

/// # Safety
/// Called only by the deallocation path on a dead interpolation.
unsafe fn interpolation_dealloc(obj: std::ptr::NonNull<crate::object::PyObject>) {
    // SAFETY: interpolations carry an `InterpolationPayload` (docs/vm.md, "Deallocation").
    unsafe { dealloc_payload::<InterpolationPayload>(obj) }
}

/// Registers the constructors, `__class_getitem__` and `Interpolation.__match_args__`.
pub(crate) fn register() {
    crate::modules::collections_deque::register_class_getitem(&TEMPLATE_TYPE.0);
    crate::modules::collections_deque::register_class_getitem(&INTERPOLATION_TYPE.0);
    crate::eval::typecall::register_constructor(&TEMPLATE_TYPE.0, template_new);
    crate::eval::typecall::register_constructor(&INTERPOLATION_TYPE.0, interpolation_new);
    let names = ["value", "expression", "conversion", "format_spec"].map(intern);
    let _ = crate::types::typelookup::register_static_attr(
        &INTERPOLATION_TYPE.0,
        "__match_args__",
        new_tuple(names.to_vec()),
    );
}

pub static TEMPLATE_TYPE: StaticType = StaticType(PyType::new_static(
    "string.templatelib.Template",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<TemplatePayload>(),
    0,
    TypeFlags::HAVE_GC,
    640,
    template_dealloc,
    Some(template_traverse),
    Slots {
        repr: slot(template_repr as UnaryFn),
        iter: slot(template_iter as UnaryFn),
        getattr: slot(template_getattr as GetAttrFn),
        setattr: slot(readonly_setattr as SetAttrFn),
        nb_add: slot(template_add as BinaryFn),
        ..crate::types::object::object_slots()
    },
));

pub static INTERPOLATION_TYPE: StaticType = StaticType(PyType::new_static(
    "string.templatelib.Interpolation",
    Some(&crate::types::object::OBJECT_TYPE.0),
    std::mem::size_of::<InterpolationPayload>(),
    0,
    TypeFlags::HAVE_GC,
    641,
    interpolation_dealloc,
    Some(interpolation_traverse),
    Slots {
        repr: slot(interpolation_repr as UnaryFn),
        getattr: slot(interpolation_getattr as GetAttrFn),
        setattr: slot(readonly_setattr as SetAttrFn),
        ..crate::types::object::object_slots()
    },
));
