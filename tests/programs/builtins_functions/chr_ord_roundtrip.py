s = "Hello, мир! 你好 😀"
codes = [ord(c) for c in s]
print(codes)
print("".join(chr(c) for c in codes) == s, chr(0), repr(chr(127)), repr(chr(0xd800)))
