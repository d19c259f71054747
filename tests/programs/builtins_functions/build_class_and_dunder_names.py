import builtins
print(callable(builtins.__build_class__), __name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__).__name__)
print(sorted(k for k in ("abs", "len", "print", "zip", "True") if hasattr(builtins, k)))
print(getattr(builtins, "True_", "no True_"), getattr(builtins, "None", "no None attribute"))
