x = 0
for i in range(1000):
    x = x + i if i % 2 else x - i
print(x)
expr = "+".join(["1"] * 1000)
print(eval(expr))
s = "(" * 50 + "1" + ")" * 50
print(eval(s))
