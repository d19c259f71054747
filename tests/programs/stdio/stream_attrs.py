# The standard streams are _io.TextIOWrapper objects over buffered streams over FileIO.
import io
import sys

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(repr(s))
    print(" ", type(s).__name__, isinstance(s, io.TextIOWrapper), isinstance(s, io.TextIOBase))
    print(" ", s.name, s.mode, s.encoding, s.errors, s.line_buffering, s.write_through)
    print(" ", s.newlines, s.closed, s.fileno(), s.isatty(), s.readable(), s.writable())
    b = s.buffer
    print(" ", repr(b), type(b).__name__, isinstance(b, io.BufferedIOBase))
    print(" ", b.name, b.mode, b.closed, b.fileno(), b.readable(), b.writable())
    r = b.raw
    print(" ", repr(r), type(r).__name__, r.closefd, r.name, r.mode, r.fileno())

print(sys.stdin is sys.__stdin__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.stdout.buffer is sys.__stdout__.buffer)
print(type(sys.stdout).__module__, type(sys.stdout).__qualname__)
print(sys.stdout._CHUNK_SIZE)
print(hasattr(sys.stdout, "__dict__"), sorted(vars(sys.stdout)))
print(sys.stdout.__class__ is io.TextIOWrapper, sys.stdout.buffer.__class__ is io.BufferedWriter)
print(sys.stdin.buffer.__class__ is io.BufferedReader, sys.stdin.buffer.raw.__class__ is io.FileIO)
