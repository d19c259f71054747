def none1():
    return
def none2():
    pass
def tup():
    return 1, 2
def early(x):
    if x:
        return "early"
    return "late"
def multi_exit(x):
    for i in range(10):
        if i == x:
            return i * 10
    else:
        return -1
print(none1(), none2(), tup(), early(1), early(0), multi_exit(3), multi_exit(20))
