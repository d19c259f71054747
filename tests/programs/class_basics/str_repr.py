class Both:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
class OnlyRepr:
    def __repr__(self):
        return "only repr"
class OnlyStr:
    def __str__(self):
        return "only str"
print(Both(), str(Both()), repr(Both()), [Both()], f"{Both()}", "%s %r" % (Both(), Both()))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(OnlyStr(), [OnlyStr()][0].__str__())
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)
class BadRepr:
    def __repr__(self):
        return None
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
