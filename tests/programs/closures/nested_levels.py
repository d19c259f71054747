def a():
    x = "a"
    def b():
        y = "b"
        def c():
            z = "c"
            def d():
                return x + y + z
            return d
        return c
    return b
print(a()()()())
def shadow():
    x = 1
    def inner():
        x = 2
        def innermost():
            return x
        return innermost()
    return inner(), x
print(shadow())
def class_in_func():
    v = "closure"
    class K:
        attr = v
        def m(self):
            return v
    return K
K = class_in_func()
print(K.attr, K().m())
