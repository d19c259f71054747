//! The `_warnings` module and the VM's own way to warn ([`warn`], [`warn_with_source`]).
//!
//! As CPython's `Python/_warnings.c`: the filters list, the default action and the "once"
//! registry live here per interpreter and are shared with the `warnings` module, which imports
//! them (`filters`, `_defaultaction`, `_onceregistry`); while `warnings` is imported its
//! attributes (`warnings.filters`, `warnings.defaultaction`, `warnings.onceregistry`,
//! `warnings._showwarnmsg`) are the ones consulted. A warning's location is the Python frame
//! `stacklevel` frames up the running stack (`frame::frames_of_thread`); its registry is the
//! `__warningregistry__` dict of that frame's globals. Without the `warnings` module a shown
//! warning is written here: `FILE:LINE: Category: message` and the stripped source line.

use std::cell::{Cell, RefCell};

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::ops;
use crate::types::bool::py_bool;
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions as ex;
use crate::types::function::new_builtin_function;
use crate::types::int::new_int_i64;
use crate::types::list::{as_list, new_list};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::{Str, intern, new_str};
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::{StaticType, as_type};

struct State {
    filters: Object,
    once_registry: Object,
    default_action: Object,
    /// Bumped whenever the filters change; a module registry made under another version is
    /// emptied before use.
    version: Cell<i64>,
    /// `_acquire_lock` depth (one thread: the lock only counts).
    lock: Cell<usize>,
}

static STATE: crate::gil::GilCell<RefCell<Option<std::rc::Rc<State>>>> =
    crate::gil::GilCell::new(RefCell::new(None));

fn filter(action: &str, category: &StaticType, module: Option<&str>) -> Object {
    new_tuple(vec![
        new_str(action),
        none(),
        category.0.as_object().to_owned(),
        module.map_or_else(none, new_str),
        new_int_i64(0),
    ])
}

fn state() -> std::rc::Rc<State> {
    if let Some(s) = STATE.with(|s| s.borrow().clone()) {
        return s;
    }
    // CPython's default filters of a release build (PEP 565).
    let filters = new_list(vec![
        filter("default", &ex::DEPRECATION_WARNING, Some("__main__")),
        filter("ignore", &ex::DEPRECATION_WARNING, None),
        filter("ignore", &ex::PENDING_DEPRECATION_WARNING, None),
        filter("ignore", &ex::IMPORT_WARNING, None),
        filter("ignore", &ex::RESOURCE_WARNING, None),
    ]);
    let s = std::rc::Rc::new(State {
        filters,
        once_registry: new_dict(),
        default_action: intern("default"),
        version: Cell::new(0),
        lock: Cell::new(0),
    });
    STATE.with(|st| *st.borrow_mut() = Some(s.clone()));
    s
}

/// The `warnings` module if it is imported (or, with `import`, imported now).
fn warnings_module(import: bool) -> PyResult<Option<Object>> {
    let modules = crate::import::sys_modules();
    if let Some(d) = as_dict(modules.as_ref())
        && let Some(m) = d.get_str("warnings")?
        && !is_none(m.as_ref())
    {
        return Ok(Some(m));
    }
    if import {
        return crate::import::import_module("warnings", None).map(Some);
    }
    Ok(None)
}

/// `warnings.<name>` while the module is imported.
fn warnings_attr(name: &str, import: bool) -> PyResult<Option<Object>> {
    let Some(m) = warnings_module(import)? else { return Ok(None) };
    match crate::attr::getattr(m.as_ref(), intern(name).as_ref()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&ex::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

fn type_name(o: ObjectRef<'_>) -> String {
    o.type_().name().to_string()
}

fn get_filters() -> PyResult<Object> {
    match warnings_attr("filters", false)? {
        Some(f) => {
            if as_list(f.as_ref()).is_none() {
                return Err(PyErr::value_error("warnings.filters must be a list"));
            }
            Ok(f)
        }
        None => Ok(state().filters.clone()),
    }
}

fn get_once_registry() -> PyResult<Object> {
    match warnings_attr("onceregistry", false)? {
        Some(r) => {
            if as_dict(r.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "warnings.onceregistry must be a dict, not '{}'",
                    type_name(r.as_ref())
                )));
            }
            Ok(r)
        }
        None => Ok(state().once_registry.clone()),
    }
}

fn get_default_action() -> PyResult<Object> {
    match warnings_attr("defaultaction", false)? {
        Some(a) => {
            if Str::new(a.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "warnings.defaultaction must be a string, not '{}'",
                    type_name(a.as_ref())
                )));
            }
            Ok(a)
        }
        None => Ok(state().default_action.clone()),
    }
}

/// A filter's message or module pattern against the text: `None` matches everything, a str
/// must be equal, anything else is asked `pattern.match(text)`.
fn matches(pattern: ObjectRef<'_>, text: ObjectRef<'_>) -> PyResult<bool> {
    if is_none(pattern) {
        return Ok(true);
    }
    if std::ptr::eq(pattern.type_(), &crate::types::str::STR_TYPE.0) {
        return ops::rich_compare_bool(pattern, text, crate::types::typeobject::CompareOp::Eq);
    }
    let r = crate::types::instance::call_method(pattern, "match", &[text.to_owned()])?;
    ops::is_true(r.as_ref())
}

fn is_subclass(category: ObjectRef<'_>, cls: ObjectRef<'_>) -> PyResult<bool> {
    let r = crate::builtins::functions::issubclass_objects(category, cls)?;
    Ok(r)
}

/// The action of the first filter matching, else the default action (with the filter, for
/// the "Unrecognized action" message).
fn get_filter(
    category: ObjectRef<'_>,
    text: ObjectRef<'_>,
    lineno: i64,
    module: ObjectRef<'_>,
) -> PyResult<(Object, Object)> {
    let filters = get_filters()?;
    let items = as_list(filters.as_ref()).expect("list").to_vec();
    for (i, item) in items.iter().enumerate() {
        let parts = match tuple_items(item.as_ref()) {
            Some(p) if p.len() == 5 => p.to_vec(),
            _ => {
                return Err(PyErr::value_error(format!(
                    "warnings.filters item {i} isn't a 5-tuple"
                )));
            }
        };
        let action = &parts[0];
        if Str::new(action.as_ref()).is_none() {
            return Err(PyErr::type_error(format!(
                "action must be a string, not '{}'",
                type_name(action.as_ref())
            )));
        }
        let good_msg = matches(parts[1].as_ref(), text)?;
        let good_mod = matches(parts[3].as_ref(), module)?;
        let sub = is_subclass(category, parts[2].as_ref())?;
        let ln = ops::index_value(parts[4].as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(parts[4].as_ref())
            ))
        })? as i64;
        if good_msg && sub && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action.clone(), item.clone()));
        }
    }
    Ok((get_default_action()?, none()))
}

/// Whether `key` was already warned about in `registry` (emptying a registry made under other
/// filters first); with `set`, records it.
fn already_warned(registry: ObjectRef<'_>, key: Object, set: bool) -> PyResult<bool> {
    let d = as_dict(registry).expect("dict");
    let version = state().version.get();
    let current =
        d.get_str("version")?.filter(|v| std::ptr::eq(v.type_(), &crate::types::int::INT_TYPE.0));
    let up_to_date = current.is_some_and(|v| v.small_int() == Some(version));
    if !up_to_date {
        d.clear();
        d.set_str("version", new_int_i64(version))?;
    } else if let Some(v) = d.get_item(key.as_ref())?
        && ops::is_true(v.as_ref())?
    {
        return Ok(true);
    }
    if set {
        d.set_item(key, py_bool(true))?;
    }
    Ok(false)
}

fn update_registry(registry: ObjectRef<'_>, text: &Object, category: &Object) -> PyResult<bool> {
    already_warned(registry, new_tuple(vec![text.clone(), category.clone()]), true)
}

/// `warn_explicit`'s core: filter, record in the registries, and raise or show the warning.
#[allow(clippy::too_many_arguments)]
fn warn_explicit_impl(
    category: Option<Object>,
    message: Object,
    filename: Object,
    lineno: i64,
    module: Option<Object>,
    registry: Option<Object>,
    sourceline: Option<Object>,
    source: Option<Object>,
) -> PyResult<()> {
    if module.as_ref().is_some_and(|m| is_none(m.as_ref())) {
        return Ok(());
    }
    let registry = registry.filter(|r| !is_none(r.as_ref()));
    if let Some(r) = &registry
        && as_dict(r.as_ref()).is_none()
    {
        return Err(PyErr::type_error("'registry' must be a dict or None"));
    }
    let module = match module {
        Some(m) => m,
        None => normalize_module(filename.as_ref()),
    };
    let (text, category, message) = if ops_isinstance_warning(message.as_ref()) {
        let text = ops::str_(message.as_ref())?;
        (text, message.type_().as_object().to_owned(), message)
    } else {
        let category = category.unwrap_or_else(|| ex::USER_WARNING.0.as_object().to_owned());
        let m = ops::call(category.as_ref(), std::slice::from_ref(&message), None)?;
        (message, category, m)
    };
    let lineno_obj = new_int_i64(lineno);
    let source = source.filter(|s| !is_none(s.as_ref()));
    let key = new_tuple(vec![text.clone(), category.clone(), lineno_obj.clone()]);
    if let Some(r) = &registry
        && already_warned(r.as_ref(), key.clone(), false)?
    {
        return Ok(());
    }
    let (action, item) = get_filter(category.as_ref(), text.as_ref(), lineno, module.as_ref())?;
    let action_s = Str::new(action.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default();
    if action_s == "error" {
        return Err(PyErr::from_instance(message));
    }
    if action_s == "ignore" {
        return Ok(());
    }
    let mut warned = false;
    if action_s != "always" && action_s != "all" {
        if let Some(r) = &registry {
            as_dict(r.as_ref()).expect("dict").set_item(key, py_bool(true))?;
        }
        match action_s.as_str() {
            "once" => {
                let reg = match &registry {
                    Some(r) => r.clone(),
                    None => get_once_registry()?,
                };
                warned = update_registry(reg.as_ref(), &text, &category)?;
            }
            "module" => {
                if let Some(r) = &registry {
                    warned = update_registry(r.as_ref(), &text, &category)?;
                }
            }
            "default" => {}
            _ => {
                return Err(PyErr::new(
                    &ex::RUNTIME_ERROR,
                    format!(
                        "Unrecognized action ({}) in warnings.filters:\n {}",
                        ops::repr_string(action.as_ref())?,
                        ops::repr_string(item.as_ref())?
                    ),
                ));
            }
        }
    }
    if warned {
        return Ok(());
    }
    show(category, text, message, filename, lineno_obj, sourceline, source)
}

fn ops_isinstance_warning(o: ObjectRef<'_>) -> bool {
    o.type_().is_subtype(&ex::WARNING.0)
}

fn normalize_module(filename: ObjectRef<'_>) -> Object {
    let s = Str::new(filename).map(|s| s.to_string_lossy()).unwrap_or_default();
    if s.is_empty() {
        return new_str("<unknown>");
    }
    match s.strip_suffix(".py") {
        Some(m) => new_str(m),
        None => filename.to_owned(),
    }
}

/// Shows a warning: through `warnings._showwarnmsg` when the module is imported (imported
/// first when the warning has a `source`), else written to `sys.stderr` here.
fn show(
    category: Object,
    text: Object,
    message: Object,
    filename: Object,
    lineno: Object,
    sourceline: Option<Object>,
    source: Option<Object>,
) -> PyResult<()> {
    let Some(show_fn) = warnings_attr("_showwarnmsg", source.is_some())? else {
        write_warning(&category, &text, &filename, &lineno, sourceline);
        return Ok(());
    };
    if show_fn.type_().slots.call.get().is_none() {
        return Err(PyErr::type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let Some(cls) = warnings_attr("WarningMessage", false)? else {
        return Err(PyErr::new(&ex::RUNTIME_ERROR, "unable to get warnings.WarningMessage"));
    };
    seed_linecache(&filename);
    let msg = ops::call(
        cls.as_ref(),
        &[message, category, filename, lineno, none(), none(), source.unwrap_or_else(none)],
        None,
    )?;
    ops::call(show_fn.as_ref(), &[msg], None)?;
    Ok(())
}

/// Gives `linecache` the lines of a source file it has not read yet (as a module loaded by a
/// loader: no modification time), so `warnings` shows the line without needing `os`.
fn seed_linecache(filename: &Object) {
    let Some(name) = Str::new(filename.as_ref()).and_then(|s| s.as_str()) else { return };
    if name.starts_with('<') {
        return;
    }
    let Ok(Some(lc)) = crate::import::import_module("linecache", None).map(Some) else { return };
    let Ok(cache) = crate::attr::getattr(lc.as_ref(), intern("cache").as_ref()) else { return };
    let Some(d) = as_dict(cache.as_ref()) else { return };
    if d.contains(filename.as_ref()).unwrap_or(true) {
        return;
    }
    let Ok(text) = std::fs::read_to_string(name) else { return };
    let lines: Vec<Object> = text.split_inclusive('\n').map(new_str).collect();
    let entry =
        new_tuple(vec![new_int_i64(text.len() as i64), none(), new_list(lines), filename.clone()]);
    let _ = d.set_item(filename.clone(), entry);
}

/// `FILE:LINE: Category: message` and the source line (stripped, indented by two), on
/// `sys.stderr`; errors writing are ignored.
fn write_warning(
    category: &Object,
    text: &Object,
    filename: &Object,
    lineno: &Object,
    sourceline: Option<Object>,
) {
    let s = |o: &Object| ops::str_string(o.as_ref()).unwrap_or_default();
    let name = crate::attr::getattr(category.as_ref(), intern("__name__").as_ref())
        .map(|n| s(&n))
        .unwrap_or_default();
    let mut out = format!("{}:{}: {}: {}\n", s(filename), s(lineno), name, s(text));
    let line = match sourceline {
        Some(l) if !is_none(l.as_ref()) => Some(s(&l)),
        _ => {
            let n = lineno.small_int().unwrap_or(0);
            Str::new(filename.as_ref())
                .and_then(|f| f.as_str())
                .filter(|f| !f.starts_with('<'))
                .and_then(|f| std::fs::read(f).ok())
                .and_then(|b| {
                    let t = String::from_utf8_lossy(&b).into_owned();
                    t.lines().nth((n as usize).wrapping_sub(1)).map(str::to_string)
                })
        }
    };
    if let Some(l) = line {
        let l = l.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\r', '\n']);
        out.push_str(&format!("  {l}\n"));
    }
    write_stderr(&out);
}

fn write_stderr(text: &str) {
    match crate::import::sys_attr("stderr") {
        Some(e) if !is_none(e.as_ref()) => {
            let _ = crate::types::instance::call_method(e.as_ref(), "write", &[new_str(text)]);
        }
        _ => {}
    }
}

/// Where a warning `stacklevel` frames up is attributed: its globals, file name and line.
fn setup_context(
    stacklevel: isize,
    skip: &[String],
) -> PyResult<(Object, Object, i64, Object, Object)> {
    let want = stacklevel.clamp(1, 10_000) as usize;
    let frames = crate::frame::frames_of_thread(usize::MAX);
    let filename_of = |f: &crate::frame::FrameInfo| -> String {
        crate::types::code::as_code(f.code.as_ref())
            .and_then(|c| Str::new(c.filename.as_ref()).map(|s| s.to_string_lossy()))
            .unwrap_or_default()
    };
    let internal = |f: &crate::frame::FrameInfo| {
        let n = filename_of(f);
        n.contains("importlib") && n.contains("_bootstrap")
    };
    let skipped = |f: &crate::frame::FrameInfo| {
        internal(f) || {
            let n = filename_of(f);
            skip.iter().any(|p| n.starts_with(p.as_str()))
        }
    };
    let mut idx = Some(0usize).filter(|_| !frames.is_empty());
    let mut level = stacklevel;
    if stacklevel <= 0 || frames.first().is_some_and(internal) {
        while {
            level -= 1;
            level > 0
        } && idx.is_some()
        {
            idx = idx.map(|i| i + 1).filter(|i| *i < frames.len());
        }
    } else {
        let _ = want;
        while {
            level -= 1;
            level > 0
        } && idx.is_some()
        {
            let mut i = idx.unwrap_or(0) + 1;
            while i < frames.len() && skipped(&frames[i]) {
                i += 1;
            }
            idx = Some(i).filter(|i| *i < frames.len());
        }
    }
    let (globals, filename, lineno) = match idx.map(|i| &frames[i]) {
        Some(f) => {
            let code = crate::types::code::as_code(f.code.as_ref()).expect("code");
            let line = code.position(f.lasti).line.unwrap_or(0) as i64;
            (f.globals.clone(), code.filename.clone(), line)
        }
        None => {
            let sys = crate::builtins::sys_module();
            let d = module_dict(sys.as_ref()).expect("dict").to_owned();
            (d, new_str("<sys>"), 0)
        }
    };
    let g = as_dict(globals.as_ref()).ok_or_else(|| PyErr::type_error("globals must be a dict"))?;
    let registry = match g.get_str("__warningregistry__")? {
        Some(r) => r,
        None => {
            let r = new_dict();
            g.set_str("__warningregistry__", r.clone())?;
            r
        }
    };
    let module = match g.get_str("__name__")? {
        Some(m) if is_none(m.as_ref()) || Str::new(m.as_ref()).is_some() => m,
        _ => new_str("<string>"),
    };
    Ok((globals, filename, lineno, module, registry))
}

/// The category a `warn` call uses: the message's class if it is a Warning, else `category`
/// (UserWarning when absent), which must be a Warning subclass.
fn get_category(message: ObjectRef<'_>, category: Option<ObjectRef<'_>>) -> PyResult<Object> {
    if ops_isinstance_warning(message) {
        return Ok(message.type_().as_object().to_owned());
    }
    let cat = match category {
        Some(c) if !is_none(c) => c,
        _ => return Ok(ex::USER_WARNING.0.as_object().to_owned()),
    };
    let ok = as_type(cat).is_some() && is_subclass(cat, ex::WARNING.0.as_object()).unwrap_or(false);
    if !ok {
        return Err(PyErr::type_error(format!(
            "category must be a Warning subclass, not '{}'",
            type_name(cat)
        )));
    }
    Ok(cat.to_owned())
}

fn do_warn(
    message: Object,
    category: Object,
    stacklevel: isize,
    source: Option<Object>,
    skip: &[String],
) -> PyResult<()> {
    let (_globals, filename, lineno, module, registry) = setup_context(stacklevel, skip)?;
    warn_explicit_impl(
        Some(category),
        message,
        filename,
        lineno,
        Some(module),
        Some(registry),
        None,
        source,
    )
}

/// Issues a warning of `category` from the VM, attributed to the Python frame `stacklevel`
/// frames up (1: the frame running). With the "error" action this is the exception to raise.
pub fn warn(category: &StaticType, message: &str, stacklevel: isize) -> PyResult<()> {
    do_warn(new_str(message), category.0.as_object().to_owned(), stacklevel, None, &[])
}

/// `warn_explicit(message, category, filename, lineno)` from the VM (no module registry): how
/// the compiler's SyntaxWarnings of `compile()`/`exec()`/`eval()` are issued.
pub fn warn_explicit(
    category: &StaticType,
    message: &str,
    filename: &str,
    lineno: i64,
) -> PyResult<()> {
    warn_explicit_impl(
        Some(category.0.as_object().to_owned()),
        new_str(message),
        new_str(filename),
        lineno,
        None,
        None,
        None,
        None,
    )
}

/// [`warn`] with a `source` object (the warning module's `_showwarnmsg` is then imported and
/// used, as for CPython's resource and coroutine warnings).
pub fn warn_with_source(
    category: &StaticType,
    message: &str,
    stacklevel: isize,
    source: Object,
) -> PyResult<()> {
    do_warn(new_str(message), category.0.as_object().to_owned(), stacklevel, Some(source), &[])
}

/// The "coroutine ... was never awaited" RuntimeWarning of a coroutine freed unawaited:
/// through `warnings._warn_unawaited_coroutine` (importing `warnings`), else directly;
/// errors are reported as unraisable.
pub fn warn_unawaited_coroutine(coro: ObjectRef<'_>, qualname: &str) {
    let w = warnings_attr("_warn_unawaited_coroutine", true);
    let r = match w {
        Ok(Some(f)) => ops::call(f.as_ref(), &[coro.to_owned()], None).map(drop),
        Ok(None) => {
            warn(&ex::RUNTIME_WARNING, &format!("coroutine '{qualname}' was never awaited"), 1)
        }
        Err(e) => Err(e),
    };
    if let Err(e) = r {
        crate::gc::write_unraisable(e, "Exception ignored while finalizing coroutine", Some(coro));
    }
}

fn warn_fn(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let prefixes = a.take_kw("skip_file_prefixes").cloned();
    // With a keyword-only parameter, the clinic's message counts positionals only.
    if a.pos.len() > 4 {
        return Err(PyErr::type_error(format!(
            "warn() takes at most 4 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let bound = a.bind("warn", &["message", "category", "stacklevel", "source"], 1)?;
    let [message, category, stacklevel, source]: [Option<Object>; 4] =
        std::array::from_fn(|i| bound[i].cloned());
    let message = message.expect("bind checked the required argument");
    let mut stacklevel = match stacklevel {
        Some(s) => ops::index_value(s.as_ref())?.ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(s.as_ref())
            ))
        })?,
        None => 1,
    };
    let mut skip = Vec::new();
    if let Some(p) = prefixes {
        let Some(items) = tuple_items(p.as_ref()) else {
            return Err(PyErr::type_error(format!(
                "warn() argument 'skip_file_prefixes' must be tuple, not {}",
                type_name(p.as_ref())
            )));
        };
        for it in items {
            match Str::new(it.as_ref()) {
                Some(s) => skip.push(s.to_string_lossy()),
                None => {
                    return Err(PyErr::type_error("skip_file_prefixes must be a tuple of strs"));
                }
            }
        }
        if !skip.is_empty() && stacklevel < 2 {
            stacklevel = 2;
        }
    }
    let category = get_category(message.as_ref(), category.as_ref().map(|c| c.as_ref()))?;
    do_warn(message, category, stacklevel, source.filter(|s| !is_none(s.as_ref())), &skip)?;
    Ok(none())
}

fn warn_explicit_fn(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let names = [
        "message",
        "category",
        "filename",
        "lineno",
        "module",
        "registry",
        "module_globals",
        "source",
    ];
    let mut vals: [Option<Object>; 8] = Default::default();
    if a.pos.len() > 8 {
        return Err(PyErr::type_error(format!(
            "warn_explicit() takes at most 8 arguments ({} given)",
            a.pos.len()
        )));
    }
    for (i, v) in a.pos.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = a.take_kw(n) {
            vals[i] = Some(v.clone());
        }
    }
    a.no_kw("warn_explicit")?;
    let [message, category, filename, lineno, module, registry, module_globals, source] = vals;
    for (i, v) in [&message, &category, &filename, &lineno].iter().enumerate() {
        if v.is_none() {
            return Err(PyErr::type_error(format!(
                "warn_explicit() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    let filename = filename.expect("checked");
    if Str::new(filename.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            type_name(filename.as_ref())
        )));
    }
    let lineno_o = lineno.expect("checked");
    let lineno = ops::index_value(lineno_o.as_ref())?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(lineno_o.as_ref())
        ))
    })? as i64;
    let mut sourceline = None;
    if let Some(g) = module_globals.filter(|g| !is_none(g.as_ref())) {
        let Some(d) = as_dict(g.as_ref()) else {
            return Err(PyErr::type_error(format!(
                "module_globals must be a dict, not '{}'",
                type_name(g.as_ref())
            )));
        };
        sourceline = source_line(d, lineno)?;
    }
    let category = category.filter(|c| !is_none(c.as_ref()));
    warn_explicit_impl(
        category,
        message.expect("checked"),
        filename,
        lineno,
        module,
        registry,
        sourceline,
        source,
    )?;
    Ok(none())
}

/// The line `lineno` of a module's source, asked of its `__loader__.get_source`.
fn source_line(g: &crate::types::dict::DictPayload, lineno: i64) -> PyResult<Option<Object>> {
    let (Some(loader), Some(name)) = (g.get_str("__loader__")?, g.get_str("__name__")?) else {
        return Ok(None);
    };
    let Ok(get_source) = crate::attr::getattr(loader.as_ref(), intern("get_source").as_ref())
    else {
        return Ok(None);
    };
    let src = ops::call(get_source.as_ref(), &[name], None)?;
    let Some(text) = Str::new(src.as_ref()).map(|s| s.to_string_lossy()) else {
        return Ok(None);
    };
    Ok(text.lines().nth((lineno as usize).wrapping_sub(1)).map(new_str))
}

fn filters_mutated(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = state();
    s.version.set(s.version.get() + 1);
    Ok(none())
}

fn acquire_lock(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = state();
    s.lock.set(s.lock.get() + 1);
    Ok(none())
}

fn release_lock(
    _: Option<ObjectRef<'_>>,
    _: &[Object],
    _: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let s = state();
    if s.lock.get() == 0 {
        return Err(PyErr::new(&ex::RUNTIME_ERROR, "cannot release un-acquired lock"));
    }
    s.lock.set(s.lock.get() - 1);
    Ok(none())
}

/// Makes the `_warnings` module.
pub fn make_module() -> PyResult<Object> {
    let s = state();
    let m = new_module("_warnings");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    d.set_str(
        "__doc__",
        new_str("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    )?;
    d.set_str("filters", s.filters.clone())?;
    d.set_str("_defaultaction", s.default_action.clone())?;
    d.set_str("_onceregistry", s.once_registry.clone())?;
    let cv = crate::import::import_module("_contextvars", None)?;
    let cls = crate::attr::getattr(cv.as_ref(), intern("ContextVar").as_ref())?;
    d.set_str(
        "_warnings_context",
        ops::call(cls.as_ref(), &[new_str("_warnings_context")], None)?,
    )?;
    let fns: [(&'static str, crate::types::function::NativeFn); 5] = [
        ("warn", warn_fn),
        ("warn_explicit", warn_explicit_fn),
        ("_filters_mutated_lock_held", filters_mutated),
        ("_acquire_lock", acquire_lock),
        ("_release_lock", release_lock),
    ];
    for (name, f) in fns {
        d.set_str(name, new_builtin_function(name, f))?;
    }
    Ok(m)
}
