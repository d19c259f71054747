class C(B):
    def m(self):
        return super(C, self).m()
