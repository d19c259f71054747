# expect-stderr
import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
class Service:
    @logged
    def fetch(self, key):
        return {"a": 1}[key]
print(Service().fetch("a"))
Service().fetch("b")
