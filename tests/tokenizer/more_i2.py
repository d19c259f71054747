  \
x
