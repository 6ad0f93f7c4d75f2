name = input()
greeting = f"Hello, {name}!"
length = len(greeting)
print(greeting)
