# Objects alive when the program ends are finalised: __del__ of module globals (plain, in a
# cycle, inside containers).
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = D(1)
b = D(2)
c = D(3)
c.me = c
items = [D(4)]
print("end of program")
