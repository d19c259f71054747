x = 0o7x
