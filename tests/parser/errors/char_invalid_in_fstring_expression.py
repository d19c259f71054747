f'{a € b}'
