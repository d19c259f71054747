import struct
print(struct.pack("<i", 1), struct.pack(">hH", -2, 65535), struct.pack("<d", 1.5), struct.pack("3s?", b"ab", 1))
print(struct.unpack("<i", b"\x01\x00\x00\x00"), struct.unpack(">hH", b"\xff\xfe\xff\xff"), struct.calcsize("<iqd"), struct.calcsize("@bi"))
print(struct.unpack_from("<h", b"\x00\x01\x02", 1), list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))
for args in [("<b", 200), ("<i",), ("<q", 1.5), ("xx", 1)]:
    try: struct.pack(*args)
    except struct.error as e: print("struct.error", e)
    except Exception as e: print(type(e).__name__, e)
try: struct.unpack("<i", b"\x00")
except struct.error as e: print(e, type(e).__module__, type(e).__name__)
