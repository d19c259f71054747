def run(command):
    match command.split():
        case ["go", direction] if direction in ("north", "south"):
            return f"going {direction}"
        case ["go", _]:
            return "can't go that way"
        case ["pick", "up", *items] if items:
            return f"picking {', '.join(items)}"
        case ["drop", item] | ["put", "down", item]:
            return f"dropping {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "say something"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
for c in ["go north", "go west", "pick up key lamp", "pick up", "drop sword", "put down shield", "exit", "", "dance wildly"]:
    print(repr(c), "->", run(c))
