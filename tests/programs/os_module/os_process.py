# Process-level functions: ids, wait-status helpers, urandom, cpu_count, sysconf, umask.
import os

print(os.getpid() == os.getpid() > 0, os.getppid() > 0, isinstance(os.getuid(), int))
print(isinstance(os.geteuid(), int), isinstance(os.getgid(), int), isinstance(os.getegid(), int))
print(isinstance(os.getgroups(), list), os.getpgrp() > 0)
print(len(os.urandom(16)), os.urandom(0), type(os.urandom(3)).__name__)
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)
print(os.cpu_count() >= 1, os.sysconf('SC_PAGESIZE') > 0, os.sysconf_names['SC_PAGESIZE'] > 0)
try:
    os.sysconf('SC_NOPE')
except ValueError as e:
    print('ValueError', e)
print(type(os.confstr('CS_PATH')).__name__)
old = os.umask(0o22)
print(os.umask(old) == 0o22)
for st in (0, 256, 9, 0x137f, 0xffff):
    print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st),
          os.WIFSTOPPED(st), os.WSTOPSIG(st), os.WCOREDUMP(st), os.WIFCONTINUED(st))
print(os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print('ChildProcessError', e.errno)
try:
    os.kill(os.getpid(), 0)
    print('kill 0 ok')
except OSError as e:
    print(e)
print(os.WNOHANG, os.EX_OK, os.EX_USAGE)
print(isinstance(os.get_terminal_size.__name__, str), os.terminal_size.__name__)
try:
    os.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e.errno)
