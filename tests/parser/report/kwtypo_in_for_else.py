for x in y:
    pass
else:
    whille x:
        pass
