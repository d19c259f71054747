def f():
    for i in x:
        try:
            try:
                if i:
                    break
                continue
            finally:
                g()
        finally:
            h()
    return 1
