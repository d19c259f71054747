class C(B):
    def m(self):
        x = super().attr
        return x
