# expect-stderr
class Custom(BaseException):
    pass
raise Custom("bypasses except Exception")
