x = bu''
