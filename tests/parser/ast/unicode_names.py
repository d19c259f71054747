ℌ = 1
ﬁle = 2
print(ℌ, ﬁle)
def ｆ(ａ): return ａ
class Ⅸ: pass
