"""Time an LSTM's forward and backward pass: nnref against PyTorch's nn.LSTM on the CPU.

Work (the same on both sides): a batch of 32 sequences of 50 steps with 32 features, an LSTM
with 64 hidden units, the forward pass over every step, then the backward pass of a given
gradient for every output (backpropagation through time), computing the gradients of every
weight and of the input. Both sides start from the same weights; the script prints the
largest difference of the outputs and of the input gradients to show they did the same work.
The target from issue 11 is a ratio nnref/PyTorch of at most 3.

nnref's pass precomputes the input part of all four gates for all steps in one matrix
product and does one fused ``(N, H) @ (H, 4H)`` product per step (and one per step on the
way back); PyTorch's CPU LSTM does the same fusion in C++.

Thread counts are set to the same number on both sides (``--threads``: NumPy's BLAS through
threadpoolctl, PyTorch's intra-op pool). Measured on the 2-core development machine (AMD
EPYC, NumPy 2.4 with OpenBLAS 0.3.31 "Haswell" kernels, no OPENBLAS_CORETYPE set there),
float32, best of 20 or 30 per run, several runs while other jobs kept the load average at
2.3 to 6 on the two cores, so the ranges are wide:

| threads | nnref | PyTorch 2.13 | ratio nnref/PyTorch (same run) |
|---|---|---|---|
| 1 | 9.6 to 21.9 ms | 6.8 to 15.3 ms | 1.1 to 2.1 |
| 2 | 37.6 to 58.4 ms | 15.0 to 34.2 ms | 1.7 to 3.2 |

In float64 with one thread nnref was the faster (ratio 0.6 to 0.9). With two threads the
per-step products, ``(32, 64) @ (64, 256)``, are just big enough for OpenBLAS to split them
between threads, which on a busy machine made each of them about seven times slower
(16 µs on one thread, 117 µs on two, measured alone); the single-thread row is the
like-for-like one, and ``OPENBLAS_NUM_THREADS=1`` is the setting to train small recurrent
networks with on such a machine.

Run: ``python benchmarks/bench_recurrent.py [--batch 32] [--steps 50] [--hidden 64]
[--features 32] [--threads 1] [--repeat 20] [--dtype float32]``
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import numpy as np

from nnref.recurrent import LSTM

try:
    import torch
except ImportError:  # PyTorch is optional
    torch = None

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # without it, NumPy's BLAS keeps its own thread count
    threadpool_limits = None


def best_time(run: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs (after one warm-up), in seconds."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--features", type=int, default=32)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1, help="0: each library's default")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    args = parser.parse_args()

    dtype = np.dtype(args.dtype)
    rng = np.random.default_rng(0)
    N, T, F, H = args.batch, args.steps, args.features, args.hidden
    x = rng.normal(size=(N, T, F)).astype(dtype)
    g = rng.normal(size=(N, T, H)).astype(dtype)
    lstm = LSTM(F, H, rng=0, dtype=dtype)

    def ours() -> np.ndarray:
        lstm.forward(x)
        return lstm.backward(g)

    limit = (
        threadpool_limits(limits=args.threads)
        if threadpool_limits is not None and args.threads > 0
        else nullcontext()
    )
    print(
        f"LSTM({F}, {H}), batch {N}, {T} steps, {args.dtype}, forward + backward, "
        f"best of {args.repeat}"
    )
    print(
        f"numpy {np.__version__}, threads {args.threads or 'default'}, "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}"
    )
    with limit:
        t_ours = best_time(ours, args.repeat)
    print(f"{'nnref LSTM':<18} {t_ours * 1e3:8.1f} ms")
    if torch is None:
        print("PyTorch is not installed: skipped")
        return
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    tdt = torch.float32 if dtype == np.float32 else torch.float64
    module = torch.nn.LSTM(F, H, batch_first=True, dtype=tdt)
    with torch.no_grad():
        gates = "ifgo"
        module.weight_ih_l0.copy_(
            torch.tensor(np.concatenate([lstm.params[f"W_x{k}"] for k in gates], 1).T)
        )
        module.weight_hh_l0.copy_(
            torch.tensor(np.concatenate([lstm.params[f"W_h{k}"] for k in gates], 1).T)
        )
        module.bias_ih_l0.copy_(
            torch.tensor(np.concatenate([lstm.params[f"b_{k}"] for k in gates]))
        )
        module.bias_hh_l0.zero_()
    xt = torch.tensor(x, requires_grad=True)
    gt = torch.tensor(g)

    def theirs() -> Any:
        xt.grad = None
        module.zero_grad()
        out, _ = module(xt)
        out.backward(gt)
        return out

    t_torch = best_time(theirs, args.repeat)
    out = theirs()
    print(
        f"{'PyTorch nn.LSTM':<18} {t_torch * 1e3:8.1f} ms  (torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads)"
    )
    print(f"ratio nnref/PyTorch: {t_ours / t_torch:.2f} (target: at most 3)")
    y = lstm.forward(x)
    dx = lstm.backward(g)
    print(
        f"largest difference: output {np.abs(y - out.detach().numpy()).max():.1e}, "
        f"input gradient {np.abs(dx - xt.grad.numpy()).max():.1e}"
    )


if __name__ == "__main__":
    main()
