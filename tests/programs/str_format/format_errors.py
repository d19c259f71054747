cases = [("{}", ()), ("{0} {}", (1, 2)), ("{a}", (1,)), ("{", ()), ("}", ()), ("{0!x}", (1,)), ("{:d}", ("s",)), ("{:s}", (1,)), ("{0[5]}", ([1],)), ("{:,s}", ("x",)), ("{:=s}", ("x",)), ("{0.nope}", (1,))]
for fmt, args in cases:
    try:
        print(fmt.format(*args))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
