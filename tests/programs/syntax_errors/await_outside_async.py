# expect-stderr
def f():
    await something()
