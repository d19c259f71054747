# expect-stderr
class AppError(Exception):
    pass
class Sub(AppError):
    def __str__(self):
        return "custom message from __str__"
try:
    raise AppError("first")
except AppError:
    raise Sub()
