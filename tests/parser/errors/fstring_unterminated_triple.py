x = f'''abc {y}
