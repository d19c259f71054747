try:
    pass
except A:
    pass
except B:
    imprt x
