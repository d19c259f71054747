# Argument errors of posix and time functions, worded as CPython's argument clinic words them.
import os
import time

calls = [
    lambda: os.getpid(1), lambda: os.getcwd(1), lambda: os.pipe(1), lambda: os.uname(1),
    lambda: os.times(1), lambda: os.cpu_count(1), lambda: os.umask(), lambda: os.read(1),
    lambda: os.strerror(), lambda: os.kill(1), lambda: os.stat(), lambda: os.listdir(1, 2),
    lambda: os.close(), lambda: os.dup(), lambda: os.isatty(), lambda: os.putenv('x'),
    lambda: os.fstat(), lambda: os.get_inheritable(), lambda: os.get_blocking(),
    lambda: os.unsetenv(), lambda: os.pipe2(), lambda: os._exit(), lambda: os.truncate(),
    lambda: os.chdir(), lambda: os.fspath(), lambda: os.urandom(), lambda: os.WIFEXITED(),
    lambda: os.waitpid(1), lambda: os.lseek(1, 2), lambda: os.write(1),
    lambda: os.get_terminal_size(1, 2), lambda: os.sysconf(), lambda: os.getpid(x=1),
    lambda: os.umask(x=1), lambda: os.read(1, 2, x=1), lambda: os.urandom(2 ** 70),
    lambda: os.umask('x'), lambda: os.WEXITSTATUS('x'), lambda: os.strerror('x'),
    lambda: time.gmtime(1, 2), lambda: time.strftime(), lambda: time.localtime(1, 2),
    lambda: time.mktime(), lambda: time.asctime(1, 2), lambda: time.ctime(1, 2),
    lambda: time.perf_counter(1), lambda: time.time(1), lambda: time.sleep(),
    lambda: time.clock_gettime(), lambda: time.clock_gettime_ns(), lambda: time.tzset(1),
    lambda: time.sleep(x=1), lambda: time.gmtime(x=1), lambda: time.strftime(x=1),
    lambda: time.asctime(x=1), lambda: time.strftime('%Y', (10 ** 10, 1, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime('%Y', (-10 ** 10, 1, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime('%Y', 1, 2),
]
for call in calls:
    try:
        call()
        print('no error')
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(time.strftime('%4Y|%-d|%_m|%^a|%#b|%010Y', (2024, 3, 5, 0, 0, 0, 1, 65, 0)))
print(os.strerror(99999), time.gmtime(-2 ** 40).tm_year)
