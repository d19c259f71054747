from _pkg.circ_b import b_value
a_value = 1
