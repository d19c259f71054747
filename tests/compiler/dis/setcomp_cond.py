s = {x for x in y if x if not z}
