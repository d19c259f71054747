# isinstance/issubclass with a very deeply nested tuple raise RecursionError (CPython's C stack
# limit), quickly.
t = (str,)
for _ in range(250000):
    t = (t,)
for f, arg in ((isinstance, ''), (issubclass, str)):
    try:
        f(arg, t)
    except RecursionError as e:
        print(f.__name__, "RecursionError", str(e).startswith("Stack overflow"))
print(isinstance('', ((((str,),),),)), issubclass(int, ((((str,), (int,)),),)))
