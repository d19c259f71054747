class Base:
    def __init__(self, **kw):
        print("Base", kw)
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)
class Both(Left, Right):
    def __init__(self, **kw):
        print("Both")
        super().__init__(**kw)
Both(left=1, right=2, extra=3)
class Log:
    def save(self):
        return ["Log"]
class DB(Log):
    def save(self):
        return ["DB"] + super().save()
class Cache(Log):
    def save(self):
        return ["Cache"] + super().save()
class Service(Cache, DB):
    def save(self):
        return ["Service"] + super().save()
print(Service().save())
