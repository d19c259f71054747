e = ValueError("base")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError", err)
try:
    try:
        raise KeyError("x")
    except KeyError as k:
        k.add_note("added while handling")
        raise
except KeyError as k:
    print(k.__notes__)
