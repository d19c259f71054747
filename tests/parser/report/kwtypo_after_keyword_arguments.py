def make(cls, value, names):
    if names is None:
        raise TypeError("no names")
    return cls.create(
        class_name=value,
        names=names,
        foo iss bar
        )
