# Address conversions and lookups that need no network: inet_*, byte order, numeric and
# localhost getaddrinfo, getnameinfo, gethostbyname.
import _socket as S

print(S.inet_aton("1.2.3.4"), S.inet_aton("1.2.3"), S.inet_aton("127.1"), S.inet_aton("0x7f.1"))
print(S.inet_ntoa(b"\x7f\x00\x00\x01"), S.inet_ntoa(bytearray(b"\xff\xff\xff\xff")))
print(S.inet_pton(S.AF_INET, "10.0.0.255"))
print(S.inet_pton(S.AF_INET6, "::1"), S.inet_pton(S.AF_INET6, "fe80::1:2"))
print(S.inet_ntop(S.AF_INET, b"\xc0\xa8\x00\x01"))
for packed in [b"\x00" * 16, b"\x00" * 15 + b"\x01", b"\x20\x01\x0d\xb8" + b"\x00" * 10 + b"\x00\x01",
               b"\x00" * 10 + b"\xff\xff" + b"\x01\x02\x03\x04"]:
    print(S.inet_ntop(S.AF_INET6, packed))
print(S.htons(1), S.ntohs(256), S.htonl(1), S.ntohl(16777216), S.htons(0x1234), S.htonl(0x12345678))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: S.inet_aton("1.2.3.256"))
t(lambda: S.inet_aton("x"))
t(lambda: S.inet_aton(b"1.2.3.4"))
t(lambda: S.inet_ntoa(b"\1\2\3"))
t(lambda: S.inet_pton(S.AF_INET, "1.2.3"))
t(lambda: S.inet_pton(S.AF_INET6, "1::2::3"))
t(lambda: S.inet_ntop(S.AF_INET, b"\1\2"))
t(lambda: S.inet_ntop(S.AF_INET6, b"\1\2"))
t(lambda: S.htons(70000))
t(lambda: S.htons(-1))
t(lambda: S.htonl(2**32))
t(lambda: S.htons("1"))

print(S.getaddrinfo("127.0.0.1", 80, S.AF_INET, S.SOCK_STREAM))
print(S.getaddrinfo("127.0.0.1", "8080", S.AF_INET, S.SOCK_DGRAM))
print(S.getaddrinfo(b"127.0.0.1", b"53", S.AF_INET, S.SOCK_DGRAM, S.IPPROTO_UDP))
print(S.getaddrinfo("::1", None, S.AF_INET6, S.SOCK_STREAM))
print(S.getaddrinfo(None, 0, S.AF_INET, S.SOCK_STREAM, 0, S.AI_PASSIVE))
print(S.getaddrinfo(None, 7, S.AF_INET, S.SOCK_STREAM))
print(S.getaddrinfo("localhost", 80, S.AF_INET, S.SOCK_STREAM))
print(S.getaddrinfo(host="127.0.0.1", port=1, family=S.AF_INET, type=S.SOCK_STREAM, proto=0, flags=S.AI_NUMERICHOST))
print(sorted(set(r[2] for r in S.getaddrinfo("127.0.0.1", 80, S.AF_INET))))
t(lambda: S.getaddrinfo("not-a-number", 80, S.AF_INET, S.SOCK_STREAM, 0, S.AI_NUMERICHOST))
t(lambda: S.getaddrinfo("127.0.0.1", 1.5))
t(lambda: S.getaddrinfo(1, 1))
t(lambda: S.getaddrinfo("127.0.0.1"))
try:
    S.getaddrinfo("x", 1, 0, 0, 0, S.AI_NUMERICHOST)
except S.gaierror as e:
    print(type(e).__name__, type(e).__module__, e.errno, e.strerror, isinstance(e, OSError))
print(S.getnameinfo(("127.0.0.1", 80), S.NI_NUMERICHOST | S.NI_NUMERICSERV))
print(S.getnameinfo(("::1", 8080, 0, 0), S.NI_NUMERICHOST | S.NI_NUMERICSERV))
t(lambda: S.getnameinfo("127.0.0.1", 0))
print(S.gethostbyname("127.0.0.1"), S.gethostbyname("localhost"))
print(type(S.gethostname()).__name__)
print(S.herror.__mro__[1:], S.gaierror.__name__, S.error is OSError, S.timeout is TimeoutError)
print(S.SocketType is S.socket, S.has_ipv6)
print(S.AF_INET, S.AF_INET6, S.AF_UNIX, S.SOCK_STREAM, S.SOCK_DGRAM, S.SOCK_NONBLOCK, S.SOCK_CLOEXEC)
print(S.SOL_SOCKET, S.SO_REUSEADDR, S.SO_ERROR, S.IPPROTO_TCP, S.TCP_NODELAY, S.MSG_PEEK, S.SHUT_RDWR)
print(S.AI_PASSIVE, S.NI_NUMERICHOST, S.EAI_NONAME, S.SOMAXCONN)
print(S.getdefaulttimeout())
S.setdefaulttimeout(2.5)
s = S.socket()
print(S.getdefaulttimeout(), s.gettimeout(), s.getblocking())
s.close()
S.setdefaulttimeout(None)
t(lambda: S.setdefaulttimeout(-1))
t(lambda: S.setdefaulttimeout("1"))
t(lambda: S.setdefaulttimeout(float("nan")))
print(S.getdefaulttimeout())
