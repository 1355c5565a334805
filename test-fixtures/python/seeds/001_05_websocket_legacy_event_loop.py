# fixture note: the article's `str(datetime.now())` lacked its closing parenthesis; one `)` was added so the file parses.
async def handle_websocket(websocket, path):
    async for message in websocket:
        if message == "ping":
            await websocket.send("pong")
        elif message == "time":
            await websocket.send(str(datetime.now()))
start_server = websockets.serve(
    handle_websocket, "localhost", 8765)
asyncio.get_event_loop().run_until_complete(start_server)  # expect: no-legacy-event-loop
asyncio.get_event_loop().run_forever()
