l = list(range(10))
print(l[::-1], l[8:2:-2], l[-1:-4:-1], l[:-11:-3], l[5::-1], l[-20:20:3])
del l[8:2:-2]
print(l)
l[::-2] = "abcd"
print(l)
try:
    l[::-1] = [1]
except ValueError as e:
    print("ValueError", e)
