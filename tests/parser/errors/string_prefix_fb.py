x = fb'{a}'
