s = 'ñandú'; x = = 1
