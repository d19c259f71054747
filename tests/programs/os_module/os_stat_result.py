# The struct sequences of os and time: stat_result, terminal_size, uname_result, times_result,
# built from tuples: repr, fields, hidden fields, pickling support, errors.
import os

r = os.stat_result(range(10))
print(r, r.st_atime, r.st_blksize, r.st_mtime_ns, len(r), r[7])
r = os.stat_result(range(12), {'st_blksize': 5})
print(r.st_atime, r.st_mtime, r.st_ctime, r.st_blksize, r.__reduce__())
print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
print(os.stat_result.__match_args__, type(r).__mro__, type(r).__module__)
print(r == tuple(range(10)), r[:3], r.count(1), r.index(2), hash(r) == hash(tuple(range(10))))
for args in (((1, 2),), (range(30),), (5,), (range(10), 3)):
    try:
        os.stat_result(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    r.st_mode = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    class X(os.stat_result):
        pass
except TypeError as e:
    print('TypeError', e)
cls, args = r.__reduce__()
r2 = cls(*args)
print(r2 == r, r2.st_blksize, type(r2) is os.stat_result)
t = os.terminal_size((80, 24))
print(t, t.columns, t.lines, t.n_fields)
try:
    os.terminal_size((1,))
except TypeError as e:
    print('TypeError', e)
u = os.uname()
print(type(u).__name__, len(u), u.sysname, u._fields if hasattr(u, '_fields') else u.n_fields)
tm = os.times()
print(type(tm).__name__, len(tm), all(isinstance(x, float) for x in tm))
st = os.stat('.')
print(type(st) is os.stat_result, len(st), st.st_mode == st[0], st.st_atime >= st[7])
print(st.st_mtime_ns // 10**9 == st[8], int(st.st_mtime) == st[8])
