# expect-stderr
def f():
    for i in range(3):
        try:
            pass
        finally:
            continue
    return "ok"
print(f())
