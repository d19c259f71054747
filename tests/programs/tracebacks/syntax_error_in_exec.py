# expect-stderr
program = """
def ok():
    return 1
def broken()
    return 2
"""
exec(program)
