class C[T](Base, metaclass=M):
    def m(self) -> T:
        return self
