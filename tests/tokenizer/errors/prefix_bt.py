x = bt''
