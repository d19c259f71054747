@a.b(c)
@d
class C:
    @staticmethod
    def f(): pass
    @property
    def g(self): return 1
