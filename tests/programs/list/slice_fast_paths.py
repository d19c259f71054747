# BINARY_SLICE / STORE_SLICE on exact lists with int or None bounds (no slice object is
# built), and the order in which replaced or deleted items are released.


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def fresh(k=4):
    return [D(i) for i in range(k)]


a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[-100:2], a[8:100], a[5:2], a[:])
print(a[True:3], a[None:None], a[3:None])
t = tuple(range(6))
print(t[1:4], "abcdef"[1:4])

# Assignment: same length, shorter, longer, empty, insertion, self.
b = list(range(8))
b[1:4] = [10, 11, 12]
print(b)
b[1:4] = [20]
print(b)
b[1:2] = [30, 31, 32, 33]
print(b)
b[2:2] = (40, 41)
print(b)
b[5:1] = [50]
print(b)
b[:] = b
print(b)
b[2:] = b
print(b)
b[-2:] = []
print(b)
b[100:] = [60, 61]
print(b)
b[:0] = b[-2:]
print(b)

# A fresh list on the right (its items are moved) and a shared one (copied).
c = [1, 2, 3, 4, 5]
k = 3
c[:k + 1] = c[k::-1]
print(c)
shared = [7, 8]
c[0:2] = shared
shared.append(9)
print(c, shared)

# Non-list right-hand sides still take the generic path.
c[1:3] = range(3)
print(c)
c[1:3] = "xy"
print(c)
c[0:1] = {9: 0}
print(c)
try:
    c[0:2] = 5
except TypeError as e:
    print("TypeError", e)
try:
    c["a":2] = [1]
except TypeError as e:
    print("TypeError", e)
try:
    print(c[1.5:2])
except TypeError as e:
    print("TypeError", e)


class L(list):
    def __getitem__(self, k):
        return ("sub", k)

    def __setitem__(self, k, v):
        print("setitem", k, v)


s = L([1, 2, 3])
print(s[1:2])
s[0:1] = [5]


class I:
    def __index__(self):
        return 2


print(a[I():I() + 2] if False else a[I():4])
print(a[2**70:], a[-2**70:2])

print("same length")
x = fresh()
x[0:3] = [1, 2, 3]
print("shorter")
x = fresh()
x[0:3] = [1]
print("longer")
x = fresh()
x[1:3] = [1, 2, 3, 4]
print("del slice")
x = fresh()
del x[0:3]
print("ext assign")
x = fresh()
x[::2] = [1, 2]
print("ext del")
x = fresh(5)
del x[::2]
print("neg ext del")
x = fresh(5)
del x[::-2]
print("neg ext assign")
x = fresh(5)
x[::-2] = [7, 8, 9]
print("slice object assign")
x = fresh(5)
x[slice(1, 4)] = [0]
print("end")
x = None
print("done")

print("clear")
x = fresh(3)
x.clear()
x = None
print("done")
