class A:
    @property
    def f(self):
        pass
    @f.setter
    deff f(self, v): pass
