# resource: limits are a (soft, hard) pair of ints, RLIM_INFINITY is -1.
import resource
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, type(hard).__name__, soft <= hard or hard == -1)
print(resource.RLIM_INFINITY, resource.RLIMIT_STACK, resource.RLIMIT_NOFILE, resource.RLIMIT_AS)
print(resource.error is OSError, resource.getpagesize() > 0)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
for args in [(99,), ("x",), (-1,)]:
    try:
        resource.getrlimit(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for lim in [(1,), (1, 2, 3), [1]]:
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, lim)
    except ValueError as e:
        print("ValueError", e)
try:
    resource.setrlimit(99, (1, 2))
except ValueError as e:
    print("ValueError", e)
try:
    resource.setrlimit(resource.RLIMIT_NOFILE, 5)
except TypeError as e:
    print("TypeError", e)
