l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[::3] = [None] * len(l[::3])
print(l)
l[1:1] = [7, 8, 9]
print(l)
del l[::2]
print(l)
l[:] = "xyz"
print(l)
l[5:] = [1]
print(l)
l[-1:] = []
print(l)
try:
    l[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    l[0:1] = 5
except TypeError as e:
    print("TypeError", e)
l[::-1] = [3, 2, 1]
print(l)
