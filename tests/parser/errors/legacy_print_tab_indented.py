if x:
	print x
