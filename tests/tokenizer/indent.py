if x:
    a
    if y:
        b

        c
    d
else:
	pass
for i in x:
  \
  y
  z
