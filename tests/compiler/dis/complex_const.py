a = 1j
b = 1 + 2j
c = -1j
