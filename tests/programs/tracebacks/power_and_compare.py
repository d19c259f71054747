# expect-stderr
def f(base, exp):
    return base ** exp > 10
print(f(2, 5))
f("2", 5)
