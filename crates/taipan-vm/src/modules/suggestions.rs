//! The `_suggestions` module: `_generate_suggestions(candidates, name)`, the "Did you mean"
//! search that the `traceback` module uses for NameError, AttributeError and ImportError, with
//! the same distance rules as the hints the interpreter itself adds (`eval/suggestions.rs`).

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::function::new_bound_builtin;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::none;
use crate::types::str::{Str, new_str};

fn generate_suggestions(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("_generate_suggestions")?;
    a.count("_generate_suggestions", 2, 2)?;
    let Some(list) = crate::types::list::as_list(a.pos[0].as_ref()) else {
        return Err(PyErr::type_error("candidates must be a list"));
    };
    let Some(name) = Str::new(a.pos[1].as_ref()) else {
        return Err(PyErr::type_error(format!(
            "_generate_suggestions() argument 2 must be str, not {}",
            a.pos[1].type_().name()
        )));
    };
    let mut candidates = Vec::with_capacity(list.len());
    for c in list.to_vec() {
        match Str::new(c.as_ref()) {
            Some(s) => candidates.push(s.to_string_lossy()),
            None => {
                return Err(PyErr::type_error("all elements in 'candidates' must be strings"));
            }
        }
    }
    Ok(match crate::eval::suggestions::best_match(&name.to_string_lossy(), &candidates) {
        Some(s) => new_str(&s),
        None => none(),
    })
}

/// Makes the `_suggestions` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("_suggestions");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let name = "_generate_suggestions";
    d.set_str(name, new_bound_builtin(name, generate_suggestions, m.clone()))?;
    Ok(m)
}
