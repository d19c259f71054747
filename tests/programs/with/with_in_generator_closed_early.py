class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, et, ev, tb):
        print("exit with", et.__name__ if et else None)
def g():
    with CM():
        yield 1
        yield 2
it = g()
print(next(it))
it.close()
print("after close")
it2 = g()
next(it2)
try:
    it2.throw(ValueError("thrown in"))
except ValueError as e:
    print("propagated", e)
