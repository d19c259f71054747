def f(): passs pass
