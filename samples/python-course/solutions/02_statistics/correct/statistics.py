import numpy as np
import matplotlib.pyplot as plt

marks = [int(token) for token in open("marks.txt").read().split()]
mean = 0.0
for mark in marks:
    mean += mark / len(marks)
spread = float(np.std(marks))
best = min(marks)
plt.hist(marks, bins=5)
plt.title("Marks")
