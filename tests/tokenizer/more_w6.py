x = f'{
