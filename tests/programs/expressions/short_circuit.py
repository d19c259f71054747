def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t("") or t("last"))
print(t(1) or t(2))
print(t(1) < t(2) < t(0) < t(5))
print(t(None) is None or t("skipped"))
r = t([]) if t(False) else t("else-branch")
print(r)
