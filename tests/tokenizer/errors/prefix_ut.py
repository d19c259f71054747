x = ut''
