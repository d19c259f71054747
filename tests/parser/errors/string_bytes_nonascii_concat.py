x = b'a' b'ä'
