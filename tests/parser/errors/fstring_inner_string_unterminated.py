f'{"abc}'
