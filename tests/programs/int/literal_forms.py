print(0x_ff, 0o_17, 0b_1010, 1_000, 0XAB, 0O7, 0B1, 00)
print(1_2_3 + 4_5)
print(0xdead_beef, 0o777_777, 0b1111_0000)
