class E(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
e = E(1, 2)
print(e.args, str(e), repr(e), e.a, e.b)
class F(Exception):
    def __init__(self, *args):
        super().__init__("fixed message")
print(F(1, 2).args, str(F()))
class G(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, "from new")
        return self
print(G("ignored").args, str(G("x")))
try:
    raise E(3, 4)
except E as ex:
    print("caught", ex.a + ex.b, ex.args)
