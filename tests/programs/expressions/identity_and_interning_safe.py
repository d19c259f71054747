a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, None is None, True is True, type(a) is list)
x = 300
y = x
print(x is y, id(x) == id(y))
s = "hello"
t = s
print(s is t, s == "hel" + "lo")
