class C(False=1):
    pass
