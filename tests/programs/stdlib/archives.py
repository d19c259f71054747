# The archive modules on top of zlib, bz2 and lzma: gzip files and
# tarfile with each compression, all in memory.
import gzip
import io
import tarfile
import zlib

payload = b"archive member contents\n" * 200

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as f:
    f.write(payload)
raw = buf.getvalue()
print(raw[:10].hex(), len(raw) < len(payload))
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.read(30), f.read() == payload[30:])
with gzip.open(io.BytesIO(raw + raw), "rt") as f:
    print(len(f.readlines()))
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
try:
    gzip.decompress(raw[:-4])
except EOFError as e:
    print("EOFError", e)

for mode in ("gz", "bz2", "xz"):
    buf = io.BytesIO()
    level = {"preset": 0} if mode == "xz" else {"compresslevel": 1}
    with tarfile.open(fileobj=buf, mode="w:" + mode, **level) as t:
        info = tarfile.TarInfo("member.txt")
        info.size = len(payload)
        info.mtime = 0
        t.addfile(info, io.BytesIO(payload))
    with tarfile.open(fileobj=io.BytesIO(buf.getvalue()), mode="r:*") as t:
        names = t.getnames()
        print(mode, names, t.extractfile("member.txt").read() == payload)

print(zlib.crc32(payload))
