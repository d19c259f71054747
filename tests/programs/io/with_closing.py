# Context managers and closing when the last reference goes.
P = "/tmp/taipan_io_with_closing.txt"

with open(P, "w") as f:
    print(f.__enter__() is f)
print(f.closed, f.buffer.closed, f.buffer.raw.closed)

try:
    with open(P, "w") as f:
        f.write("partial")
        raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", e, f.closed)
with open(P) as f:
    print(f.read())

try:
    with f:
        pass
except ValueError as e:
    print(e)

# Dropping the last reference flushes and closes.
f = open(P, "w")
f.write("written without close")
b = f.buffer
del f
print(b.closed)
with open(P) as f:
    print(f.read())

def write_in_function():
    g = open(P, "a")
    g.write("\nfrom a function")

write_in_function()
with open(P) as f:
    print(f.read())

# Unflushed data is not yet in the file; flush() puts it there.
w = open(P, "w")
w.write("abc")
with open(P) as r:
    print(repr(r.read()))
w.flush()
with open(P) as r:
    print(repr(r.read()))
w.close()

# close() is idempotent and flushes.
w = open(P, "wb")
w.write(b"bytes")
w.close()
w.close()
with open(P, "rb") as r:
    print(r.read())
