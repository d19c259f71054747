class A:
    def f(self):
        @property
    x = 1
