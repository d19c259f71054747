# expect-stderr
def fail(i):
    try:
        {}[i]
    except KeyError as e:
        raise ValueError(f"bad {i}") from e
errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
g = ExceptionGroup("with causes", errors)
g.add_note("note 1")
raise g
