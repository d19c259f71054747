l = [1, 2, 3]
for code in ["l[3]", "l[-4]", "l.pop(5)", "[].pop()", "l.remove(9)", "l.index(9)", "l['x']", "l[1:2:0]", "l.sort(key=1)", "[1, 'a'].sort()", "del l[7]", "l.insert('a', 1)"]:
    try:
        exec(code)
        print(code, "ok")
    except Exception as e:
        print(code, "->", type(e).__name__, e)
