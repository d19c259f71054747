# expect-stderr
print(sep=" ", sep="-")
