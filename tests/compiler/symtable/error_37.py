class A:
    def f[__classdict__](self): pass
