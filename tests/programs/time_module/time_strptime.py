# time.strptime, which runs the pure-Python _strptime (it needs locale, and so the codecs).
import time

s = time.strptime('2024-03-05 10:20:30', '%Y-%m-%d %H:%M:%S')
print(s, s.tm_wday)
print(time.strptime('Mar 5 2024', '%b %d %Y')[:3], time.strptime('2024', '%Y').tm_yday)
for args in (('x', '%Y'), ('2024', '%Q'), (5, '%Y')):
    try:
        time.strptime(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
