obj.method(1, 2) = value
