# datetime (the pure-Python _pydatetime) and calendar, which need time.
import calendar
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=2), d.weekday(), d.isoformat(), d.strftime('%A %d %B %Y'))
print(dt.date.fromisoformat('2024-12-31').toordinal(), dt.date.fromordinal(738000))
t = dt.datetime(2024, 3, 10, 14, 30, 15, 123456)
print(t, repr(t), t.isoformat(), t.timestamp() if t.tzinfo else 'naive')
u = dt.datetime(2024, 3, 10, 14, 30, tzinfo=dt.timezone.utc)
print(u, u.timestamp(), u.astimezone(dt.timezone(dt.timedelta(hours=-5))))
print(dt.datetime.fromtimestamp(0, dt.timezone.utc), dt.datetime.utcfromtimestamp if False else '')
print(dt.datetime.strptime('2024-01-02 03:04:05', '%Y-%m-%d %H:%M:%S'))
print(dt.timedelta(days=1, hours=25, seconds=-1), dt.timedelta(weeks=3) / dt.timedelta(days=1))
print(t - dt.datetime(2024, 1, 1), (t - dt.datetime(2024, 1, 1)).total_seconds())
print(dt.time(12, 30).isoformat(), dt.datetime.combine(d, dt.time(1, 2)), t.date(), t.time())
print(type(dt.datetime.now()).__name__, dt.date.today().year >= 2024)
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.weekday(2024, 2, 29))
print(calendar.month(2024, 2))
print(calendar.monthcalendar(2024, 2)[0], calendar.day_name[0], calendar.month_abbr[12])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.TextCalendar().formatmonth(2025, 1))
