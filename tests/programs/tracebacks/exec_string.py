# expect-stderr
code = "x = 1\ny = x + 'a'\n"
exec(code)
