x = ~ not y
