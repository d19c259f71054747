if x:
  a
  # c
 # d
b
