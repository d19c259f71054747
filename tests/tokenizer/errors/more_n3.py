1.__class__
1e1_0 1e_1
