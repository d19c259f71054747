# bytes(x): __bytes__ first (its result checked), encoding/errors only with a str, exact copies of subclasses.
class A:
    def __bytes__(self): return b"from-A"
class Bad:
    def __bytes__(self): return "no"
print(bytes(A()))
try: bytes(Bad())
except TypeError as e: print(e)
try: bytes(1, "utf-8")
except TypeError as e: print(e)
try: bytes(A(), "utf-8")
except TypeError as e: print(e)
class T(bytes): pass
t = T(b"q")
print(type(bytes(t)).__name__, type(t.__bytes__()).__name__, type(b"x".__bytes__()).__name__)
print(bytes(memoryview(b"mv")), bytes(bytearray(b"ba")))
for args in [((), {"encoding": "utf-8"}), ((), {"errors": "strict"}), ((5,), {"errors": "strict"})]:
    try:
        bytes(*args[0], **args[1])
    except TypeError as e:
        print(e)
class BB(bytes):
    def __bytes__(self):
        return b"custom"
print(bytes(BB(b"orig")), BB(b"orig"), str(BB(b"q")))
