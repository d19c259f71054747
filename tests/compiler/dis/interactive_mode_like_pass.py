pass
pass
