# A generator suspended when the program ends is closed: its finally block runs.
def gen():
    try:
        yield 1
    finally:
        print("generator closed")


g = gen()
next(g)
print("end of program")
