# base64.decode/encode between sys.stdin.buffer and sys.stdout.buffer.
import base64
import sys

base64.decode(sys.stdin.buffer, sys.stdout.buffer)
sys.stdout.buffer.flush()
import io
base64.encode(io.BytesIO(b"taipan" * 20), sys.stdout.buffer)
print("text after")
