import asyncio
from functools import wraps
from typing import Any, Callable
import time
def async_cache(ttl: int = 300):
    """异步缓存装饰器"""
    cache = {}
    def decorator(func: Callable):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            # 生成缓存键
            cache_key = (args, tuple(kwargs.items()))
            # 检查缓存
            if cache_key in cache:
                cached_value, timestamp = cache[cache_key]
                if time.time() - timestamp < ttl:
                    return cached_value
            # 执行函数
            result = await func(*args, **kwargs)
            # 更新缓存
            cache[cache_key] = (result, time.time())
            return result
        return wrapper
    return decorator
@async_cache(ttl=60) # 缓存60秒
async def expensive_operation(user_id: int):
    print(f"Performing expensive operation for user {user_id}")
    await asyncio.sleep(2) # 模拟耗时操作
    return {"user_id": user_id, "data": "expensive_result"}
async def main():
    # 第一次调用,会执行操作
    result1 = await expensive_operation(1)
    print(f"Result 1: {result1}")
    # 第二次调用,从缓存获取
    result2 = await expensive_operation(1)
    print(f"Result 2: {result2}")
    # 不同的参数,会重新执行
    result3 = await expensive_operation(2)
    print(f"Result 3: {result3}")
asyncio.run(main())
