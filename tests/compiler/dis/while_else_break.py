while x:
    if y:
        break
else:
    z()
