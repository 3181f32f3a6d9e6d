"""numpy references for docs/performance.md (not part of the build; needs python3 + numpy).

1. One iteration of the XOR tutorial's own code (000_*.txt): 3-4-1 sigmoid, sse, eta = 1.
2. One 784-64-10 sigmoid step with biases, mse, mini-batch 32 cycling over 320 random samples,
   Xavier init, eta = 0.1: the same work as DenseBench.step.

Run:  OPENBLAS_NUM_THREADS=1 python3 src/bench/python/numpy_reference.py
With --serve it times nothing itself: it reads a number n per line from stdin, runs n dense steps and answers
"ok", so that JMH (NumpyDenseBench) measures numpy in the same run as the engine.
"""
import sys
import timeit

import numpy as np


def sigmoid(x):
    return 1.0 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    return sigmoid(x) * (1.0 - sigmoid(x))


X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], float)
y = np.array([[0], [1], [1], [0]], float)
np.random.seed(1)
w1 = np.random.rand(3, 4)
w2 = np.random.rand(4, 1)


def xor_iteration():
    global w1, w2
    layer1 = sigmoid(np.dot(X, w1))
    output = sigmoid(np.dot(layer1, w2))
    _ = (y - output) ** 2
    s1 = sigmoid_derivative(np.dot(X, w1))
    s2 = sigmoid_derivative(np.dot(layer1, w2))
    d2 = np.dot(layer1.T, 2 * (y - output) * s2)
    d1 = np.dot(X.T, np.dot(2 * (y - output) * s2, w2.T) * s1)
    w1 += d1
    w2 += d2


rng = np.random.default_rng(7)
XS = rng.random((320, 784))
YS = np.eye(10)[rng.integers(0, 10, 320)]
r1 = np.sqrt(6 / (784 + 64))
r2 = np.sqrt(6 / (64 + 10))
W1 = rng.uniform(-r1, r1, (784, 64))
B1 = np.zeros(64)
W2 = rng.uniform(-r2, r2, (64, 10))
B2 = np.zeros(10)
batch = [0]


def dense_step():
    global W1, B1, W2, B2
    i = batch[0]
    batch[0] = (i + 32) % 320
    xb = XS[i:i + 32]
    yb = YS[i:i + 32]
    a1 = sigmoid(xb @ W1 + B1)
    a2 = sigmoid(a1 @ W2 + B2)
    d2 = 2 * (a2 - yb) / 32 * a2 * (1 - a2)
    d1 = (d2 @ W2.T) * a1 * (1 - a1)
    loss = ((a2 - yb) ** 2).sum() / 32
    W2 -= 0.1 * (a1.T @ d2)
    B2 -= 0.1 * d2.sum(0)
    W1 -= 0.1 * (xb.T @ d1)
    B1 -= 0.1 * d1.sum(0)
    return loss


def serve():
    for line in sys.stdin:
        for _ in range(int(line)):
            dense_step()
        print("ok", flush=True)


if len(sys.argv) > 1 and sys.argv[1] == "--serve":
    serve()
    sys.exit(0)


for name, fn, n in (("xor tutorial iteration", xor_iteration, 20000), ("784-64-10 batch-32 step", dense_step, 500)):
    fn()
    best = min(timeit.repeat(fn, number=n, repeat=7)) / n
    print(f"{name}: {best * 1e6:.1f} us")
