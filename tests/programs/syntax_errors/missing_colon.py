# expect-stderr
print("never printed: the file does not compile")
def f(x)
    return x
