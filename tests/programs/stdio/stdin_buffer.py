# sys.stdin.buffer: bytes, peek, readline, read to the end; text reads after.
import sys

b = sys.stdin.buffer
print(b.readline())
print(b.read(4), b.peek(1)[:1])
print(b.read())
print(b.read(), sys.stdin.read(), sys.stdin.readline())
print(b.readable(), b.writable(), sys.stdin.readable(), sys.stdin.writable())
try:
    sys.stdin.write("x")
except OSError as e:
    print(type(e).__name__, e)
try:
    b.write(b"x")
except OSError as e:
    print(type(e).__name__, e)
