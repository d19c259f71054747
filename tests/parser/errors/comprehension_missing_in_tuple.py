{x for a, b,}
