print(2 ** 1j, (1j) ** 0.5, (-1) ** 0.5, pow(1 + 1j, 3), (1 + 1j) ** -1, 0j ** 0)
print(1 + 1.5j + 2 + True, 3 * (1 - 1j), abs(-3j), complex(2, 3) * 0)
class C:
    def __complex__(self):
        return 5j
print(complex(C()))
