# expect-stderr
def validate(fn):
    def wrapper(*args):
        if not args:
            raise ValueError(f"{fn.__name__} needs arguments")
        return fn(*args)
    return wrapper
@validate
def process(*args):
    return args
print(process(1))
process()
