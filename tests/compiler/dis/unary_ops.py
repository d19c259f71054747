r = (-a, +a, ~a, not a)
