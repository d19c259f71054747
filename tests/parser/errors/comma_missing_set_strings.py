s = {'a' 'b' c}
