//! Embedding Taipan: run Python source from Rust, call a Python function with Rust values,
//! expose a Rust function and a Rust module to Python.
//!
//! `cargo run -p taipan-vm --example hello_embed`

use taipan_vm::embed::{FromPy, Interpreter, ToPy, register_module};

fn main() {
    let interp = Interpreter::new().expect("interpreter");

    // A Rust module Python can import.
    register_module("greeting", |m| {
        m.add("punctuation", "!")?;
        m.add_function("shout", |args| {
            let text = String::from_py(args[0].as_ref())?;
            Ok(text.to_uppercase().to_py())
        })
    });
    // A Rust function bound in __main__.
    interp
        .add_function("rust_square", |args| {
            let x = i64::from_py(args[0].as_ref())?;
            Ok((x * x).to_py())
        })
        .expect("add_function");

    let program = r#"
import greeting

def greet(name, times):
    return " ".join([greeting.shout("hello " + name) + greeting.punctuation] * times)

print(greet("embedder", 2))
print("squares from Rust:", [rust_square(i) for i in range(5)])
"#;
    if let Err(e) = interp.run(program) {
        eprint!("{}", interp.format_exception(&e));
        std::process::exit(1);
    }

    // Python's standard output is buffered by the VM: flush it before Rust prints.
    taipan_vm::builtins::sys::flush_stdout();
    // Call a Python function from Rust and read its result back.
    let greet = interp.get("greet").expect("greet is defined");
    let text = interp.call(&greet, ("Rust", 1i64)).expect("call");
    println!("from Rust: {}", String::from_py(text.as_ref()).expect("str"));
    let total = interp.eval("sum(rust_square(i) for i in range(10))").expect("eval");
    println!("sum of squares: {}", i64::from_py(total.as_ref()).expect("int"));
    taipan_vm::builtins::sys::flush_stdout();
}
