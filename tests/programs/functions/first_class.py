def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print({k: v(3, 4) for k, v in ops.items()})
print(list(map(lambda f: f(10), [inc, dbl, str, bin])))
def apply(f, *a, **k):
    return f(*a, **k)
print(apply(divmod, 17, 5), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
