T = type(t"")
I = type(t"{0}".interpolations[0])
print(T, I, T.__module__, I.__module__, T.__name__, T.__qualname__)
print(repr(t"x{1}y{2!r:>3}"), str(t"a{1}"))
print(repr(I(1, "e", "r", "x")))
for args in [(1,), ("a", 1, "b"), (b"x",)]:
    try:
        print(T(*args))
    except TypeError as e:
        print("TypeError", e)
try:
    T("a", x=1)
except TypeError as e:
    print("TypeError", e)
for args in [(), (1, "e", "q"), (1, 2), (1, "e", None, 3), (1, "e", 3)]:
    try:
        print(repr(I(*args)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for o in ["s", 1, None]:
    try:
        t"a" + o
    except TypeError as e:
        print("TypeError", e)
    try:
        o + t"a"
    except TypeError as e:
        print("TypeError", e)
print(T("a", "b", I(1), I(2), "c").strings)
print(I.__match_args__, hasattr(T, "__match_args__"))
print(t"{1}" == t"{1}")
try:
    T.x = 1
except TypeError as e:
    print("TypeError", e)
i = I(1)
try:
    i.value = 2
except AttributeError as e:
    print("AttributeError", e)
print(I(1, "x", conversion="s"), I(value=3))
print(len(list(t"")), list(t"{1}{2}"))
print(t"{1}" + t"", (t"a{1}" + t"b{2}c").strings)
match I(5, "five"):
    case I(v, e):
        print("matched", v, e)
