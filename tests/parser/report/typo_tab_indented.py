if x:
	yeld 1
