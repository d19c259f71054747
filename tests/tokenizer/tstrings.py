t'a{x}b' T"{x!r:>10}" tr'\d{x}' Rt'{x=}' t'{{}}'
t'''{
x}'''
