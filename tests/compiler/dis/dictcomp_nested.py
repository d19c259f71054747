d = {k: [v for v in vs] for k, vs in items}
