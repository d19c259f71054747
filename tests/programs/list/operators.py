a, b = [1, 2], [3]
print(a + b, a * 2, 2 * a, a * 0, a * -3, [a] * 2, a == [1, 2], a < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
a += (9, 8); print(a)
a *= 2; print(a)
x = [[]] * 3
x[0].append(1)
print(x)
for bad in ['[1] + (2,)', '[1] < (1,)', '[1] * 1.5', '[1] - [1]', '[1] < ["a"]']:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
print([1, "a"] == [1, "a"], [1, 2] != [1, 2], [float("nan")] == [float("nan")])
