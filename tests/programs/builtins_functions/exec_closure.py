def f():
    x = 1
    def g():
        return x
    return g
c = f().__code__
def t(label, fn):
    try:
        r = fn()
        print(label, "ok", r)
    except TypeError as e:
        print(label, "TypeError", e)
t("exec", lambda: exec(c))
t("eval", lambda: eval(c))
t("exec-closure", lambda: exec(c, {}, closure=f().__closure__))
t("eval-closure", lambda: eval(c, {}, closure=f().__closure__))
t("int", lambda: exec(c, {}, closure=(1,)))
t("empty", lambda: exec(c, {}, closure=()))
t("list", lambda: exec(c, {}, closure=[f().__closure__[0]]))
t("none", lambda: exec(c, {}, closure=None))
t("str-src", lambda: exec("1", {}, closure=()))
t("nofree", lambda: exec(compile("y = 2", "s", "exec"), {}, closure=()))
t("nofree-none", lambda: exec(compile("y = 2", "s", "exec"), {}, closure=None))
import types
t("ft", lambda: types.FunctionType(c, {}))
t("ft-cl", lambda: types.FunctionType(c, {}, None, None, (1,)))
t("ft-ok", lambda: types.FunctionType(c, {}, None, None, f().__closure__)())
