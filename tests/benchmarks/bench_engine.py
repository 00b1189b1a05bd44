"""엔진 벤치마크: 훈련 한 단계의 시간을 세 가지 구현으로 잽니다.

- dlcourse: net.forward -> loss.forward -> loss.backward -> net.backward -> opt.update
- 최소 NumPy 루프: 같은 계산을 손으로 쓴 가장 짧은 NumPy 코드
- PyTorch eager (CPU, float64)

세 구현을 한 프로세스 안에서 번갈아(interleaved) 여러 번 재고, 각 구현의 중앙값으로
비율을 계산해 출력합니다. 절대 시간은 기계마다 다르므로 비율이 기준입니다.
목표 (design.md): 작은 신경망에서 dlcourse / 최소 루프 <= 1.3, 784-256-256-10 에서 <= 1.1.

실행:  python tests/benchmarks/bench_engine.py
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

import dlcourse as dl  # noqa: E402

try:
    import torch  # noqa: E402

    torch.set_num_threads(1)
except ImportError:  # torch는 테스트 전용 의존성입니다.
    torch = None

LR = 0.01

# (이름, 층 크기, 배치 크기, 은닉 활성화)
CASES = [
    ("2-3-2", [2, 3, 2], 4, "sigmoid"),
    ("4-16-3", [4, 16, 3], 150, "sigmoid"),
    ("2-64-64-64-3", [2, 64, 64, 64, 3], 300, "relu"),
    ("784-256-256-10", [784, 256, 256, 10], 128, "relu"),
]
TARGETS = {"2-3-2": 1.3, "4-16-3": 1.3, "2-64-64-64-3": 1.3, "784-256-256-10": 1.1}


def make_data(sizes, batch, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((batch, sizes[0]))
    y = rng.integers(0, sizes[-1], size=batch)
    return X, y


def dlcourse_step_fn(sizes, activation, X, y):
    net = dl.nn.mlp(sizes, activation=activation, seed=0)
    loss = dl.nn.SoftmaxCrossEntropy()
    opt = dl.optim.SGD(learning_rate=LR)
    # fit()과 같이 매개변수/기울기 사전을 한 번 꺼내 둡니다 (배열은 층이 들고 있는 바로 그 배열).
    params, grads = net.params, net.grads

    def step():
        logits = net.forward(X)
        loss.forward(logits, y)
        net.backward(loss.backward())
        opt.update(params, grads)

    return step


def minimal_step_fn(sizes, activation, X, y):
    """교과서처럼 손으로 쓴 최소 구현. 가중치는 dlcourse와 같은 값에서 시작합니다."""
    net = dl.nn.mlp(sizes, activation=activation, seed=0)
    Ws = [layer.W.copy() for layer in net.layers if hasattr(layer, "W")]
    bs = [layer.b.copy() for layer in net.layers if hasattr(layer, "W")]
    n = X.shape[0]
    onehot = np.zeros((n, sizes[-1]))
    onehot[np.arange(n), y] = 1.0
    sigmoid = activation == "sigmoid"

    def step():
        hs = [X]
        h = X
        for W, b in zip(Ws[:-1], bs[:-1], strict=True):
            z = h @ W + b
            h = 1.0 / (1.0 + np.exp(-z)) if sigmoid else np.maximum(z, 0.0)
            hs.append(h)
        logits = h @ Ws[-1] + bs[-1]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        _ = -np.sum(onehot * np.log(p)) / n
        d = (p - onehot) / n
        for i in range(len(Ws) - 1, -1, -1):
            dW = hs[i].T @ d
            db = d.sum(axis=0)
            if i > 0:
                d = d @ Ws[i].T
                d = d * hs[i] * (1.0 - hs[i]) if sigmoid else d * (hs[i] > 0)
            Ws[i] -= LR * dW
            bs[i] -= LR * db

    return step


def torch_step_fn(sizes, activation, X, y):
    net = dl.nn.mlp(sizes, activation=activation, seed=0)
    mods = []
    dense = [layer for layer in net.layers if hasattr(layer, "W")]
    for i, layer in enumerate(dense):
        lin = torch.nn.Linear(layer.fan_in, layer.fan_out).double()
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(layer.W.T))
            lin.bias.copy_(torch.from_numpy(layer.b))
        mods.append(lin)
        if i < len(dense) - 1:
            mods.append(torch.nn.Sigmoid() if activation == "sigmoid" else torch.nn.ReLU())
    model = torch.nn.Sequential(*mods)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    Xt = torch.from_numpy(X)
    yt = torch.from_numpy(y)

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(Xt), yt)
        loss.backward()
        opt.step()

    return step


def time_once(step, repeats):
    start = time.perf_counter()
    for _ in range(repeats):
        step()
    return (time.perf_counter() - start) / repeats


def bench_case(name, sizes, batch, activation, rounds=15):
    X, y = make_data(sizes, batch)
    steps = {
        "dlcourse": dlcourse_step_fn(sizes, activation, X, y),
        "minimal": minimal_step_fn(sizes, activation, X, y),
    }
    if torch is not None:
        steps["torch"] = torch_step_fn(sizes, activation, X, y)
    # 한 번의 측정이 약 20 ms 가 되도록 반복 횟수를 정합니다.
    probe = time_once(steps["minimal"], 5)
    repeats = max(1, int(0.02 / max(probe, 1e-7)))
    for step in steps.values():  # 예열
        time_once(step, repeats)
    samples = {key: [] for key in steps}
    for _ in range(rounds):
        for key, step in steps.items():
            samples[key].append(time_once(step, repeats))
    return {key: statistics.median(vals) for key, vals in samples.items()}


def main():
    print("훈련 한 단계 시간 비율 (중앙값, 한 프로세스에서 번갈아 측정, 1스레드, float64)")
    header = f"{'신경망':<16}{'배치':>6}{'dlcourse/최소':>16}{'목표':>8}{'torch/최소':>14}{'dlcourse/torch':>17}"
    print(header)
    results = {}
    for name, sizes, batch, activation in CASES:
        t = bench_case(name, sizes, batch, activation)
        ratio = t["dlcourse"] / t["minimal"]
        results[name] = ratio
        torch_part = (
            f"{t['torch'] / t['minimal']:>14.2f}{t['dlcourse'] / t['torch']:>17.2f}"
            if "torch" in t
            else f"{'-':>14}{'-':>17}"
        )
        print(f"{name:<16}{batch:>6}{ratio:>16.2f}{TARGETS[name]:>8.1f}{torch_part}")
    failed = [n for n, r in results.items() if r > TARGETS[n]]
    print("목표 달성" if not failed else f"목표를 넘은 경우: {', '.join(failed)}")


if __name__ == "__main__":
    main()
