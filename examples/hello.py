# A first program: `cargo run --release -p taipan -- examples/hello.py` runs it, and
# `cargo run --release -p taipan-dev -- ast examples/hello.py` prints its AST exactly as
# `python3.14 -m ast -a examples/hello.py` does.
def greet(name: str) -> str:
    return f"Hello, {name}!"


print(greet("Taipan"))
