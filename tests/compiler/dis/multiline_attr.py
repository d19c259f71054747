x = (a
     .b
     .c())
