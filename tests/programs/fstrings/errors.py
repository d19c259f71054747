class Bad:
    def __format__(self, spec):
        raise ValueError("bad spec " + spec)
    def __repr__(self):
        raise RuntimeError("bad repr")
try:
    print(f"{Bad():xyz}")
except ValueError as e:
    print("ValueError", e)
try:
    print(f"{Bad()!r}")
except RuntimeError as e:
    print("RuntimeError", e)
try:
    print(f"{1:abc}")
except ValueError as e:
    print("ValueError", e)
try:
    print(f"{undefined_name}")
except NameError as e:
    print("NameError", e)
