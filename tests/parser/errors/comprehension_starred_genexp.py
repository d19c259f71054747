list(*x for x in y)
