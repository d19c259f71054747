class Strict(dict):
    def __missing__(self, key):
        raise KeyError(f"no such key: {key}")
s = Strict(a=1)
print(s["a"], s.get("b", "get bypasses __missing__"), "b" in s)
try:
    s["b"]
except KeyError as e:
    print("KeyError", e, e.args)
class Fallback(dict):
    def __missing__(self, key):
        return key * 2
f = Fallback()
print(f["ab"], f.get("ab"), len(f))
