# termios: attributes of a fresh pseudo-terminal, setting them back, window sizes, tty's
# helpers and the errors on descriptors that are not terminals.
import os
import termios
import tty

print(termios.error.__module__, termios.error.__mro__[1].__name__, termios.TCSANOW,
      termios.B38400, termios.ICANON, termios.VMIN, termios.NCCS)
master, slave = os.openpty()
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(x).__name__ for x in attrs], len(attrs[6]), attrs[6][termios.VINTR])
termios.tcsetattr(slave, termios.TCSANOW, attrs)
print(termios.tcgetattr(slave) == attrs)
new = termios.tcgetattr(slave)
new[3] &= ~termios.ICANON
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
termios.tcsetattr(slave, termios.TCSADRAIN, new)
got = termios.tcgetattr(slave)
print(got[3] & termios.ICANON, got[6][termios.VMIN], got[6][termios.VTIME])
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave))
tty.setraw(slave)
print(termios.tcgetattr(slave)[3] & termios.ECHO)
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
r, w = os.pipe()
for f in [lambda: termios.tcgetattr(r), lambda: termios.tcgetattr(999),
          lambda: termios.tcgetattr('x'), lambda: termios.tcsetattr(slave, 0, 1),
          lambda: termios.tcsetattr(slave, 0, attrs[:6] + [[b'x']]),
          lambda: termios.tcsetattr(slave, 0, attrs[:6] + [[1.5] * termios.NCCS]),
          lambda: termios.tcsetwinsize(slave, 5), lambda: termios.tcgetwinsize(r)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e.args)
for fd in (master, slave, r, w):
    os.close(fd)
