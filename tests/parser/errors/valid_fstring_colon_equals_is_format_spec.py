f'{x:=10}' and f'{y:=}'
