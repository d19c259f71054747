type X = int
improt os
