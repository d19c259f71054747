x = f'''{
    1 +
    2
}'''
y = f'{ # comment
3}'
