raise E from F
