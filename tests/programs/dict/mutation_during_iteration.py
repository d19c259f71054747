d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 100
print(d)
d = {1: 1, 2: 2, 3: 3}
try:
    for k, v in d.items():
        d.pop(k)
        d[k + 100] = v
except RuntimeError as e:
    print("RuntimeError", e)
for k in list(d):
    del d[k]
print(d)
