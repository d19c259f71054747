é = ru"x"
