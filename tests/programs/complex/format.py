z = 1.5 - 2.25j
print(format(z, ""), format(z, ".1f"), format(z, "^20"), format(z, "+.2e"), f"{z:g}", f"{1j:}", f"{complex(1, 0)}")
print(str(complex(0, 1)), str(complex(1, 0)), repr(complex(-0.0, -0.0)), hash(1 + 0j) == hash(1), hash(2j))
print((1 + 2j).__eq__(1 + 2j), (1 + 0j) == 1.0, complex.__name__, (2j).imag, (2 + 0j) != 2)
