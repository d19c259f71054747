if x:
  a
 \
  b
