# expect-stderr
print("an uncaught exception exits with status 1")
{}.pop("x")
