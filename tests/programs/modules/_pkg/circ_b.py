from _pkg.circ_a import a_value
b_value = 2
