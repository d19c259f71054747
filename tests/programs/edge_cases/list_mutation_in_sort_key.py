l = [3, 1, 2]
def key(v):
    l.clear()
    return v
try:
    l.sort(key=key)
except ValueError as e:
    print("ValueError", e)
print(l)
l = [5, 4, 3]
def key2(v):
    l.append(v)
    return v
try:
    l.sort(key=key2)
except ValueError as e:
    print("ValueError", e)
print(l)
