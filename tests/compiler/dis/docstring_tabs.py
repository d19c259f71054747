def f():
	'''First.

	Indented with a tab.
	    more
	'''
