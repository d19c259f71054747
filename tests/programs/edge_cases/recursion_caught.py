import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d <= sys.getrecursionlimit(), sys.getrecursionlimit())
def boom(n):
    return boom(n + 1)
try:
    boom(0)
except RecursionError as e:
    print("RecursionError", e)
print("still alive", sum(range(10)))
