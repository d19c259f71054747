([a]): int = 3
