x = fb''
