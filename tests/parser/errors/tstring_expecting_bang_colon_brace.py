t'{x=y}'
