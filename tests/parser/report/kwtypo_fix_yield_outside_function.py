yeld 1
