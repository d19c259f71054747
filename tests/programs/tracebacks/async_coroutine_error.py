# expect-stderr
async def fetch(n):
    if n > 2:
        raise ConnectionError(f"request {n} failed")
    return n
async def main():
    results = []
    for i in range(5):
        results.append(await fetch(i))
    return results
main().send(None)
