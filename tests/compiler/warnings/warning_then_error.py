x is 1
return
