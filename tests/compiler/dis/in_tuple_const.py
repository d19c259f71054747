if x in (1, 2):
    pass
if y not in ['a', 'b']:
    pass
