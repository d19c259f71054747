t'{x:{y}z'
