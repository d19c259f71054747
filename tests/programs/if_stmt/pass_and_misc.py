def nothing():
    pass
class Empty:
    pass
for _ in range(2):
    pass
print(nothing(), Empty.__name__, _)
if True: x = 1; y = 2; print(x + y)
print(1); print(2)
while False: pass
print(type(...), __name__, __debug__)
