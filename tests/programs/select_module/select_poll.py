# select.select, poll and epoll on pipes; selectors.DefaultSelector; argument errors.
import os
import select
import selectors

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [], [], 1.5) == ([r], [], []))


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


fr = F(r)
rl, wl, xl = select.select([fr], [F(w)], [])
print(rl == [fr], len(wl), xl)
for bad in [(1,), ([], [], [], -1), ([], [], [], "x"), (["x"], [], [], 0), ([-1], [], [], 0)]:
    try:
        select.select(*bad)
    except Exception as e:
        print(type(e).__name__, e)

p = select.poll()
print(type(p).__name__, type(p).__module__)
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.unregister(w)
print(p.poll(100) == [(r, select.POLLIN)])
p.modify(r, select.POLLOUT)
print(p.poll(0))
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(w, 1)
except OSError as e:
    print(type(e).__name__, e)
try:
    p.register("x")
except TypeError as e:
    print(e)

ep = select.epoll()
print(type(ep).__name__, ep.closed, ep.fileno() > 2)
ep.register(r, select.EPOLLIN)
print(ep.poll(0) == [(r, select.EPOLLIN)])
ep.modify(r, select.EPOLLOUT)
print(ep.poll(0.01))
ep.unregister(r)
try:
    ep.register(-1)
except ValueError as e:
    print(e)
try:
    ep.poll(0, 0)
except ValueError as e:
    print(e)
ep.close()
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
with select.epoll() as ep2:
    print(ep2.closed)
print(ep2.closed)

sel = selectors.DefaultSelector()
print(type(sel).__name__)
key = sel.register(r, selectors.EVENT_READ, data="pipe")
events = sel.select(timeout=1)
print([(k.fd == r, k.data, ev) for k, ev in events])
print(os.read(r, 10))
print(sel.select(timeout=0))
sel.unregister(r)
sel.close()
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    s = cls()
    s.register(w, selectors.EVENT_WRITE)
    print(cls.__name__, [(k.fd == w, ev) for k, ev in s.select(0)])
    s.close()
print(select.error is OSError, select.PIPE_BUF, select.EPOLLIN, select.POLLOUT)
os.close(r)
os.close(w)
