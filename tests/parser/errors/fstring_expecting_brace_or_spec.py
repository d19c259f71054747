f'{a:{b}c'
