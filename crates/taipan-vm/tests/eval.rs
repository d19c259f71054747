//! The eval loop end to end: programs compiled by `taipan-compiler` and run on the VM, with
//! their standard output compared to what CPython 3.14 prints. Expected outputs were produced by
//! the oracle: `/work/shared/tools/cpython3.14 PROGRAM.py` on the program text given here.

use taipan_compiler::{CompileOptions, compile_source};
use taipan_vm::builtins::sys::{start_capture, take_capture};
use taipan_vm::object::Object;
use taipan_vm::types::dict::as_dict;
use taipan_vm::types::list::new_list;
use taipan_vm::types::str::new_str;

/// Runs `src` as `__main__` in fresh globals; returns its output and the escaped exception's
/// summary line, if any.
fn run_with(src: &str, globals: &Object) -> (String, Option<String>) {
    let code =
        compile_source(src.as_bytes(), "<test>", &CompileOptions::default()).expect("compiles");
    start_capture();
    let r = taipan_vm::run::exec_code(code, globals);
    let out = take_capture();
    (out, r.err().map(|e| taipan_vm::traceback::exception_summary(e.instance())))
}

fn run(src: &str) -> (String, Option<String>) {
    run_with(src, &taipan_vm::run::new_globals())
}

/// Runs `f` on a thread with Rust's default 2 MiB stack, as the tests of deep recursion need.
fn on_small_stack<F: FnOnce() + Send + 'static>(f: F) {
    let h = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _gil = taipan_vm::gil::hold();
            f()
        })
        .expect("thread");
    taipan_vm::gil::allow_threads(move || h.join()).expect("no panic");
}

const UNWIND: &str = r#"
def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("finally", n)
print(f(0), f(5))
def g():
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    raise KeyError(i)
            finally:
                print("inner", i)
        except KeyError as k:
            print("key", k)
    return "done"
print(g())
def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1)
try:
    deep(50)
except RuntimeError as e:
    print("unwound", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("second")
except TypeError as t:
    print(type(t.__context__).__name__ if hasattr(t, "__context__") else "no ctx", t)
"#;

#[test]
fn exception_table_unwinding() {
    let _gil = taipan_vm::gil::hold();
    let (out, err) = run(UNWIND);
    assert_eq!(err, None);
    assert_eq!(
        out,
        "finally 0\nfinally 5\ncaught zero 2\ninner 0\ninner 1\ninner 2\nkey 2\ndone\n\
         unwound bottom\nZeroDivisionError second\n"
    );
}

#[test]
fn deep_python_recursion_uses_no_rust_stack() {
    let _gil = taipan_vm::gil::hold();
    on_small_stack(|| {
        let (out, err) = run(
            "import sys\nsys.setrecursionlimit(200000)\ndef down(n):\n    if n == 0:\n        \
             return 0\n    return down(n - 1) + 1\nprint(down(100000))\n",
        );
        assert_eq!(err, None);
        assert_eq!(out, "100000\n");
    });
}

#[test]
fn recursion_error_at_the_limit() {
    let _gil = taipan_vm::gil::hold();
    on_small_stack(|| {
        let (out, err) =
            run("def forever(n):\n    return forever(n + 1)\ntry:\n    forever(0)\nexcept \
             RecursionError as e:\n    print(\"RecursionError:\", e)\nprint(\"still alive\")\n");
        assert_eq!(err, None);
        assert_eq!(out, "RecursionError: maximum recursion depth exceeded\nstill alive\n");
    });
}

#[test]
fn uncaught_exception_escapes_with_its_message() {
    let _gil = taipan_vm::gil::hold();
    let (out, err) = run("print('a')\nx = {}\nx['k']\n");
    assert_eq!(out, "a\n");
    assert_eq!(err.as_deref(), Some("KeyError: 'k'"));
}

#[test]
fn closures_classes_and_calls() {
    let _gil = taipan_vm::gil::hold();
    // Oracle output of this program: "3 2\n42 C(21)\n43\n(1, 2, (3,), 5, {'d': 6})\n".
    let src = r#"
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter(); c(); c(); print(c(0) + 1, c(0))
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * 2
    def __repr__(self):
        return f"C({self.v!r})"
class D(C):
    def get(self):
        return super().get() + 1
o = C(21)
print(o.get(), o)
print(D(21).get())
def h(a, b=2, *args, c, **kw):
    return a, b, args, c, kw
print(h(1, 2, 3, c=5, d=6))
"#;
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, "3 2\n42 C(21)\n43\n(1, 2, (3,), 5, {'d': 6})\n");
}

#[test]
fn argument_errors_have_cpythons_messages() {
    let _gil = taipan_vm::gil::hold();
    // From the oracle: each line is the TypeError message CPython 3.14 gives.
    let cases = [
        ("def f(a, b): pass\nf(1)\n", "TypeError: f() missing 1 required positional argument: 'b'"),
        (
            "def f(a): pass\nf(1, 2)\n",
            "TypeError: f() takes 1 positional argument but 2 were given",
        ),
        ("def f(a): pass\nf(1, z=2)\n", "TypeError: f() got an unexpected keyword argument 'z'"),
        ("def f(a): pass\nf(1, a=2)\n", "TypeError: f() got multiple values for argument 'a'"),
        (
            "def f(*, k): pass\nf()\n",
            "TypeError: f() missing 1 required keyword-only argument: 'k'",
        ),
    ];
    for (src, want) in cases {
        let (_, err) = run(src);
        assert_eq!(err.as_deref(), Some(want), "{src}");
    }
}

#[test]
fn refcounts_return_to_their_start() {
    let _gil = taipan_vm::gil::hold();
    let globals = taipan_vm::run::new_globals();
    let data = new_list(vec![new_str("x"), new_str("y")]);
    let key = new_str("payload");
    let start = data.refcnt().expect("heap object");
    as_dict(globals.as_ref()).expect("dict").set_item(key.clone(), data.clone()).expect("set");
    let src = r#"
def use(v, *rest, **kw):
    try:
        if len(v) > 1:
            raise ValueError(v)
    except ValueError as e:
        w = e.args[0]
    return [v for _ in range(3)], (lambda: v)()
for i in range(100):
    a, b = use(payload, payload, k=payload)
    del a, b
class Holder:
    def __init__(self, v):
        self.v = v
h = Holder(payload)
del h
"#;
    let (_, err) = run_with(src, &globals);
    assert_eq!(err, None);
    as_dict(globals.as_ref()).expect("dict").del_item(key.as_ref()).expect("del");
    drop(globals);
    assert_eq!(data.refcnt(), Some(start));
}

#[test]
fn generators_send_close_and_yield_from() {
    let _gil = taipan_vm::gil::hold();
    // Oracle output of this program (cpython3.14 gent.py).
    let src = r#"
def g(n):
    try:
        for i in range(n):
            got = yield i
            if got:
                print("got", got)
    finally:
        print("closed")
    return "done"
it = g(5)
print(next(it), it.send("x"), next(it))
it.close()
print(list(g(2)))
def outer():
    r = yield from g(1)
    print("r", r)
print(list(outer()))
"#;
    let (out, err) = run(src);
    assert_eq!(err, None);
    assert_eq!(out, "got x\n0 1 2\nclosed\nclosed\n[0, 1]\nclosed\nr done\n[0]\n");
}

#[test]
fn traceback_report_matches_cpython() {
    let _gil = taipan_vm::gil::hold();
    // `cpython3.14 tbt.py` prints exactly this on stderr.
    let src = "def inner(d):\n    return d[\"missing\"] + 1\ndef outer():\n    return [inner({}) for _ in range(1)]\nouter()\n";
    taipan_vm::traceback::register_source("tbt.py", src);
    let code =
        compile_source(src.as_bytes(), "tbt.py", &CompileOptions::default()).expect("compiles");
    let err = taipan_vm::run::exec_code(code, &taipan_vm::run::new_globals()).expect_err("raises");
    let want = "Traceback (most recent call last):
  File \"tbt.py\", line 5, in <module>
    outer()
    ~~~~~^^
  File \"tbt.py\", line 4, in outer
    return [inner({}) for _ in range(1)]
            ~~~~~^^^^
  File \"tbt.py\", line 2, in inner
    return d[\"missing\"] + 1
           ~^^^^^^^^^^^
KeyError: 'missing'
";
    assert_eq!(taipan_vm::traceback::format_exception(err.instance()), want);
}
