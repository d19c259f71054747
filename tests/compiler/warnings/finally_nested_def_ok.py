try:
    pass
finally:
    def g():
        return 1
