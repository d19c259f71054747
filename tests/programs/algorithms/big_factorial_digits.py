import math
f = math.factorial(100)
s = str(f)
print(len(s), sum(map(int, s)), s[:20], s.count("0"), len(s) - len(s.rstrip("0")))
print(sum(int(d) for d in str(2 ** 1000)))
a, b = 0, 1
n = 0
while len(str(b)) < 100:
    a, b = b, a + b
    n += 1
print(n + 1)
