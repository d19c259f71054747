x = f'''a
{x
 + 1}
b{y:
>10}'''
y = f"""{
  x  # comment
}"""
z = f'abc\
def{x}'
w = f'{x
}'
