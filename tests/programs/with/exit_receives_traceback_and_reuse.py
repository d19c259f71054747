class CM:
    def __init__(self):
        self.uses = 0
    def __enter__(self):
        self.uses += 1
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, type(tb).__name__, tb.tb_lineno if tb else None)
        return False
cm = CM()
with cm:
    pass
try:
    with cm:
        raise ValueError("in body")
except ValueError:
    pass
with cm as again:
    print("reused", again.uses)
