s = list(range(10))
a = s[1:2]
b = s[::2]
c = s[1:-1:3]
s[1:3] = [0, 0]
del s[2:4]
i, j = 1, 5
d = s[i:j]
e = s[i:j:2]
s[i:j] = []
f = s[i]
s[j] = f
del s[i]
g = "abc"[1:]
h = s[:i]
