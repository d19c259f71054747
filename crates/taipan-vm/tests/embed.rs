//! The embedding API (`taipan_vm::embed`): running source, calling Python from Rust with
//! converted values, Rust functions and modules seen from Python, the REPL core; what
//! `examples/hello_embed.rs` and `examples/mini_repl.rs` do.

use taipan_vm::embed::{FromPy, Interpreter, Repl, ToPy, register_module};

fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    let h = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let _gil = taipan_vm::gil::hold();
            f()
        })
        .unwrap();
    taipan_vm::gil::allow_threads(move || h.join()).unwrap();
}

#[test]
fn run_call_and_convert() {
    let _gil = taipan_vm::gil::hold();
    on_big_stack(|| {
        let interp = Interpreter::new().unwrap();
        interp.run("def add(a, b):\n    return a + b\nx = add(1, 2)\n").unwrap();
        assert_eq!(i64::from_py(interp.get("x").unwrap().as_ref()).unwrap(), 3);
        let add = interp.get("add").unwrap();
        let r = interp.call(&add, ("ab", "cd")).unwrap();
        assert_eq!(String::from_py(r.as_ref()).unwrap(), "abcd");
        let r = interp.call(&add, (vec![1i64], vec![2i64, 3])).unwrap();
        assert_eq!(Vec::<i64>::from_py(r.as_ref()).unwrap(), vec![1, 2, 3]);
        interp.set("y", 2.5f64).unwrap();
        assert_eq!(f64::from_py(interp.eval("y * 2").unwrap().as_ref()).unwrap(), 5.0);
        assert_eq!(Option::<i64>::from_py(interp.eval("None").unwrap().as_ref()).unwrap(), None);
        let s = interp.eval("'x'.upper()").unwrap();
        let upper = interp.call_method(&s, "lower", ()).unwrap();
        assert_eq!(String::from_py(upper.as_ref()).unwrap(), "x");
        // A Python exception comes back as an error with its traceback.
        let e = interp.run("1 / 0").unwrap_err();
        assert!(interp.format_exception(&e).ends_with("ZeroDivisionError: division by zero\n"));
        let e = interp.run("def (").unwrap_err();
        assert!(e.exc_type().name().contains("SyntaxError"));
        assert!(i64::from_py("no".to_py().as_ref()).is_err());
    });
}

#[test]
fn rust_functions_and_modules() {
    let _gil = taipan_vm::gil::hold();
    on_big_stack(|| {
        let interp = Interpreter::new().unwrap();
        register_module("rustmod", |m| {
            m.add("answer", 42i64)?;
            m.add_function("double", |args| Ok((i64::from_py(args[0].as_ref())? * 2).to_py()))
        });
        interp
            .add_function("join", |args| {
                let parts: Vec<String> =
                    args.iter().map(|a| String::from_py(a.as_ref())).collect::<Result<_, _>>()?;
                Ok(parts.join("-").to_py())
            })
            .unwrap();
        interp
            .run("import rustmod\nr = (rustmod.answer, rustmod.double(21), join('a', 'b'), repr(rustmod.double))\n")
            .unwrap();
        let r = interp.get("r").unwrap();
        let items: Vec<taipan_vm::Object> = Vec::from_py(r.as_ref()).unwrap();
        assert_eq!(i64::from_py(items[0].as_ref()).unwrap(), 42);
        assert_eq!(i64::from_py(items[1].as_ref()).unwrap(), 42);
        assert_eq!(String::from_py(items[2].as_ref()).unwrap(), "a-b");
        assert_eq!(String::from_py(items[3].as_ref()).unwrap(), "<built-in function double>");
        // The error of a Rust function reaches Python as an exception.
        interp
            .run("try:\n    rustmod.double('x')\nexcept TypeError as e:\n    msg = str(e)\n")
            .unwrap();
        assert_eq!(
            String::from_py(interp.get("msg").unwrap().as_ref()).unwrap(),
            "expected int, got str"
        );
        let m = interp.import("rustmod").unwrap();
        assert!(interp.eval("repr(rustmod)").is_ok());
        let _ = m;
    });
}

#[test]
fn repl_prompts_and_output() {
    let _gil = taipan_vm::gil::hold();
    on_big_stack(|| {
        let mut repl = Repl::new(Interpreter::new().unwrap());
        assert_eq!(repl.prompt(), ">>> ");
        let r = repl.feed("1 + 2");
        assert_eq!((r.prompt, r.stdout.as_str(), r.stderr.as_str()), (">>> ", "3\n", ""));
        assert_eq!(repl.feed("_ * 2").stdout, "6\n");
        assert_eq!(repl.feed("x = 'a'").stdout, "");
        assert_eq!(repl.feed("x").stdout, "'a'\n");
        assert_eq!(repl.feed("None").stdout, "");
        assert_eq!(repl.feed("def f(n):").prompt, "... ");
        assert_eq!(repl.feed("    return n * 10").prompt, "... ");
        let r = repl.feed("");
        assert_eq!((r.prompt, r.stdout.as_str()), (">>> ", ""));
        assert_eq!(repl.feed("f(4)").stdout, "40\n");
        assert_eq!(repl.feed("(1,").prompt, "... ");
        assert_eq!(repl.feed(" 2)").stdout, "(1, 2)\n");
        assert_eq!(repl.feed("print('hi')").stdout, "hi\n");
        let r = repl.feed("1/0");
        assert!(r.stderr.contains("ZeroDivisionError: division by zero"), "{}", r.stderr);
        assert_eq!(r.prompt, ">>> ");
        let r = repl.feed("1 +* 2");
        assert!(r.stderr.contains("SyntaxError"), "{}", r.stderr);
        assert_eq!(repl.feed("for i in range(2):").prompt, "... ");
        assert_eq!(repl.feed("    print(i)").prompt, "... ");
        assert_eq!(repl.feed("").stdout, "0\n1\n");
    });
}
