x = TF'{a}'
