x \
