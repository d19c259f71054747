x = rbt'{a}'
