x = "global"
def read_global():
    return x
def write_global():
    global x
    x = "changed"
def local_shadow():
    x = "local"
    return x
print(read_global(), local_shadow(), x)
write_global()
print(x)
def make_new_global():
    global brand_new
    brand_new = 42
make_new_global()
print(brand_new)
def outer():
    y = 1
    def mid():
        nonlocal y
        y += 1
        def inner():
            nonlocal y
            y *= 10
        inner()
    mid()
    return y
print(outer())
