d = {"a": 1}
for code in ["d['b']", "d.pop('b')", "{}.popitem()", "d[[1]] = 2", "{[1]: 2}", "dict([1, 2])", "dict([(1, 2, 3)])", "dict(1)", "d < d", "d + d", "del d['q']", "d.update(1)"]:
    try:
        exec(code)
        print(code, "ok")
    except Exception as e:
        print(code, "->", type(e).__name__, e)
