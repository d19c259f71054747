def make_counter(start=0):
    count = start
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
inc(); inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter()
print(get2(), inc2(), get())
print(inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
