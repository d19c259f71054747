class P:
    pass
p = P()
p.__dict__["direct"] = 1
print(p.direct, vars(p))
p.__dict__ = {"replaced": True}
print(p.replaced, hasattr(p, "direct"))
try:
    p.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
print(type(p.__dict__).__name__, P.__dict__["__dict__"].__name__ if "__dict__" in P.__dict__ else None)
