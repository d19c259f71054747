a[b:=1]
a[b:=1, c:=2]
print(a[(c := 2)])
