x = Fals or Treu
y = x nott in z
