f'a' 'b' f'c'
