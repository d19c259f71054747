//! The abstract object protocol (CPython's `Objects/abstract.c` and `object.c` entry points):
//! `repr`, `str`, `hash`, rich comparison, truth, the binary and unary number operators with
//! CPython's dispatch order, `len`, subscripting and membership; plus the guards that keep
//! recursive operations from overflowing the Rust stack or looping on self-containing containers.

use std::cell::{Cell, RefCell};

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bool::{bool_value, py_bool};
use crate::types::int::{IntVal, int_value};
use crate::types::singletons::{is_none, is_not_implemented};
use crate::types::str::Str;
use crate::types::typeobject::{BinaryFn, CompareOp, PyType, Slot, Slots};

/// How many bytes of Rust stack nested guarded operations may use by default, measured from the
/// outermost guarded call on the thread. Leaves ample room on a 2 MiB thread (Rust's default for
/// spawned threads); a thread that knows its stack is larger raises it with `set_stack_budget`.
pub const STACK_BUDGET: usize = 512 * 1024;

/// Sets this thread's native recursion budget in bytes (see `STACK_BUDGET`). The interpreter will
/// set it from the size of the stack it runs on.
pub fn set_stack_budget(bytes: usize) {
    BUDGET.set(bytes);
}

thread_local! {
    static BUDGET: Cell<usize> = const { Cell::new(STACK_BUDGET) };
    static GUARD_DEPTH: Cell<usize> = const { Cell::new(0) };
    static STACK_BASE: Cell<usize> = const { Cell::new(0) };
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// How many bytes of this thread's native recursion budget are left here.
pub fn stack_budget_remaining() -> usize {
    let used = if GUARD_DEPTH.get() == 0 { 0 } else { STACK_BASE.get().abs_diff(stack_pointer()) };
    BUDGET.get().saturating_sub(used)
}

/// Marks a native recursion (repr, hash, comparison of nested containers): raises
/// `RecursionError("Stack overflow (used N kB)<context>")`, as CPython 3.14 does, once nesting
/// has used this thread's budget of stack.
pub struct RecursionGuard(());

impl RecursionGuard {
    #[inline]
    pub fn enter(context: &str) -> PyResult<RecursionGuard> {
        let here = stack_pointer();
        let depth = GUARD_DEPTH.get();
        if depth == 0 {
            STACK_BASE.set(here);
        } else {
            let used = STACK_BASE.get().abs_diff(here);
            if used > BUDGET.get() {
                // CPython 3.14's wording for native stack exhaustion.
                return Err(PyErr::recursion_error(format!(
                    "Stack overflow (used {} kB){context}",
                    used / 1024
                )));
            }
        }
        GUARD_DEPTH.set(depth + 1);
        Ok(RecursionGuard(()))
    }
}

impl Drop for RecursionGuard {
    fn drop(&mut self) {
        GUARD_DEPTH.set(GUARD_DEPTH.get() - 1);
    }
}

/// The current stack pointer. Read from the register where we can: the address of a local is
/// not on the machine stack under AddressSanitizer's fake stacks.
#[inline(always)]
fn stack_pointer() -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let sp: usize;
        // SAFETY: copies the stack pointer register into a local; touches no memory, no flags.
        unsafe {
            std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags))
        };
        sp
    }
    #[cfg(target_arch = "aarch64")]
    {
        let sp: usize;
        // SAFETY: copies the stack pointer register into a local; touches no memory, no flags.
        unsafe {
            std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags))
        };
        sp
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        let marker = 0u8;
        std::hint::black_box(&marker) as *const u8 as usize
    }
}

/// CPython's `Py_ReprEnter`: `None` when the object's repr is already being computed on this
/// thread (a container that contains itself prints as `[...]`).
pub struct ReprGuard(usize);

impl ReprGuard {
    pub fn enter(o: ObjectRef<'_>) -> Option<ReprGuard> {
        let id = o.id();
        REPR_ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if a.contains(&id) {
                return None;
            }
            a.push(id);
            Some(ReprGuard(id))
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if let Some(pos) = a.iter().rposition(|&x| x == self.0) {
                a.remove(pos);
            }
        });
    }
}

/// `repr(o)`.
pub fn repr(o: ObjectRef<'_>) -> PyResult<Object> {
    let _guard = RecursionGuard::enter(" while getting the repr of an object")?;
    let f = o.type_().slots.repr.get().unwrap_or(crate::types::object::object_repr);
    let r = f(o)?;
    if Str::new(r.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "__repr__ returned non-string (type {})",
            r.type_().name()
        )));
    }
    Ok(r)
}

/// `ascii(o)` (and the `!a` conversion): `repr(o)` with every non-ASCII code point escaped as
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii(o: ObjectRef<'_>) -> PyResult<Object> {
    let r = repr(o)?;
    let s = Str::new(r.as_ref()).expect("repr returns a str");
    let mut out = String::with_capacity(s.data().len());
    for c in s.data().iter() {
        match c {
            0..=0x7f => out.push(char::from_u32(c).expect("ascii")),
            0x80..=0xff => out.push_str(&format!("\\x{c:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    Ok(crate::types::str::new_str(&out))
}

/// `repr(o)` as Rust text.
pub fn repr_string(o: ObjectRef<'_>) -> PyResult<String> {
    let r = repr(o)?;
    Ok(Str::new(r.as_ref()).expect("checked").to_string_lossy())
}

/// `str(o)`.
pub fn str_(o: ObjectRef<'_>) -> PyResult<Object> {
    if let Some(s) = Str::new(o)
        && std::ptr::eq(o.type_(), &crate::types::str::STR_TYPE.0)
    {
        return Ok(s.object().to_owned());
    }
    match o.type_().slots.str.get() {
        Some(f) => {
            let r = f(o)?;
            if Str::new(r.as_ref()).is_none() {
                return Err(PyErr::type_error(format!(
                    "__str__ returned non-string (type {})",
                    r.type_().name()
                )));
            }
            Ok(r)
        }
        None => repr(o),
    }
}

pub fn str_string(o: ObjectRef<'_>) -> PyResult<String> {
    let r = str_(o)?;
    Ok(Str::new(r.as_ref()).expect("checked").to_string_lossy())
}

/// Whether instances of `ty` are unhashable (its hash slot is empty).
pub fn is_unhashable_type(ty: &PyType) -> bool {
    ty.slots.hash.get().is_none()
}

/// `hash(o)`.
#[inline]
pub fn hash(o: ObjectRef<'_>) -> PyResult<isize> {
    if let Some(v) = o.small_int() {
        return Ok(crate::hash::hash_i64(v));
    }
    match o.type_().slots.hash.get() {
        Some(f) => f(o),
        None => Err(PyErr::type_error(format!("unhashable type: '{}'", o.type_().name()))),
    }
}

/// `a <op> b`, with CPython's order: a subclass's reflected method first, then the left
/// operand's, then the right's reflected one; `==`/`!=` fall back to identity.
pub fn rich_compare(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<Object> {
    let _guard = RecursionGuard::enter(" in comparison")?;
    let (ta, tb) = (a.type_(), b.type_());
    let mut checked_reverse = false;
    if !std::ptr::eq(ta, tb)
        && tb.is_subtype(ta)
        && let Some(f) = tb.slots.richcompare.get()
    {
        checked_reverse = true;
        let r = f(b, a, op.swapped())?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    if let Some(f) = ta.slots.richcompare.get() {
        let r = f(a, b, op)?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    if !checked_reverse && let Some(f) = tb.slots.richcompare.get() {
        let r = f(b, a, op.swapped())?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    match op {
        CompareOp::Eq => Ok(py_bool(a.is(b))),
        CompareOp::Ne => Ok(py_bool(!a.is(b))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// `PyObject_RichCompareBool`: identity implies equality for `==` and `!=`.
pub fn rich_compare_bool(a: ObjectRef<'_>, b: ObjectRef<'_>, op: CompareOp) -> PyResult<bool> {
    if a.is(b) {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let r = rich_compare(a, b, op)?;
    is_true(r.as_ref())
}

/// `bool(o)`.
pub fn is_true(o: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(b) = bool_value(o) {
        return Ok(b);
    }
    if is_none(o) {
        return Ok(false);
    }
    if let Some(v) = o.small_int() {
        return Ok(v != 0);
    }
    let s = &o.type_().slots;
    if let Some(f) = s.nb_bool.get() {
        return f(o);
    }
    if let Some(f) = s.mp_length.get() {
        return Ok(f(o)? != 0);
    }
    if let Some(f) = s.sq_length.get() {
        return Ok(f(o)? != 0);
    }
    Ok(true)
}

/// The binary number operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    DivMod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::DivMod => "divmod()",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    fn slot(self, s: &Slots) -> Option<&Slot<BinaryFn>> {
        Some(match self {
            BinOp::Add => &s.nb_add,
            BinOp::Sub => &s.nb_subtract,
            BinOp::Mul => &s.nb_multiply,
            BinOp::TrueDiv => &s.nb_true_divide,
            BinOp::FloorDiv => &s.nb_floor_divide,
            BinOp::Mod => &s.nb_remainder,
            BinOp::DivMod => &s.nb_divmod,
            BinOp::LShift => &s.nb_lshift,
            BinOp::RShift => &s.nb_rshift,
            BinOp::And => &s.nb_and,
            BinOp::Or => &s.nb_or,
            BinOp::Xor => &s.nb_xor,
            BinOp::Pow => return None,
        })
    }
}

/// Calls the left operand's slot and the right operand's (a subclass's first), as CPython's
/// `binary_op1`; `None` when both decline.
fn binary_op1(
    a: ObjectRef<'_>,
    b: ObjectRef<'_>,
    get: impl Fn(&PyType) -> Option<BinaryFn>,
) -> PyResult<Option<Object>> {
    let (ta, tb) = (a.type_(), b.type_());
    let slotv = get(ta);
    let mut slotw = if std::ptr::eq(ta, tb) { None } else { get(tb) };
    if let (Some(v), Some(w)) = (slotv, slotw)
        && std::ptr::fn_addr_eq(v, w)
    {
        slotw = None;
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw
            && tb.is_subtype(ta)
        {
            let r = w(a, b)?;
            if !is_not_implemented(r.as_ref()) {
                return Ok(Some(r));
            }
            slotw = None;
        }
        let r = v(a, b)?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(Some(r));
        }
    }
    if let Some(w) = slotw {
        let r = w(a, b)?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn unsupported(op: BinOp, a: ObjectRef<'_>, b: ObjectRef<'_>) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        a.type_().name(),
        b.type_().name()
    ))
}

/// `a <op> b` for the binary number operators (and `+`/`*` on sequences).
pub fn binary_op(a: ObjectRef<'_>, b: ObjectRef<'_>, op: BinOp) -> PyResult<Object> {
    if op == BinOp::Pow {
        return power(a, b, None);
    }
    if let Some(r) = binary_op1(a, b, |t| op.slot(&t.slots).and_then(Slot::get))? {
        return Ok(r);
    }
    match op {
        BinOp::Add => {
            if let Some(f) = a.type_().slots.sq_concat.get() {
                return f(a, b);
            }
        }
        BinOp::Mul => {
            if let Some(f) = a.type_().slots.sq_repeat.get() {
                return f(a, repeat_count(b)?);
            }
            if let Some(f) = b.type_().slots.sq_repeat.get() {
                return f(b, repeat_count(a)?);
            }
        }
        _ => {}
    }
    Err(unsupported(op, a, b))
}

fn repeat_count(n: ObjectRef<'_>) -> PyResult<isize> {
    match index_value(n) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_().name()
        ))),
        Err(e) if e.matches(&crate::types::exceptions::INDEX_ERROR) => Err(PyErr::overflow_error(
            format!("cannot fit '{}' into an index-sized integer", n.type_().name()),
        )),
        Err(e) => Err(e),
    }
}

/// `pow(a, b, m)` / `a ** b`.
pub fn power(a: ObjectRef<'_>, b: ObjectRef<'_>, m: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let (ta, tb) = (a.type_(), b.type_());
    let slotv = ta.slots.nb_power.get();
    let slotw = if std::ptr::eq(ta, tb) { None } else { tb.slots.nb_power.get() };
    for f in [slotv, slotw].into_iter().flatten() {
        let r = f(a, b, m)?;
        if !is_not_implemented(r.as_ref()) {
            return Ok(r);
        }
    }
    if let Some(m) = m.filter(|m| !crate::types::singletons::is_none(*m)) {
        // Three-argument form: the modulus's type is tried last, and the error names all three.
        let tm = m.type_();
        if let Some(f) = tm.slots.nb_power.get()
            && !std::ptr::eq(tm, ta)
            && !std::ptr::eq(tm, tb)
        {
            let r = f(a, b, Some(m))?;
            if !is_not_implemented(r.as_ref()) {
                return Ok(r);
            }
        }
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            ta.name(),
            tb.name(),
            tm.name()
        )));
    }
    Err(unsupported(BinOp::Pow, a, b))
}

/// The unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Abs,
}

pub fn unary_op(a: ObjectRef<'_>, op: UnaryOp) -> PyResult<Object> {
    let s = &a.type_().slots;
    let (slot, name) = match op {
        UnaryOp::Neg => (s.nb_negative.get(), "unary -"),
        UnaryOp::Pos => (s.nb_positive.get(), "unary +"),
        UnaryOp::Invert => (s.nb_invert.get(), "unary ~"),
        UnaryOp::Abs => (s.nb_absolute.get(), "abs()"),
    };
    match slot {
        Some(f) => f(a),
        None => {
            Err(PyErr::type_error(format!("bad operand type for {name}: '{}'", a.type_().name())))
        }
    }
}

/// `len(o)`.
pub fn len(o: ObjectRef<'_>) -> PyResult<usize> {
    let s = &o.type_().slots;
    if let Some(f) = s.sq_length.get() {
        return f(o);
    }
    if let Some(f) = s.mp_length.get() {
        return f(o);
    }
    Err(PyErr::type_error(format!("object of type '{}' has no len()", o.type_().name())))
}

/// `o[key]`.
pub fn getitem(o: ObjectRef<'_>, key: ObjectRef<'_>) -> PyResult<Object> {
    let s = &o.type_().slots;
    if let Some(f) = s.mp_subscript.get() {
        return f(o, key);
    }
    if let Some(f) = s.sq_item.get() {
        return match index_value(key)? {
            Some(i) => {
                let i = if i < 0 { i + len(o)? as isize } else { i };
                f(o, i)
            }
            None => Err(PyErr::type_error(format!(
                "sequence index must be integer, not '{}'",
                key.type_().name()
            ))),
        };
    }
    // A class: `__class_getitem__` (or a built-in generic's alias).
    if let Some(t) = crate::types::typeobject::as_type(o) {
        if let Some(v) = crate::types::genericalias::class_getitem(o, key)? {
            return Ok(v);
        }
        return Err(PyErr::type_error(format!("type '{}' is not subscriptable", t.name())));
    }
    Err(PyErr::type_error(format!("'{}' object is not subscriptable", o.type_().name())))
}

/// `o[key] = value`, or `del o[key]` when `value` is `None`.
pub fn setitem(o: ObjectRef<'_>, key: ObjectRef<'_>, value: Option<ObjectRef<'_>>) -> PyResult<()> {
    let s = &o.type_().slots;
    if let Some(f) = s.mp_ass_subscript.get() {
        return f(o, key, value);
    }
    Err(PyErr::type_error(if value.is_some() {
        format!("'{}' object does not support item assignment", o.type_().name())
    } else {
        format!("'{}' object doesn't support item deletion", o.type_().name())
    }))
}

/// `item in container`.
pub fn contains(container: ObjectRef<'_>, item: ObjectRef<'_>) -> PyResult<bool> {
    if let Some(f) = container.type_().slots.sq_contains.get() {
        return f(container, item);
    }
    Err(PyErr::type_error(format!(
        "argument of type '{}' is not a container or iterable",
        container.type_().name()
    )))
}

/// `operator.index(o)` as an isize: `None` if `o` is not an int; OverflowError (CPython's
/// IndexError for sequence indices is raised by the caller's range check) when out of range.
pub fn index_value(o: ObjectRef<'_>) -> PyResult<Option<isize>> {
    match int_value(o) {
        None => match index_via_slot(o)? {
            Some(i) => index_value(i.as_ref()),
            None => Ok(None),
        },
        Some(IntVal::Small(v)) => Ok(Some(v as isize)),
        Some(IntVal::Big(_)) => Err(PyErr::index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            o.type_().name()
        ))),
    }
}

/// `o.__index__()` for a non-int whose type has the `nb_index` slot (a class defining
/// `__index__`): the int it returns, or CPython's TypeError when it returns something else.
pub fn index_via_slot(o: ObjectRef<'_>) -> PyResult<Option<Object>> {
    let Some(f) = o.type_().slots.nb_index.get() else { return Ok(None) };
    let r = f(o)?;
    if int_value(r.as_ref()).is_none() {
        return Err(PyErr::type_error(format!(
            "__index__ returned non-int (type {})",
            r.type_().name()
        )));
    }
    Ok(Some(r))
}

/// An index clamped to the isize range (slice bounds).
pub fn index_value_clamped(o: ObjectRef<'_>) -> PyResult<Option<isize>> {
    match int_value(o) {
        None => match index_via_slot(o)? {
            Some(i) => index_value_clamped(i.as_ref()),
            None => Ok(None),
        },
        Some(IntVal::Small(v)) => Ok(Some(v as isize)),
        Some(v @ IntVal::Big(_)) => Ok(Some(if v.is_negative() { isize::MIN } else { isize::MAX })),
    }
}

/// The items of a tuple or list (new references), for operations that take "an iterable" until
/// the iterator protocol exists.
pub fn sequence_to_vec(o: ObjectRef<'_>) -> PyResult<Vec<Object>> {
    if let Some(items) = crate::types::tuple::tuple_items(o) {
        return Ok(items.to_vec());
    }
    if let Some(l) = crate::types::list::as_list(o) {
        return Ok(l.to_vec());
    }
    Err(PyErr::type_error("must assign iterable to extended slice"))
}

/// `iter(o)`.
pub fn iter(o: ObjectRef<'_>) -> PyResult<Object> {
    match o.type_().slots.iter.get() {
        Some(f) => {
            let it = f(o)?;
            if it.type_().slots.iternext.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.type_().name()
                )));
            }
            Ok(it)
        }
        None => Err(PyErr::type_error(format!("'{}' object is not iterable", o.type_().name()))),
    }
}

/// `next(it)` without a default: `Ok(None)` when exhausted (CPython's NULL without an error).
pub fn next(it: ObjectRef<'_>) -> PyResult<Option<Object>> {
    // List and tuple iterators (zip, map, sum, list() over them) without the slot's call.
    if let Some(r) = crate::types::iter::list_tuple_next(it) {
        return r;
    }
    match it.type_().slots.iternext.get() {
        Some(f) => f(it),
        None => {
            Err(PyErr::type_error(format!("'{}' object is not an iterator", it.type_().name())))
        }
    }
}

/// `callable(*args)` with keyword names `kwnames` (their values are the last arguments).
pub fn call(
    callable: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    match callable.type_().slots.call.get() {
        Some(f) => {
            let _guard = RecursionGuard::enter(" while calling a Python object")?;
            f(callable, args, kwnames)
        }
        None => {
            Err(PyErr::type_error(format!("'{}' object is not callable", callable.type_().name())))
        }
    }
}
