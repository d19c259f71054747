# expect-stderr
class Quiet(Exception):
    pass
raise Quiet
