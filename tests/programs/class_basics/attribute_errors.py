class C:
    __slots__ = ()
class D:
    pass
d = D()
for code in ["d.nope", "D.nope", "C().x = 1", "del d.nope", "object().x = 1", "(1).real = 2", "setattr(d, 1, 2)", "getattr(d, 1)", "delattr(D, 'zz')", "int.new_attr = 1", "[].nope"]:
    try:
        exec(code)
        print(code, "ok")
    except (AttributeError, TypeError) as e:
        print(code, "->", type(e).__name__, e)
