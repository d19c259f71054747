x = 10
print([x for x in range(3)], x)
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print("NameError", e)
try:
    [1 / v for v in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
fns = [lambda: v for v in range(3)]
print([f() for f in fns])
print([(lambda v=v: v)() for v in range(3)])
def f():
    outer = "o"
    return [outer + c for c in "ab"]
print(f())
class C:
    base = 10
    items = [base for _ in range(2)] if False else None
print(C.items)
