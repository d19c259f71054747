x = (1 +
     2 +
     3)
def f(a,
      b):
    return (a
            + b)
result = f(
    1,
    2,
)
if (x and
        result):
    pass
y = [
    i
    for i in range(3)
]; z = 1
