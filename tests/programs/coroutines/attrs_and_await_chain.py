import sys
async def leaf():
    return "leaf"
async def mid():
    return (await leaf()) + ">mid"
async def top():
    return (await mid()) + ">top"
c = top()
print(c.cr_running, c.cr_await, c.cr_code.co_name, c.cr_frame is not None, c.cr_suspended)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(c.cr_frame)
c = top()
c.close()
print("closed unstarted ok")
