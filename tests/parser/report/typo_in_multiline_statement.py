y = (1,
     2) whille
