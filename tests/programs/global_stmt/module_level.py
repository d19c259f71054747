counter = 0
def incr():
    global counter
    counter += 1
for _ in range(5):
    incr()
print(counter)
def define_many():
    global a1, a2
    a1, a2 = "one", "two"
define_many()
print(a1, a2)
def reader():
    return counter * 2
print(reader())
def nested():
    def inner():
        global counter
        counter = -1
    inner()
nested()
print(counter)
g = {"x": 1}
exec("global y\ny = x + 1", g)
print(g["y"])
exec("counter = 99")
print(counter)
