class A:
    x = "A.x"
    @property
    def p(self):
        return "A.p"
class B(A):
    x = "B.x"
    @property
    def p(self):
        return "B.p>" + super().p
    def show(self):
        return super().x, self.x
print(B().p, B().show())
class Set(A):
    def put(self):
        try:
            super().x = 1
        except AttributeError as e:
            print("AttributeError", e)
Set().put()
