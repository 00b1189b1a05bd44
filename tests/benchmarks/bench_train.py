"""훈련 루프 벤치마크: dl.train.fit() 이 맨 엔진 루프보다 얼마나 느린지 잽니다.

비교하는 두 구현은 같은 신경망(같은 시드의 가중치), 같은 옵티마이저, 같은 미니배치
(같은 seed의 dl.data.MiniBatches), 같은 에폭 수를 씁니다.

- 맨 루프(bare): dl.nn / dl.optim 을 손으로 부르는 가장 짧은 루프
      for Xb, yb in batches: forward -> loss.forward -> backward -> opt.update
- fit(): 같은 일을 하면서 손실·정확도·학습률 기록, 발산 검사, (켜면) 모니터 기록까지 합니다.

세 가지(맨 루프, 모니터 없는 fit, 모니터를 모두 켠 fit, monitor_every=1)를 한 프로세스 안에서
번갈아(interleaved) 여러 번 재고, 중앙값의 비율을 출력합니다. 절대 시간은 기계마다
다르므로 비율만 봅니다.

목표: 모니터 없이 fit / 맨 루프 <= 1.2,  모든 모니터를 켜고 <= 2.0.

실행:  python tests/benchmarks/bench_train.py            (약 20초)
       python tests/benchmarks/bench_train.py --profile  (목표를 넘을 때 어디서 시간을 쓰는지)
"""

from __future__ import annotations

import os

# numpy를 불러오기 전에 스레드 수를 1로 고정해야 BLAS가 따릅니다.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

import dlcourse as dl  # noqa: E402

TARGET_PLAIN = 1.2
TARGET_MONITORS = 2.0
SEED = 0


def tiny_case():
    """2-8-2, 점 200개 (moons), 미니배치 32."""
    X, y = dl.data.moons(n_samples=200, noise=0.1, seed=0)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return {"name": "2-8-2 moons", "sizes": [2, 8, 2], "activation": "relu",
            "X": X, "y": y, "batch_size": 32, "epochs": 30}


def medium_case():
    """64-128-128-10, digits 1797개, 미니배치 64."""
    X, y = dl.data.digits()
    X = X / 16.0
    return {"name": "64-128-128-10 digits", "sizes": [64, 128, 128, 10], "activation": "relu",
            "X": X, "y": y, "batch_size": 64, "epochs": 2}


def make_net_and_optimizer(case):
    net = dl.nn.mlp(case["sizes"], activation=case["activation"], seed=SEED)
    opt = dl.optim.Adam(learning_rate=0.01)
    return net, opt


def bare_loop(case, net, opt):
    """fit()이 하는 계산만 손으로 적은 루프입니다."""
    loss = dl.nn.SoftmaxCrossEntropy()
    batches = dl.data.MiniBatches(case["X"], case["y"], batch_size=case["batch_size"], seed=SEED)
    params, grads = net.params, net.grads
    net.train()
    for _ in range(case["epochs"]):
        for Xb, yb in batches:
            out = net.forward(Xb)
            loss.forward(out, yb)
            net.backward(loss.backward())
            opt.update(params, grads)


def fit_plain(case, net, opt):
    dl.train.fit(net, case["X"], case["y"], loss="cross_entropy", optimizer=opt,
                 epochs=case["epochs"], batch_size=case["batch_size"], seed=SEED)


def fit_monitored(case, net, opt):
    dl.train.fit(net, case["X"], case["y"], loss="cross_entropy", optimizer=opt,
                 epochs=case["epochs"], batch_size=case["batch_size"], seed=SEED,
                 monitors=True, monitor_every=1)


RUNNERS = {"bare": bare_loop, "fit": fit_plain, "fit+monitors": fit_monitored}


def check_same_result(case):
    """맨 루프와 fit()이 정말 같은 계산을 하는지 먼저 확인합니다 (같은 최종 가중치)."""
    finals = {}
    for key, run in RUNNERS.items():
        net, opt = make_net_and_optimizer(case)
        run(case, net, opt)
        finals[key] = net.params
    for key in ("fit", "fit+monitors"):
        for name, value in finals["bare"].items():
            if not np.array_equal(value, finals[key][name]):
                raise SystemExit(f"{case['name']}: {key} 의 가중치 {name} 가 맨 루프와 다릅니다.")


def time_once(case, run, repeats):
    """새 신경망과 옵티마이저로 repeats 번 훈련하는 데 걸린 시간 (준비 시간은 빼고)."""
    total = 0.0
    for _ in range(repeats):
        net, opt = make_net_and_optimizer(case)
        start = time.perf_counter()
        run(case, net, opt)
        total += time.perf_counter() - start
    return total / repeats


def bench_case(case, rounds=31):
    """라운드마다 세 구현을 바로 이어서 재고 (순서는 라운드마다 뒤집습니다), 그 라운드 안의
    비율 fit / bare 를 구합니다. 다른 프로세스 때문에 기계가 느려졌다 빨라져도 같은 라운드의
    세 측정은 같은 영향을 받으므로, 라운드별 비율의 중앙값이 따로 잰 중앙값끼리의 비율보다
    덜 흔들립니다."""
    probe = time_once(case, bare_loop, 2)
    repeats = max(1, int(0.03 / max(probe, 1e-6)))  # 한 번 측정이 약 30 ms
    for run in RUNNERS.values():  # 예열
        time_once(case, run, repeats)
    ratios = {"fit": [], "fit+monitors": []}
    order = list(RUNNERS)
    for _ in range(rounds):
        times = {key: time_once(case, RUNNERS[key], repeats) for key in order}
        order.reverse()
        for key in ratios:
            ratios[key].append(times[key] / times["bare"])
    return {key: statistics.median(values) for key, values in ratios.items()}


def profile_case(case, run):
    import cProfile
    import pstats

    net, opt = make_net_and_optimizer(case)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        run(case, net, opt)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main(argv):
    cases = [tiny_case(), medium_case()]
    if "--profile" in argv:
        for case in cases:
            for key in ("fit", "fit+monitors"):
                print(f"==== {case['name']} / {key}")
                profile_case(case, RUNNERS[key])
        return
    print("fit() / 맨 엔진 루프 시간 비율 (중앙값, 한 프로세스에서 번갈아 측정, 1스레드, float64)")
    print(f"{'경우':<24}{'배치':>6}{'단계':>6}{'fit':>8}{'목표':>6}{'fit+모니터':>12}{'목표':>6}")
    missed = []
    for case in cases:
        check_same_result(case)
        ratios = bench_case(case)
        steps = case["epochs"] * dl.data.n_batches(len(case["X"]), case["batch_size"])
        plain, monitored = ratios["fit"], ratios["fit+monitors"]
        print(f"{case['name']:<24}{case['batch_size']:>6}{steps:>6}{plain:>8.2f}{TARGET_PLAIN:>6.1f}"
              f"{monitored:>12.2f}{TARGET_MONITORS:>6.1f}")
        if plain > TARGET_PLAIN:
            missed.append(f"{case['name']} (fit)")
        if monitored > TARGET_MONITORS:
            missed.append(f"{case['name']} (fit+모니터)")
    print("목표 달성" if not missed else f"목표를 넘은 경우: {', '.join(missed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
