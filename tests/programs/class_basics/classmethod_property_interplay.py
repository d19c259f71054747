class C:
    _registry = ["x", "y"]
    @classmethod
    def count(cls):
        return len(cls._registry)
    @property
    def size(self):
        return self.count() * 10
    @staticmethod
    def util(a, b=2):
        return a * b
print(C.count(), C().size, C.util(3), C().util(3, 3), type(C.__dict__["size"]).__name__)
print(C.size.fget(C()), isinstance(C.__dict__["count"], classmethod), C.__dict__["count"].__func__.__name__)
