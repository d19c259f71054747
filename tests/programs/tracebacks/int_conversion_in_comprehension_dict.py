# expect-stderr
raw = {"a": "1", "b": "two"}
parsed = {k: int(v) for k, v in raw.items()}
