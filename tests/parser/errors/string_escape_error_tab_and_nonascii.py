if x:
	s = 'éé' + '\N{nope}'
