class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit", a[0])
def f():
    with CM():
        return "returned"
print(f())
for i in range(3):
    with CM():
        if i == 1:
            break
        continue
print("loop done", i)
def g():
    for _ in range(2):
        with CM():
            yield "gen"
print(list(g()))
