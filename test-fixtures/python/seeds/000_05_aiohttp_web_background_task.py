import asyncio
from aiohttp import web
import time
# 模拟数据库查询
async def query_database(query_id: int) -> dict:
    await asyncio.sleep(0.5) # 模拟IO
    return {'id': query_id, 'data': f'结果{query_id}', 'timestamp': time.time()}
# 模拟外部API调用
async def call_external_api(api_name: str) -> str:
    await asyncio.sleep(0.3) # 模拟IO
    return f"{api_name} 响应"
# 处理请求的handler
async def handle_request(request: web.Request) -> web.Response:
    request_id = request.match_info.get('id', '0')
    # 使用结构化并发并行执行多个任务
    async with asyncio.TaskGroup() as tg:
        db_task = tg.create_task(query_database(int(request_id)))
        api1_task = tg.create_task(call_external_api("API-1"))
        api2_task = tg.create_task(call_external_api("API-2"))
    # 收集结果
    db_result = db_task.result()
    api1_result = api1_task.result()
    api2_result = api2_task.result()
    response_data = {
        'request_id': request_id,
        'database': db_result,
        'external_apis': [api1_result, api2_result],
        'processing_time': time.time() - db_result['timestamp']
    }
    return web.json_response(response_data)
# 后台健康检查任务
async def health_check(app: web.Application):
    while True:
        print(f"[健康检查] 服务运行中... 时间: {time.strftime('%H:%M:%S')}")
        await asyncio.sleep(5)
# 启动后台任务
async def start_background_tasks(app: web.Application):
    app['health_task'] = asyncio.create_task(health_check(app))
# 清理后台任务
async def cleanup_background_tasks(app: web.Application):
    app['health_task'].cancel()
    await app['health_task']
def create_app():
    app = web.Application()
    app.router.add_get('/api/data/{id}', handle_request)
    app.on_startup.append(start_background_tasks)
    app.on_cleanup.append(cleanup_background_tasks)
    return app
if __name__ == '__main__':
    app = create_app()
    web.run_app(app, host='0.0.0.0', port=8080)
