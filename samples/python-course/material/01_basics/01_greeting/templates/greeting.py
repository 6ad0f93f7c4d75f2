# Read a name with input() and store it in `name`.
# Store "Hello, <name>!" in `greeting`, its length in `length`, and print the greeting.
