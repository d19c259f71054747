def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(v) for v in (-5, 0, 3, 42)])
x = 5
print("yes" if x else "no", "a" if x > 10 else "b" if x > 3 else "c")
if x := 0:
    print("not here")
elif (y := x + 1):
    print("elif walrus", y)
if []: print("no")
elif {}: print("no")
elif 0.0: print("no")
else: print("all falsy")
