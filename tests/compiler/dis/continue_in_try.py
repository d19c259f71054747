for i in x:
    try:
        continue
    finally:
        f()
