import builtins
def tree(cls, depth=0):
    print("  " * depth + cls.__name__)
    for sub in sorted(cls.__subclasses__(), key=lambda c: c.__name__):
        if sub.__module__ == "builtins" and not sub.__name__.startswith("_"):
            tree(sub, depth + 1)
tree(BaseException)
