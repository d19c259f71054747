# time.struct_time: construction, fields, hidden zone fields, comparison, pickling.
import time

s = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(s, s.tm_zone, s.tm_gmtoff, s.n_fields, s.n_sequence_fields, s.n_unnamed_fields)
s2 = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0, 'XYZ', 3600))
print(s2, s2.tm_zone, s2.tm_gmtoff, s2 == s, tuple(s2))
print(time.struct_time.__match_args__)
print(s.__reduce__())
cls, args = s2.__reduce__()
print(cls(*args).tm_zone, cls is time.struct_time)
for args in ((range(3),), (5,), (range(9), 3), (range(12),)):
    try:
        time.struct_time(*args)
    except TypeError as e:
        print('TypeError', e)
match s:
    case time.struct_time(tm_year=y, tm_mon=m):
        print('matched', y, m)
print(time.strftime('%Z %z', s2), time.mktime(time.gmtime(0)))
print(time.struct_time(time.gmtime(86400)).tm_mday)
