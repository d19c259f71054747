class K:
    a = 1
mp = K.__dict__
print(type(mp).__name__, mp["a"], "a" in mp, len([k for k in mp if k == "a"]), mp.get("zz", "default"))
try:
    mp["b"] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del mp["a"]
except TypeError as e:
    print("TypeError", e)
print(vars(K) is not None, sorted(k for k in vars(K) if not k.startswith("_")))
import sys
print(type(vars(sys)).__name__)
