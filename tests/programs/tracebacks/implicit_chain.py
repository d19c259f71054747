# expect-stderr
def load():
    try:
        return {}["config"]
    except KeyError:
        raise RuntimeError("configuration missing")
load()
