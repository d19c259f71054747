# _testlimitedcapi's sequence helpers (negative index adjusted once, then the item slot) and
# _datetime (the classes datetime exports)
import _testlimitedcapi as t
import _datetime, datetime

ba = bytearray(b'abc')
print(t.sequence_getitem(ba, 0), t.sequence_getitem(ba, -1))
for args in [(ba, -4), (ba, 3), ([1], -2), ((1,), 5)]:
    try:
        t.sequence_getitem(*args)
    except IndexError as e:
        print('IndexError', e)
t.sequence_setitem(ba, -1, 100)
t.sequence_delitem(ba, 0)
print(ba)
for f, a in [(t.sequence_getitem, ({}, 0)), (t.sequence_getitem, (1, 0)), (t.sequence_setitem, ((1,), 0, 1))]:
    try:
        f(*a)
    except TypeError as e:
        print('TypeError', e)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i


print(t.sequence_getitem(Seq(), -1), t.sequence_getitem(Seq(), -5), t._py_getbuiltwithassert())
print(_datetime.datetime is datetime.datetime, _datetime.date(2020, 1, 2), _datetime.MAXYEAR)
