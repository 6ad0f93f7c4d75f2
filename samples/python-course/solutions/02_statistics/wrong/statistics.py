import numpy as np
import matplotlib.pyplot as plt

marks = [int(token) for token in open("marks.txt").read().split()]
mean = sum(marks) / len(marks)
spread = float(np.std(marks, ddof=1))
best = max(marks)
plt.hist(marks, bins=10)
plt.title("marks")
