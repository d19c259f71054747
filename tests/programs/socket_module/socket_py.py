# The socket module (socket.py over _socket): enums, create_connection/create_server,
# makefile, socketpair, getaddrinfo with enums, timeouts.
import socket

print(socket.AF_INET, repr(socket.AF_INET), repr(socket.SOCK_STREAM), socket.has_ipv6)
a, b = socket.socketpair()
print(repr(a.family), repr(a.type), a.proto)
a.sendall(b"hello")
print(b.recv(10))
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
c = socket.create_connection(("127.0.0.1", port), timeout=2)
s, addr = srv.accept()
print(type(s).__name__, addr[0], s.getblocking(), c.gettimeout())
c.sendall(b"ping")
print(s.recv(4))
s.sendall(b"pong")
print(c.recv(4))
f = c.makefile("rb")
s.sendall(b"line1\nline2\n")
print(f.readline(), f.readline())
f.close()
w = s.makefile("w", encoding="utf-8")
w.write("text line\n")
w.flush()
w.close()
r = c.makefile("r", encoding="utf-8")
print(repr(r.readline()))
r.close()
c.close(); s.close(); srv.close()
print(c._closed, c.fileno())
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
try:
    socket.create_connection(("127.0.0.1", port), timeout=1)
except ConnectionRefusedError as e:
    print("refused", e.errno)
with socket.socket() as x:
    x.settimeout(0.05)
    print(x.gettimeout(), x.timeout)
print(x._closed)
print(socket.socket.__mro__)
d = a.dup()
d.send(b"dup")
print(b.recv(3))
for o in (a, b, d):
    o.close()
try:
    socket.getaddrinfo("x", 1, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(type(e).__name__, e)
print(socket.AddressFamily.AF_UNIX, socket.SocketKind(2))
print(socket.inet_aton("127.0.0.1"), socket.htons(1))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(repr(s.type), s.getsockname())
s.close()
