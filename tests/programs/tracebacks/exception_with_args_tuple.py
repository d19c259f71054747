# expect-stderr
raise OSError(13, "Permission denied", "secret.txt")
