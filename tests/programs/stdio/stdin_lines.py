# Reading sys.stdin: readline, iteration, read; input() strips the newline and raises
# EOFError at the end.
import sys

print(repr(sys.stdin.readline()))
print(repr(input()))
print(repr(input("prompt> ")))
for line in sys.stdin:
    print("iter", repr(line))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input("more? ")
except EOFError as e:
    print("EOFError:", e)
print(sys.stdin.closed, sys.stdin.newlines)
