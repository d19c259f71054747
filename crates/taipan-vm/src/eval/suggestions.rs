//! "Did you mean: 'x'?" hints for NameError and AttributeError, with `Lib/traceback.py`'s
//! rules: a Levenshtein distance where a case change costs 1 and any other edit 2, a bound that
//! grows with the names' lengths, at most 750 candidates of at most 40 characters, and
//! underscore names skipped unless the wrong name starts with one.

use crate::object::{Object, ObjectRef};
use crate::types::dict::as_dict;
use crate::types::exceptions::ExcPayload;
use crate::types::str::Str;

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn distance(a: &[char], b: &[char], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(bc, ac);
            dist = row[i];
            let insert_delete = result.min(dist) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, if one is close enough.
pub fn best_match(wrong: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > MAX_CANDIDATES {
        return None;
    }
    let w: Vec<char> = wrong.chars().collect();
    if w.len() > MAX_STRING {
        return None;
    }
    // As CPython's C `_Py_CalculateSuggestions` (not the pure-Python fallback in `traceback`,
    // which starts from the name's length): any distance within the 1/3 rule counts at first.
    let mut best = usize::MAX;
    let mut suggestion: Option<&String> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let cc: Vec<char> = c.chars().collect();
        let max = ((cc.len() + w.len() + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = distance(&w, &cc, max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(c);
            best = d;
        }
    }
    suggestion.cloned()
}

fn keys(d: ObjectRef<'_>, out: &mut Vec<String>) {
    if let Some(d) = as_dict(d) {
        for k in d.keys() {
            if let Some(s) = Str::new(k.as_ref()) {
                out.push(s.to_string_lossy());
            }
        }
    }
}

/// Sets `name` (and `obj`) on a NameError or AttributeError, as CPython does when it raises one.
fn set_attrs(err: &crate::error::PyErr, name: &str, obj: Option<ObjectRef<'_>>) {
    if let Some(d) = crate::types::instance::instance_dict(err.instance())
        && let Some(d) = as_dict(d.as_ref())
    {
        let _ = d.set_str("name", crate::types::str::new_str(name));
        if let Some(o) = obj {
            let _ = d.set_str("obj", o.to_owned());
        }
    }
}

fn set_hint(err: &crate::error::PyErr, hint: String) {
    if let Some(p) = err.instance().payload::<ExcPayload>() {
        *p.hint.borrow_mut() = Some(hint);
    }
}

/// Adds the hint to a NameError raised for `name` in a frame with these namespaces.
pub fn name_error_hint(
    err: &crate::error::PyErr,
    name: &str,
    local_names: Vec<String>,
    globals: &Object,
    builtins: &Object,
) {
    set_attrs(err, name, None);
    let mut cands = local_names;
    keys(globals.as_ref(), &mut cands);
    keys(builtins.as_ref(), &mut cands);
    if let Some(s) = best_match(name, &cands) {
        set_hint(err, format!(". Did you mean: '{s}'?"));
    }
}

/// Adds the hint to an AttributeError for `owner.name`: candidates are what `dir(owner)` would
/// list (the instance dict, the class chain's dicts, a module's namespace).
pub fn attribute_error_hint(err: &crate::error::PyErr, owner: ObjectRef<'_>, name: &str) {
    set_attrs(err, name, Some(owner));
    let mut cands = Vec::new();
    if let Some(d) = crate::types::module::module_dict(owner) {
        keys(d, &mut cands);
    }
    if let Ok(d) = crate::attr::getattr(owner, crate::types::str::intern("__dict__").as_ref()) {
        keys(d.as_ref(), &mut cands);
    }
    let mut t = Some(match crate::types::typeobject::as_type(owner) {
        Some(t) => t,
        None => owner.type_(),
    });
    while let Some(ty) = t {
        keys(crate::types::typelookup::type_dict(ty).as_ref(), &mut cands);
        t = ty.base();
    }
    cands.sort();
    cands.dedup();
    if !name.starts_with('_') {
        cands.retain(|c| !c.starts_with('_'));
    }
    if let Some(s) = best_match(name, &cands) {
        set_hint(err, format!(". Did you mean: '{s}'?"));
    }
}

/// Adds the hint to the ImportError of `from module import name`: candidates are the module's
/// names (`dir(module)`), the private ones only for a private name.
pub fn import_error_hint(err: &crate::error::PyErr, module: ObjectRef<'_>, name: &str) {
    let mut cands = Vec::new();
    match crate::types::module::module_dict(module) {
        Some(d) => keys(d, &mut cands),
        None => {
            if let Ok(d) =
                crate::attr::getattr(module, crate::types::str::intern("__dict__").as_ref())
            {
                keys(d.as_ref(), &mut cands);
            }
        }
    }
    cands.sort();
    if !name.starts_with('_') {
        cands.retain(|c| !c.starts_with('_'));
    }
    if let Some(s) = best_match(name, &cands) {
        set_hint(err, format!(". Did you mean: '{s}'?"));
    }
}
