# expect-stderr
if True:
    break
