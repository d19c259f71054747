print >> sys.stderr
print, x
