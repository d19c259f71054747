# expect-stderr
print("before")
raise ValueError("something bad")
