data = [1, 2, 3]
if (n := len(data)) > 2:
    print(n)
vals = [y for x in data if (y := x * 2) > 2]
def f():
    while (chunk := data.pop()) != 1:
        print(chunk)
    return [z := 1, z]
