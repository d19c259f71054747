def f(ds):
    return {**d for d in ds}
