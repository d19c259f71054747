events = []
class Field:
    def __set_name__(self, owner, name):
        events.append(f"set_name {owner.__name__}.{name}")
class Base:
    def __init_subclass__(cls, **kw):
        events.append(f"init_subclass {cls.__name__} {kw}")
        super().__init_subclass__()
class Model(Base, tag="m"):
    a = Field()
    b = Field()
print(events)
