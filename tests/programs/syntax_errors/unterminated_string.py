# expect-stderr
print("start")
s = "no closing quote
