import sys
print(sys.float_repr_style)
print(repr(0.1), repr(1e16), repr(1/3))
