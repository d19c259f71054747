f(**a=b)
