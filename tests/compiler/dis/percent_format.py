s = '%s and %r' % (a, b)
t = '%d' % (a,)
u = '%5s|%-3s' % (a, b)
