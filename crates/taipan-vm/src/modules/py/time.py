# The Python part of Taipan's `time` module: `struct_time`, `get_clock_info` and `strptime`
# (which, as CPython's, runs `_strptime`). Runs in the module's namespace after the native
# functions are in place.

struct_time = _structseq_make(
    'time', 'struct_time',
    ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday',
     'tm_isdst', 'tm_zone', 'tm_gmtoff'),
    9)

_CLOCKS = {
    'time': ('clock_gettime(CLOCK_REALTIME)', False, True),
    'monotonic': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'perf_counter': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'process_time': ('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False),
    'thread_time': ('clock_gettime(CLOCK_THREAD_CPUTIME_ID)', True, False),
}


def get_clock_info(name, /):
    try:
        implementation, monotonic, adjustable = _CLOCKS[name]
    except (KeyError, TypeError):
        raise ValueError('unknown clock') from None
    import types
    return types.SimpleNamespace(implementation=implementation, monotonic=monotonic,
                                 adjustable=adjustable, resolution=1e-09)


def strptime(data_string, format='%a %b %d %H:%M:%S %Y', /):
    import _strptime
    return _strptime._strptime_time(data_string, format)


get_clock_info.__module__ = 'time'
strptime.__module__ = 'time'
