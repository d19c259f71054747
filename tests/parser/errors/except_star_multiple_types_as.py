try:
    pass
except* A, B, C as e:
    pass
