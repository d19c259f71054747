log = []
def f(x):
    log.append(x)
    return x * 2
m = map(f, [1, 2, 3])
print(log, type(m).__name__)
print(next(m), log)
print(list(m), log)
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")), list(map(str, [])))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(str.isdigit, "a1b2")), type(filter(None, [])).__name__)
print(list(zip()), list(zip("abc", range(10))), list(zip([1], [2], [3])), dict(zip("ab", "xy")))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("abc", "a", strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(map(len, ["a", "bb"], strict=True)) if False else "skip")
