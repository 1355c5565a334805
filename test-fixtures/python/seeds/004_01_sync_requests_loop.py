for url in urls:
    response = requests.get(url)  # 每次阻塞 200~2000ms
