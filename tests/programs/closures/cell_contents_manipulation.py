def make():
    x = 1
    def get():
        return x
    return get
g = make()
print(g(), g.__closure__[0].cell_contents)
g.__closure__[0].cell_contents = 42
print(g())
cell = g.__closure__[0]
print(type(cell).__name__, cell == g.__closure__[0])
def empty_cell():
    def inner():
        return y
    try:
        inner.__closure__[0].cell_contents
    except ValueError as e:
        print("ValueError", e)
    y = 1
empty_cell()
