f(a,
  'b,
  c)
