print('a', 'b', sep='', end='\n', file=sys.stderr)
