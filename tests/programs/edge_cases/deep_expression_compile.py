src = "-" * 1000 + "1"
try:
    print(eval(src))
except (RecursionError, MemoryError, SyntaxError) as e:
    print(type(e).__name__, e)
nested = "[" * 300 + "]" * 300
try:
    r = eval(nested)
    print("nested list depth ok", type(r).__name__)
except (RecursionError, MemoryError, SyntaxError) as e:
    print(type(e).__name__, e)
