x = uf''
