# _socket.socketpair: data both ways, recv_into, recvfrom, sendmsg/recvmsg, shutdown, close.
import _socket as S

a, b = S.socketpair()
print(a.family == S.AF_UNIX, a.type == S.SOCK_STREAM, a.proto)
print(a.getblocking(), a.gettimeout(), a.timeout)
print(a.send(b"hello"), b.recv(100))
b.sendall(bytearray(b"world") * 3)
print(a.recv(15))
a.sendall(memoryview(b"abcdef")[1:4])
buf = bytearray(10)
print(b.recv_into(buf), buf)
a.send(b"xyz")
buf = bytearray(8)
print(b.recv_into(buf, 2), buf)
print(b.recv(10))
a.send(b"from")
print(b.recvfrom(10))
a.send(b"into")
buf = bytearray(6)
print(b.recvfrom_into(buf), buf)
print(a.sendmsg([b"one", b"two", memoryview(b"three")]))
print(b.recvmsg(100))
print(a.getsockname(), a.getpeername())
print(S.CMSG_LEN(4), S.CMSG_SPACE(4), S.CMSG_LEN(0))

# Passing descriptors with SCM_RIGHTS.
import struct
c, d = S.socketpair()
a.sendmsg([b"x"], [(S.SOL_SOCKET, S.SCM_RIGHTS, struct.pack("i", c.fileno()))])
msg, anc, flags, addr = b.recvmsg(10, S.CMSG_SPACE(4))
print(msg, len(anc), anc[0][0] == S.SOL_SOCKET, anc[0][1] == S.SCM_RIGHTS, flags, addr)
(got,) = struct.unpack("i", anc[0][2])
passed = S.socket(fileno=got)
print(passed.family == S.AF_UNIX, passed.type == S.SOCK_STREAM)
passed.send(b"via passed fd")
print(d.recv(100))
for s in (c, d, passed):
    s.close()

# Datagram pairs keep message boundaries.
x, y = S.socketpair(S.AF_UNIX, S.SOCK_DGRAM)
print(x.type == S.SOCK_DGRAM)
x.send(b"one")
x.send(b"two")
print(y.recv(100), y.recv(100))
x.close(); y.close()

# End of stream.
a.shutdown(S.SHUT_WR)
print(b.recv(10))
b.send(b"still open")
print(a.recv(100))
b.close()
print(a.recv(10))

# A closed socket.
a.close()
print(a.fileno())
a.close()
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
print(repr(a))

# detach hands the descriptor over.
p, q = S.socketpair()
fd = p.detach()
print(p.fileno(), fd >= 0)
r = S.socket(S.AF_UNIX, S.SOCK_STREAM, 0, fd)
r.send(b"after detach")
print(q.recv(100))
r.close(); q.close()

# dup of a descriptor
p, q = S.socketpair()
fd2 = S.dup(p.fileno())
p2 = S.socket(fileno=fd2)
p.close()
p2.send(b"dup")
print(q.recv(10))
S.close(p2.detach())
q.close()
