# expect-stderr
import sys
x = "text"
print(x is "text" if False else "no warning at runtime")
print(1 / len(sys.argv[1:]))
