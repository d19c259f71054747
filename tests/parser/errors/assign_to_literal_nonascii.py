s = 'ñandú'
'é' = s
