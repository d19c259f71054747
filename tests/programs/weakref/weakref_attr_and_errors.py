# __weakref__ on instances; errors raised in weakref and gc callbacks are reported, not raised.
import _weakref
import gc


class A:
    pass


a = A()
print(a.__weakref__)
r = _weakref.ref(a)
print(a.__weakref__ is r)
r2 = _weakref.ref(a, lambda w: None)
print(a.__weakref__ is r)


class Bad:
    def __call__(self, w):
        raise ValueError("callback failed")

    def __repr__(self):
        return "Bad()"


bad = Bad()


b = A()
rb = _weakref.ref(b, bad)
del b
print("after refcount death")
c = A()
c.me = c
rc = _weakref.ref(c, bad)
del c
print("collected", gc.collect())
