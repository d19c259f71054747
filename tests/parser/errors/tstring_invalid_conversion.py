t'{x!q}'
