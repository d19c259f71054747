def run(program):
    stack, vars_, pc, out = [], {}, 0, []
    lines = program.strip().splitlines()
    labels = {l.split()[1]: i for i, l in enumerate(lines) if l.startswith("label")}
    while pc < len(lines):
        op, *args = lines[pc].split()
        pc += 1
        match op:
            case "push": stack.append(int(args[0]))
            case "load": stack.append(vars_[args[0]])
            case "store": vars_[args[0]] = stack.pop()
            case "add": stack.append(stack.pop() + stack.pop())
            case "mul": stack.append(stack.pop() * stack.pop())
            case "dec": stack.append(stack.pop() - 1)
            case "print": out.append(stack.pop())
            case "jnz":
                if stack.pop():
                    pc = labels[args[0]]
            case "label": pass
            case _: raise ValueError(f"bad op {op}")
    return out
prog = """
push 1
store acc
push 10
store n
label loop
load acc
load n
mul
store acc
load n
dec
store n
load n
jnz loop
load acc
print
"""
print(run(prog))
try:
    run("push 1\nfrobnicate")
except ValueError as e:
    print("ValueError", e)
