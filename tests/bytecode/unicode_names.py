café = "é"
naïve = [café]
def ñ(σ):
    return σ * 2
class Δ:
    π = 3.14
print(Δ.π, ñ("x"), "\N{SNOWMAN}", "\x00\x7f\x80", "tab\there")
