it = iter(range(6))
pairs = list(zip(it, it))
print(pairs)
it = iter([1, 2, 3, 4])
for x in it:
    if x == 2:
        break
print(list(it))
g = (i for i in range(3))
print(list(g), list(g), sum(g))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
