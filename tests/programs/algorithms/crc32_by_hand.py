def make_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table
TABLE = make_table()
def crc32(data, crc=0):
    crc ^= 0xFFFFFFFF
    for b in data:
        crc = TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF
for s in [b"", b"a", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(1000)]:
    print(f"{crc32(s):08x}")
