def echo():
    received = None
    try:
        while True:
            try:
                received = yield received
            except ValueError as e:
                print("caught", e)
                received = "after error"
    finally:
        print("cleanup")
g = echo()
print(g.send(None), g.send("a"), g.send("b"))
print(g.throw(ValueError("boom")))
print(g.send("c"))
g.close()
print(g.gi_frame is None, g.gi_running)
try:
    g.send("x")
except StopIteration:
    print("StopIteration after close")
g2 = echo()
try:
    g2.send("not None")
except TypeError as e:
    print("TypeError", e)
