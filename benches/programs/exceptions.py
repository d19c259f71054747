# Exception-heavy workload: raising and catching built-in and user exceptions, try/finally,
# exception chaining, EAFP dict/attribute lookups and exceptions crossing several frames.


class AppError(Exception):
    def __init__(self, code):
        super().__init__("error %d" % code)
        self.code = code


class Retry(AppError):
    pass


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return 0


def deep(n, code):
    if n == 0:
        if code % 3 == 0:
            raise Retry(code)
        raise AppError(code)
    return deep(n - 1, code)


def guarded(i):
    cleanup = 0
    try:
        try:
            deep(i % 5, i)
        finally:
            cleanup += 1
    except Retry as e:
        return e.code * 2 + cleanup
    except AppError as e:
        return e.code + cleanup
    return 0


def chained(i):
    try:
        try:
            raise KeyError(i)
        except KeyError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        return e.__cause__.args[0]


class Obj:
    present = 1


def main(n=225000):
    d = {str(i): i for i in range(0, 1000, 3)}
    o = Obj()
    total = 0
    for i in range(n):
        total += parse("12" if i % 2 else "x%d" % i)
        total += lookup(d, str(i % 1000))
        total += guarded(i)
        if i % 3 == 0:
            total += chained(i)
        total += getattr(o, "present" if i % 4 else "absent", 2)
        try:
            total += [1, 2, 3][i % 5]
        except IndexError:
            total -= 1
    print("checksum:", total % 1000000007)


main()
