class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.caught = ev
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError) as s1:
    with Suppress(ValueError) as s2:
        {}["missing"]
print(repr(s1.caught), repr(s2.caught))
try:
    with Suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("propagated", e)
with Suppress(Exception) as s3:
    pass
print(s3.caught)
