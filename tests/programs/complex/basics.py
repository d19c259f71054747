z = 3 + 4j
print(z, repr(z), z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(z + 1, z - 1j, z * z, z / 2, z / (1 + 1j), z ** 2, 1j ** 2, (1 + 2j) == complex(1, 2))
print(complex(), complex(1), complex(1, 2), complex("1+2j"), complex(" 3-4j "), complex("j"), complex("-1.5e2j"))
print(complex(1.5, -0.0), complex(-0.0, 0.0), 1j * 1j, 0j, -0j, complex("inf+nanj"))
for bad in ["1+", "abc", "1 + 2j", None]:
    try:
        complex(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
