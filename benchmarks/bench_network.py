"""Time one training epoch of a 784-128-10 ReLU network: nnref against PyTorch on the CPU.

Work (the same on both sides): 10,000 float32 samples of 784 features and 10 classes, one
epoch of mini-batches of 64 in a shuffled order, ``Dense(784, 128)`` → ReLU →
``Dense(128, 10)``, cross-entropy on the logits, plain SGD with lr 0.01. Both networks start
from the same weights and visit the batches in the same order, so after the epoch their
weights agree up to float32 rounding (printed as the largest difference).

The nnref time is that of ``Sequential.fit(..., epochs=1)`` as a user calls it, input checks
included. The PyTorch loop is the idiomatic one: index a batch, forward, ``cross_entropy``,
``zero_grad``, ``backward``, ``step``. PyTorch is optional; without it only nnref is timed.

Run: ``python benchmarks/bench_network.py [--samples N] [--batch B] [--repeat R] [--threads T]``
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from nnref.network import mlp

try:
    import torch
except ImportError:  # PyTorch is optional
    torch = None


def best_time(run: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def make_data(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-like inputs in [0, 1) and labels that depend on them (so training means something)."""
    rng = np.random.default_rng(seed)
    X = rng.random((n, 784), dtype=np.float32)
    y = (X[:, :10].argmax(axis=1)).astype(np.int64)
    return X, y


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument(
        "--threads", type=int, default=0, help="PyTorch intra-op threads (0: its default)"
    )
    args = parser.parse_args()

    X, y = make_data(args.samples)
    seed = 1
    sizes = [784, args.hidden, 10]

    def nnref_epoch() -> Any:
        net = mlp(sizes, rng=0, dtype=np.float32)
        net.fit(X, y, "cross_entropy", epochs=1, lr=args.lr, batch_size=args.batch, rng=seed)
        return net

    ours = best_time(nnref_epoch, args.repeat)
    print(
        f"data: {args.samples} x 784 float32, batches of {args.batch}, "
        f"784-{args.hidden}-10 ReLU, cross-entropy, SGD lr={args.lr}, best of {args.repeat}"
    )
    print(f"numpy {np.__version__}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}")
    print(f"{'nnref (Sequential.fit)':<28} {ours * 1e3:9.1f} ms per epoch")
    if torch is None:
        print("PyTorch is not installed: skipped")
        return

    if args.threads:
        torch.set_num_threads(args.threads)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    order = torch.from_numpy(np.random.default_rng(seed).permutation(args.samples))
    start_net = mlp(sizes, rng=0, dtype=np.float32)

    def torch_model() -> Any:
        model = torch.nn.Sequential(
            torch.nn.Linear(784, args.hidden), torch.nn.ReLU(), torch.nn.Linear(args.hidden, 10)
        )
        with torch.no_grad():
            for linear, dense in ((model[0], start_net.layers[0]), (model[2], start_net.layers[2])):
                linear.weight.copy_(torch.from_numpy(dense.params["W"].T.copy()))
                linear.bias.copy_(torch.from_numpy(dense.params["b"]))
        return model

    def torch_epoch() -> Any:
        model = torch_model()
        opt = torch.optim.SGD(model.parameters(), lr=args.lr)
        for begin in range(0, args.samples, args.batch):
            idx = order[begin : begin + args.batch]
            out = model(Xt[idx])
            loss = torch.nn.functional.cross_entropy(out, yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        return model

    theirs = best_time(torch_epoch, args.repeat)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} intra-op thread(s)")
    print(f"{'PyTorch (same loop)':<28} {theirs * 1e3:9.1f} ms per epoch")
    print(f"{'ratio nnref / PyTorch':<28} {ours / theirs:9.2f}  (target: at most 1.5)")

    net, model = nnref_epoch(), torch_epoch()
    diff = max(
        float(np.max(np.abs(net.layers[0].params["W"] - model[0].weight.detach().numpy().T))),
        float(np.max(np.abs(net.layers[2].params["W"] - model[2].weight.detach().numpy().T))),
    )
    print(f"largest weight difference after the epoch: {diff:.2e}")


if __name__ == "__main__":
    main()
