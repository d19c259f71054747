t'{x! r}'
