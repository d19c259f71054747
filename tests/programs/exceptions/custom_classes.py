class AppError(Exception):
    """Application error."""
class DetailedError(AppError):
    def __init__(self, code, msg):
        super().__init__(f"[{code}] {msg}")
        self.code = code
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise DetailedError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
e = NoSuper(5)
print(repr(e), str(e), e.args, e.x)
print(repr(WithStr("ignored")), str(WithStr("ignored")))
class Multi(Exception):
    pass
print(repr(Multi()), repr(Multi(1, "two")), str(Multi(1, "two")))
