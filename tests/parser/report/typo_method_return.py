class A:
    def m(self):
        retrun self
