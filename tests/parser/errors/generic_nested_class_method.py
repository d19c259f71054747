class A:
    class B:
        def m(self):
            x = = 1
