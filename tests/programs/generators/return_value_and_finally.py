def g():
    try:
        yield 1
        return "from try"
    finally:
        print("finally")
def h():
    v = yield from g()
    yield v
print(list(h()))
def early():
    yield 1
    return
    yield 2
print(list(early()))
def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        print("cleanup on close")
x = gen_with_return_in_finally()
next(x)
x.close()
x.close()
print("closed twice fine")
