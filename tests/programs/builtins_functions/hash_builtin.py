print(hash(1), hash(-1), hash(1.0), hash(True), hash(None) == hash(None), hash((1, "a")) == hash((1, "a")), hash(frozenset()) , hash(()))
class H:
    def __hash__(self):
        return 2**100
print(hash(H()))
class Neg:
    def __hash__(self):
        return -1
print(hash(Neg()))
for bad in [[], {}, set(), bytearray()]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
