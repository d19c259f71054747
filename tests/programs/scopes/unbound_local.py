count = 0
def bump():
    try:
        count += 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
bump()
def cond(flag):
    if flag:
        v = 1
    return v
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
try:
    print(undefined_global_xyz)
except NameError as e:
    print("NameError", e)
def uses_del():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return str(e)
print(uses_del())
