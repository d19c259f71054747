calls = []
def ann(tag):
    calls.append(tag)
    return tag
def f(a: ann("a"), b: ann("b")) -> ann("ret"):
    pass
print("after def", calls)
print(f.__annotations__)
print("after access", calls)
f.__annotations__
print("cached", calls)
