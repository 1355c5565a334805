import asyncio
import logging
from functools import wraps
# 配置日志
logging.basicConfig(level=logging.DEBUG)
logger = logging.getLogger(__name__)
def async_logging(func):
    @wraps(func)
    async def wrapper(*args, **kwargs):
        logger.debug(f"Starting {func.__name__} with args={args}, kwargs={kwargs}")
        try:
            result = await func(*args, **kwargs)
            logger.debug(f"Completed {func.__name__} with result={result}")
            return result
        except Exception as e:
            logger.error(f"Failed {func.__name__}: {e}", exc_info=True)
            raise
    return wrapper
@async_logging
async def monitored_operation(duration: float):
    await asyncio.sleep(duration)
    return {"duration": duration, "status": "completed"}
async def main():
    tasks = [
        monitored_operation(0.1),
        monitored_operation(0.2),
        monitored_operation(0.3)
    ]
    results = await asyncio.gather(*tasks)
    logger.info(f"All tasks completed: {results}")
asyncio.run(main())
