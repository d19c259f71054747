# expect-stderr
print("compiled?")
return 5
