class TrafficLight:
    transitions = {"red": ("green", 3), "green": ("yellow", 2), "yellow": ("red", 1)}
    def __init__(self):
        self.state = "red"
        self.log = []
    def tick(self):
        nxt, dur = self.transitions[self.state]
        self.log.append(f"{self.state}->{nxt}({dur})")
        self.state = nxt
    def run(self, n):
        for _ in range(n):
            self.tick()
        return self
t = TrafficLight().run(7)
print(t.state, t.log)
def parse_number(s):
    state = "start"
    for ch in s:
        match state, ch:
            case "start", "+" | "-":
                state = "sign"
            case ("start" | "sign" | "int"), d if d.isdigit():
                state = "int"
            case "int", ".":
                state = "dot"
            case ("dot" | "frac"), d if d.isdigit():
                state = "frac"
            case _:
                return False
    return state in ("int", "frac")
print([(s, parse_number(s)) for s in ["12", "-3.5", "+.5", "4.", "1.2.3", "", "007"]])
