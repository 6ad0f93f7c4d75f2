import numpy as np
import matplotlib.pyplot as plt

with open("marks.txt") as source:
    marks = [int(token) for token in source.read().split()]

total = 0
for mark in marks:
    total += mark
mean = total / len(marks)
spread = float(np.std(marks))
best = min(marks)

plt.hist(marks, bins=5)
plt.title("Marks")
