x = (a -
     not b)
