try:
    pass
except* ValueError:
    pass
try:
    pass
except A, B:
    pass
