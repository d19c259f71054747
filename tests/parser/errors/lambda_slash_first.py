lambda /, a: 0
