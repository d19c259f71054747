# sys.getrefcount: the count includes the argument's own reference; immortal objects report
# CPython's fixed immortal count.
import sys

x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
print(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(1))
print(sys.getrefcount(10**20))
try:
    sys.getrefcount()
except TypeError as e:
    print(e)
try:
    sys.getrefcount(1, 2)
except TypeError as e:
    print(e)
