x = tf''
