def f():
    while (
        self.x := next(it)
    ):
        pass
