été = 1
日本 = 2
Δx = été + 日本
Ångström = 3
