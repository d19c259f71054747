f"{x}" improt
