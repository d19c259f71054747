class A: pass
a = A()
MethodType = type(A().__init__) if False else type((lambda: None).__get__(1))
m = MethodType(len, [1, 2])
print(m(), m.__self__, m.__func__ is len)
for args in [(), (len,), (1, a), (len, None), (len, a, 3)]:
    try: MethodType(*args)
    except TypeError as e: print(e)
try: MethodType(len, a, x=1)
except TypeError as e: print(e)
