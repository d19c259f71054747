x = 1.5xyz
