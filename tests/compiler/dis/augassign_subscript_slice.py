a[i:j] += b
a[i:j:k] += c
