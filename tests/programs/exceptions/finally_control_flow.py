# expect-stderr (SyntaxWarning: return in finally)
def f():
    try:
        return "try"
    finally:
        print("finally before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return i
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(h())
def k():
    x = "start"
    try:
        return x
    finally:
        x = "changed"
print(k())
