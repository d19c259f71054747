import functools
add = lambda a, b: a + b
print(functools.reduce(add, [1, 2, 3, 4]), functools.reduce(add, [], 10), functools.reduce(lambda a, b: a * b, range(1, 6)))
try:
    functools.reduce(add, [])
except TypeError as e:
    print("TypeError", e)
p = functools.partial(int, base=2)
print(p("1010"), p.func is int, p.args, p.keywords)
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
cube_of_2 = functools.partial(power, 2)
print(square(5), cube_of_2(3), functools.partial(square, 3)())
