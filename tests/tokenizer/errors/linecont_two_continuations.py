x = "a" \
   "b" \
  \x
