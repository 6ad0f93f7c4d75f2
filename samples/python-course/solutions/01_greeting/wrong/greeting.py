name = input()
greeting = "Hello " + name
length = len(greeting)
print(greeting)
