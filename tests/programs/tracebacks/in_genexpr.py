# expect-stderr
values = ["1", "2", "x", "4"]
total = sum(int(v) for v in values)
