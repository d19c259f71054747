class C:
    def m(self):
        False = 0
