x
   