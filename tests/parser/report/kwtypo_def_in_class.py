class C:
    x = 1
    if x:
        pass
    deff m(self):
        pass
