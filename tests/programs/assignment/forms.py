a = b = c = [1]
print(a is b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
[s, t] = "st"
print(p, q, r, s, t)
first, *rest = range(5)
*init, last = "hello"
head, *mid, tail = [1, 2]
print(first, rest, init, last, head, mid, tail)
a, (b, *c), *d = 1, (2, 3, 4), 5, 6
print(a, b, c, d)
obj = type("O", (), {})()
obj.attr, lst = 5, [0, 0]
lst[0], lst[1] = "a", "b"
print(obj.attr, lst)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99
print(i, arr)
