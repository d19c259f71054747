# bytes %-formatting, hex/fromhex with separators, translate/maketrans, case and predicates
print(b"%s|%b|%5s|%-4b|" % (b"ab", bytearray(b"cd"), b"x", b"y"), b"%a %r" % ("é", b"q"), b"%c%c" % (65, b"B"), b"%05.1f %x %o %e" % (2.25, 255, 8, 1e10))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7}, bytearray(b"%s!") % b"z", type(bytearray(b"%s") % b"z").__name__)
for e in ['b"%s" % "str"', 'b"%d" % "x"', 'b"%c" % 256', 'b"%c" % b"ab"', 'b"%c" % "a"', 'b"%s %s" % (b"a",)', 'b"%s" % (b"a", b"b")', 'b"%y" % 1']:
    try:
        print(eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
b = bytes(range(250, 256)) + b"abc"
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex("_", -2), b.hex(b"|", 3), bytes.fromhex(" 0a  ff\t10 "), bytearray.fromhex("00"))
for e in ['bytes.fromhex("zz")', 'bytes.fromhex("6")', 'bytes.fromhex("6 1")', 'bytes.fromhex(1)', 'b"a".hex("ab")', 'b"a".hex(1)', 'bytes.maketrans(b"ab", b"c")', 'b"a".translate(b"x")']:
    try:
        print(eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
t = bytes.maketrans(b"abc", b"ABC")
print(b"aabbcc".translate(t), b"aabbcc".translate(t, b"b"), b"abc".translate(None, delete=b"a"), bytearray(b"xax").translate(t))
print(b"hello World 1".title(), b"hELLO".swapcase(), b"a1".isalnum(), b"".isalpha(), b"Ab Cd".istitle(), b"AB1".isupper(), b"ab1".islower(), b"\x80".isascii())
print(b"a,b,,c".split(b","), b"  a  b ".split(None, 1), b"a b c".rsplit(maxsplit=1), b"x\r\ny\rz\n".splitlines(True), b"abcabc".rindex(b"b"), b"abc".count(b""), b"abc".find(98))
