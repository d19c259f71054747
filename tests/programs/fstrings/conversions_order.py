class T:
    def __str__(self):
        return "str"
    def __repr__(self):
        return "repr"
    def __format__(self, spec):
        return "format(" + spec + ")"
t = T()
print(f"{t}", f"{t!s}", f"{t!r}", f"{t!a}", f"{t:x}", f"{t!s:>6}", f"{t=}", f"{t=:y}", f"{t=!s}")
log = []
def v(n):
    log.append(n)
    return n
print(f"{v(1)}{v(2)}{v(3):{v(4)}}", log)
