# time: clocks, sleep, conversions in UTC (the test environment has no TZ), strftime, strptime.
import time

t = time.time()
print(type(t).__name__, t > 1.6e9, type(time.time_ns()).__name__, abs(time.time_ns() / 1e9 - t) < 5)
a = time.monotonic(); b = time.monotonic()
print(b >= a, time.perf_counter() <= time.perf_counter(), type(time.monotonic_ns()).__name__)
print(type(time.process_time()).__name__, type(time.process_time_ns()).__name__, time.thread_time() >= 0)
print(time.sleep(0), time.sleep(0.001))
for bad in (-1, -0.5, 'x', float('nan')):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(time.gmtime(0))
g = time.gmtime(1234567890)
print(g, g.tm_year, g.tm_yday, g.tm_zone, g.tm_gmtoff, g[0], len(g))
print(time.gmtime(-1.5), time.gmtime(1.9).tm_sec)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %p %%', g))
print(ascii(time.strftime('%Z %z|é\udc80|%Q|%', g)), repr(time.strftime('a\0b %Y', g)))
print(time.strftime('%Y', (999, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%Y', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(g), time.asctime((2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.mktime(time.localtime(1234567890)), time.localtime(0).tm_isdst)
print(time.ctime(0), time.timezone, time.altzone, time.daylight, time.tzname)
for call in (lambda: time.gmtime('x'), lambda: time.gmtime(float('nan')), lambda: time.gmtime(1e300),
             lambda: time.mktime((1,)), lambda: time.mktime(5), lambda: time.strftime(5),
             lambda: time.strftime('%Y', (1, 2)), lambda: time.asctime((2024, 13, 1, 0, 0, 0, 0, 1, 0)),
             lambda: time.strftime('%Y', (2024, 1, 1, 0, 0, 62, 0, 1, 0)),
             lambda: time.strftime('%Y', (2024, 1, 1, 24, 0, 0, 0, 1, 0)),
             lambda: time.strftime('%Y', (2024, 1, 1, 0, 0, 0, 0, 367, 0)),
             lambda: time.get_clock_info('x'),
             lambda: time.strftime('%Y', (2024, 1, 1.5, 0, 0, 0, 0, 1, 0))):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__)
