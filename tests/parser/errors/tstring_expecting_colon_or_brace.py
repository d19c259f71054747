t'{x!r y}'
