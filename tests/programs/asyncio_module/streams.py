# asyncio streams over loopback: start_server + open_connection on 127.0.0.1 port 0, and a
# socketpair wrapped with open_connection(sock=...).
import asyncio
import socket

async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print(host, port > 0, server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for msg in [b"hello\n", b"world\n", b"x" * 50000 + b"\n"]:
        writer.write(msg)
        await writer.drain()
        line = await reader.readline()
        print(len(line), line[:10])
    writer.write_eof()
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("server closed", server.is_serving())

    a, b = socket.socketpair()
    r1, w1 = await asyncio.open_connection(sock=a)
    r2, w2 = await asyncio.open_connection(sock=b)
    w1.write(b"ping")
    print(await r2.readexactly(4))
    w2.writelines([b"po", b"ng"])
    print(await r1.readexactly(4))
    w1.close()
    await w1.wait_closed()
    print(await r2.read(), r2.at_eof())
    w2.close()
    await w2.wait_closed()

    try:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
        probe.close()
        await asyncio.open_connection("127.0.0.1", closed)
    except ConnectionRefusedError as e:
        print("refused", e.errno)

asyncio.run(main())
