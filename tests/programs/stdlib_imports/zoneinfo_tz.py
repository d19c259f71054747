# zoneinfo reads the system's time-zone database (sysconfig's TZPATH): offsets, DST changes,
# fold, names, and the error for an unknown key.
import zoneinfo
from datetime import datetime, timedelta, timezone

paris = zoneinfo.ZoneInfo("Europe/Paris")
print(paris, paris.key)
for month in (1, 7):
    d = datetime(2026, month, 15, 12, tzinfo=paris)
    print(d.isoformat(), d.utcoffset(), d.dst(), d.tzname())
# The autumn change: 02:30 happens twice; fold picks the second one.
amb = datetime(2026, 10, 25, 2, 30, tzinfo=paris)
print(amb.utcoffset(), amb.replace(fold=1).utcoffset())
print(datetime(2026, 3, 29, 0, 59, tzinfo=timezone.utc).astimezone(paris))
print(datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc).astimezone(paris))
ny = zoneinfo.ZoneInfo("America/New_York")
t = datetime(2026, 11, 1, 5, 0, tzinfo=timezone.utc)
for h in range(3):
    x = (t + timedelta(hours=h)).astimezone(ny)
    print(x, x.tzname(), x.fold)
print(zoneinfo.ZoneInfo("UTC").utcoffset(None))
print(zoneinfo.ZoneInfo("Europe/Paris") is paris)
print("Europe/Paris" in zoneinfo.available_timezones())
try:
    zoneinfo.ZoneInfo("No/Such_Zone")
except zoneinfo.ZoneInfoNotFoundError as e:
    print(type(e).__name__, e)
try:
    zoneinfo.ZoneInfo("../etc/passwd")
except ValueError as e:
    print(type(e).__name__, e)
