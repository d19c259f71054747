# expect-stderr
name = "x"
print(f"{name!z}")
