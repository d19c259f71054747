print('Hello' name 'and' other '!')
