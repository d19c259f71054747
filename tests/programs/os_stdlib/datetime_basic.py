# datetime (the pure-Python _pydatetime, on time): dates, datetimes, time zones, arithmetic.
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=2), d.weekday(), d.isoformat(), d.strftime('%A %d %B %Y'))
print(dt.date.fromisoformat('2024-12-31').toordinal(), dt.date.fromordinal(738000), tuple(d.isocalendar()))
t = dt.datetime(2024, 3, 10, 14, 30, 15, 123456)
print(t, repr(t), t.isoformat(), t.strftime('%Y-%m-%d %H:%M:%S.%f %j'))
u = dt.datetime(2024, 3, 10, 14, 30, tzinfo=dt.timezone.utc)
print(u, u.timestamp(), u.astimezone(dt.timezone(dt.timedelta(hours=-5))), u.utcoffset())
print(dt.datetime.fromtimestamp(0, dt.timezone.utc), dt.datetime.fromtimestamp(1e9, dt.timezone.utc))
print(dt.timedelta(days=1, hours=25, seconds=-1), dt.timedelta(weeks=3) / dt.timedelta(days=1))
print(t - dt.datetime(2024, 1, 1), (t - dt.datetime(2024, 1, 1)).total_seconds())
print(dt.time(12, 30).isoformat(), dt.datetime.combine(d, dt.time(1, 2)), t.date(), t.time())
print(type(dt.datetime.now()).__name__, dt.date.today().year >= 2024, dt.datetime(2024, 1, 1).timestamp())
print(dt.datetime.fromisoformat('2024-05-06T07:08:09+02:00'), dt.MINYEAR, dt.MAXYEAR)
print(sorted([dt.date(2024, 1, 2), dt.date(2023, 5, 6)]), dt.date(2024, 1, 1) < dt.date(2024, 1, 2))
try:
    dt.date(2024, 2, 30)
except ValueError as e:
    print('ValueError', e)
