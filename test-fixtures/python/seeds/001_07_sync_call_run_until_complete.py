# 在同步环境中运行协程
def sync_call():
    return asyncio.get_event_loop().run_until_complete(async_func())  # expect: no-legacy-event-loop
# 或者使用nest_asyncio
import nest_asyncio
nest_asyncio.apply()
