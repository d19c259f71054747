# expect-stderr
print("prompting")
try:
    input("enter: ")
except EOFError as e:
    print("EOFError", repr(e))
input()
