# leading comment

x = 1  # trailing
    # indented comment

#
def f():
    # inside
    pass
# type: ignore
x = 1  # type: int
