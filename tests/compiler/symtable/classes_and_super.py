class A:
    x = 1
    y = [x for _ in range(3)]

    def f(self):
        return __class__

    def g(self):
        return super().g()

    class B:
        def h(self):
            return x

    def __private(self, __arg):
        __local = __arg
        return self.__attr


class _:
    __name = 1
