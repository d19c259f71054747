x = [1,
     2] improt
