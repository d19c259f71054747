# hashlib's md5, sha1, sha3, shake and blake2 (the native _md5/_sha1/_sha3/_blake2 modules),
# hmac on top of them, and hashlib's helpers without OpenSSL.
import _blake2
import _md5
import _sha1
import _sha3
import hashlib
import hmac
import io

msgs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5]
for name in ("md5", "sha1", "sha224", "sha256", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
             "blake2b", "blake2s"):
    for m in msgs:
        h = hashlib.new(name, m)
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
for name in ("shake_128", "shake_256"):
    for m in msgs:
        h = hashlib.new(name, m)
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest(20), h.digest(5), len(h.digest(1000)))
    print(hashlib.new(name).digest(0))

# incremental updates and copies
h = hashlib.md5()
h.update(b"ab")
h2 = h.copy()
h.update(b"c")
print(h.hexdigest(), h2.hexdigest(), hashlib.md5(b"abc").digest() == h.digest())
for ctor in (hashlib.sha1, hashlib.sha3_256, hashlib.blake2b, hashlib.blake2s, hashlib.shake_128):
    h = ctor(b"start")
    c = h.copy()
    h.update(bytearray(b" more"))
    c.update(memoryview(b" more"))
    d1 = h.digest(8) if h.name.startswith("shake") else h.digest()
    d2 = c.digest(8) if c.name.startswith("shake") else c.digest()
    print(h.name, d1 == d2, d1.hex())
print(hashlib.sha1(data=b"x").hexdigest(), hashlib.md5(string=b"x").hexdigest())
print(hashlib.md5(b"x", usedforsecurity=False).hexdigest())

# blake2 parameters
B, S = _blake2.blake2b, _blake2.blake2s
print(B(b"data", digest_size=20).hexdigest(), S(b"data", digest_size=16).hexdigest())
print(B(b"data", key=b"secret key").hexdigest()[:32], S(b"data", key=b"k" * 32).hexdigest()[:32])
print(B(b"data", salt=b"salty", person=b"me").hexdigest()[:32])
print(S(b"data", salt=b"12345678", person=b"ab").hexdigest()[:32])
print(B(b"d", fanout=2, depth=2, leaf_size=4096, node_offset=1, node_depth=1, inner_size=64).hexdigest()[:32])
print(S(b"d", fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**48 - 1, node_depth=255, inner_size=32, last_node=True).hexdigest()[:32])
print(B(b"d", last_node=True).hexdigest()[:32], B(b"d", node_offset=2**64 - 1).hexdigest()[:16])
print(B.SALT_SIZE, B.PERSON_SIZE, B.MAX_KEY_SIZE, B.MAX_DIGEST_SIZE, S.SALT_SIZE, S.PERSON_SIZE, S.MAX_KEY_SIZE, S.MAX_DIGEST_SIZE)
print(B(digest_size=7).digest_size, S(digest_size=3).digest_size)


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


attempt(B, digest_size=0)
attempt(B, digest_size=65)
attempt(S, digest_size=33)
attempt(B, key=b"x" * 65)
attempt(S, key=b"x" * 33)
attempt(B, salt=b"x" * 17)
attempt(S, salt=b"x" * 9)
attempt(B, person=b"x" * 17)
attempt(B, fanout=-1)
attempt(B, fanout=256)
attempt(B, depth=0)
attempt(B, leaf_size=-1)
attempt(B, leaf_size=2**32)
attempt(S, node_offset=2**48)
attempt(B, node_depth=256)
attempt(B, inner_size=65)
attempt(S, inner_size=33)
attempt(B, "abc")
attempt(B, 1)
attempt(_md5.md5, "x")
attempt(_sha1.sha1, 12)
attempt(_sha3.sha3_224, b"", string=b"")
attempt(_md5.md5, b"", b"")
attempt(_md5.md5().update, "x")
attempt(_sha3.shake_128(b"").digest, -1)
attempt(_sha3.shake_128(b"").hexdigest, 2**63)
attempt(_sha3.shake_128(b"").digest, 2**29)
attempt(_sha3.shake_128(b"").digest)
attempt(_md5.MD5Type)
print(_sha3.shake_128(b"").digest(length=3), _sha3.shake_256(b"x").hexdigest(4))
print(type(_md5.md5()), type(_sha1.sha1()), _sha3.sha3_224, _blake2.blake2b, _md5.MD5Type, _sha1.SHA1Type)
h = _sha3.sha3_384()
print(h._rate_bits, h._capacity_bits, h._suffix, _sha3.shake_128()._suffix)
print(_blake2.BLAKE2B_MAX_DIGEST_SIZE, _blake2.BLAKE2S_SALT_SIZE, _md5._GIL_MINSIZE)
attempt(hashlib.new, "nope")

# hmac, pbkdf2, file_digest
print(hmac.new(b"key", b"message", "md5").hexdigest())
print(hmac.new(b"key", b"message", hashlib.sha1).hexdigest())
print(hmac.new(b"key", b"message", "sha3_256").hexdigest())
print(hmac.new(b"key", b"message", "blake2s").hexdigest())
print(hmac.digest(b"key", b"msg", "sha1").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"))
print(hashlib.file_digest(io.BytesIO(b"file contents" * 100), "sha1").hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc"), hashlib.md5).hexdigest())
print(sorted(hashlib.algorithms_guaranteed))

# argument checks in CPython's order, and _sha2 (what random.seed(str) uses)
import _sha2
for args, kw in [((b"",), dict(data=b"", _=b"")), ((), dict(_=None)), ((b"",), dict(string=b"")),
                 ((), dict(data=b"", string=b"", _=None)), ((b"", b""), {})]:
    for ctor in (_md5.md5, _sha2.sha256, _sha3.sha3_256, _blake2.blake2s):
        attempt(ctor, *args, **kw)
print(_sha2.sha224(b"abc").hexdigest(), _sha2.sha512(b"abc").hexdigest()[:32], _sha2.SHA384Type)
attempt(_sha2.SHA256Type)
h = _sha2.sha256(b"a")
h2 = h.copy()
h.update(b"b")
print(h.hexdigest()[:16], h2.hexdigest()[:16], h.name, h.digest_size, h.block_size)
