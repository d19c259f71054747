z = complex(1, 2)
print(z * 1j, z / 1j, z ** 0, z ** 1, z ** 2, z ** -1, z ** 0.5, abs(complex(3e200, 4e200)))
print(complex(1, 2) == complex(1.0, 2.0), complex(1, 0) == 1, complex(0, 1) != 1j, (1 + 2j).conjugate().conjugate())
print(complex("1e3j"), complex("-j"), complex("(1+2j)"), complex(" ( 3 ) "), complex(real=5), complex(imag=2), complex(1, 1))
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError", e)
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print("OverflowError", e)
