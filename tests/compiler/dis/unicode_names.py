été = 1
print(été)
