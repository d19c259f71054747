print(..., repr(Ellipsis), Ellipsis is ..., type(...).__name__, type(...)() is ..., bool(...), str(...))
def stub(): ...
print(stub())
class G:
    def __getitem__(self, k):
        return k
print(G()[...], G()[1, ...], G()[..., 1:2])
