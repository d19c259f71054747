class A:
    def f():
        if x:
            pass
