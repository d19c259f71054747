# expect-stderr
def validate(records):
    errors = []
    for i, r in enumerate(records):
        try:
            if not isinstance(r, int):
                raise TypeError(f"record {i} is {type(r).__name__}")
            if r < 0:
                raise ValueError(f"record {i} is negative")
        except (TypeError, ValueError) as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("validation failed", errors)
validate([1, -2, "x", 3])
