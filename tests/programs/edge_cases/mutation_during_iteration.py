d = {i: i for i in range(5)}
try:
    for k in d:
        if k == 2:
            d[100] = 1
except RuntimeError as e:
    print("RuntimeError", e)
d = {i: i for i in range(5)}
try:
    for k in d.keys():
        d.pop(k)
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1}
try:
    for v in d.values():
        d[2] = 2
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        del d[k]
        d[k] = v
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print("RuntimeError", e)
l = [1, 2, 3]
count = 0
for x in l:
    count += 1
    if count < 5:
        l.append(x)
print(l, count)
