# sys.stdout.reconfigure(): error handler, line buffering, write-through, encoding.
import sys

print(sys.stdout.errors, sys.stdout.line_buffering, sys.stdout.write_through)
try:
    print("lone \udcff surrogate")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
sys.stdout.reconfigure(errors="replace")
print(sys.stdout.errors, "lone \udcff surrogate")
sys.stdout.reconfigure(errors="surrogateescape")
print("escaped \udcff byte")
sys.stdout.reconfigure(errors="backslashreplace")
print("backslash \udcff")
sys.stdout.reconfigure(line_buffering=True)
print(sys.stdout.line_buffering, sys.stdout.write_through)
sys.stdout.reconfigure(write_through=True, line_buffering=False)
print(sys.stdout.line_buffering, sys.stdout.write_through)
sys.stdout.reconfigure(encoding="latin-1", errors="strict")
print(sys.stdout.encoding, sys.stdout.errors, "caf\xe9")
try:
    print("\u20ac")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
sys.stdout.reconfigure(encoding="utf-8")
print(sys.stdout.encoding, sys.stdout.errors, "caf\xe9 \u20ac")
sys.stderr.reconfigure(errors="strict")
print(sys.stderr.errors)
try:
    sys.stdout.reconfigure(bogus=1)
except TypeError as e:
    print(e)
try:
    sys.stdout.reconfigure(newline="x")
except ValueError as e:
    print(e)
sys.stdout.reconfigure(newline="\r\n")
print("crlf")
sys.stdout.reconfigure(newline=None)
print("lf")
