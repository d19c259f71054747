# expect-stderr
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Money(self.v + other.v)
wallet = Money(5) + Money(3)
broke = wallet + 7
