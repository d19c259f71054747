def f(): passs
    return 1
