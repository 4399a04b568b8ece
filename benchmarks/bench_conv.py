"""Time nnref's Conv2D (forward + backward) against PyTorch on the CPU doing the same work.

Work (issue 10): ``Conv2D(8, 16, 3, padding=1)`` on a batch of 32 x 8 x 28 x 28 images, one
forward pass and one backward pass computing all three gradients (input, kernels, biases).
nnref runs its public, checked ``forward``/``backward``; PyTorch runs ``F.conv2d`` and
``out.backward(g)`` on tensors that require gradients, with ``torch.set_num_threads`` set to
the number of threads NumPy's BLAS uses, so both sides get the same cores. The script also
times a naive version for context (a Python loop over the 28 x 28 output positions, each one
a small ``tensordot`` over the batch and channels) and prints the largest differences between
the three results, relative to the largest value of each. The target of issue 10 is a ratio
nnref/PyTorch of at most 3.

Run: ``python benchmarks/bench_conv.py [--repeat R] [--threads T] [--dtype float32 float64]``

Measured on the development machine (2 cores shared with two other busy jobs, load 2 to 5;
OpenBLAS 0.3.31 with its Haswell kernels, NumPy 2.4.6, PyTorch 2.13.0 CPU;
``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE`` unset), best and median of 40 runs. With one
thread each (``OPENBLAS_NUM_THREADS=1``, ``torch.set_num_threads(1)``), the steadiest
comparison on a shared machine:

| dtype | nnref Conv2D | PyTorch | naive loop | nnref / PyTorch |
|---|---|---|---|---|
| float32 | 9.0 ms (median 14.3) | 4.6 ms (median 5.5) | 122 ms | 1.98 |
| float64 | 17.5 ms (median 35.7) | 15.4 ms (median 28.3) | 104 ms | 1.14 |

Three such runs gave ratios 1.98 to 2.71 (float32) and 1.09 to 1.14 (float64). With two
threads each (NumPy's default here) the best times of four runs gave ratios 1.40 to 2.15
(float32) and 1.39 to 1.82 (float64), but the other jobs made those runs 2 to 5 times slower
than the one-thread runs on both sides. The largest differences, relative to the largest
value of each result: float32 6e-7 (output, dL/dx) and 4e-6 (dL/dW, dL/db) from PyTorch;
float64 1e-15.

Notes:

- How nnref gets there: im2col copies every 3 x 3 window once (a strided view and one
  ``np.copyto``), after which forward, dL/dW and dL/dx are three batched matrix products in
  BLAS; col2im adds the window gradients back with one vectorised addition per kernel offset
  (9), never per pixel. For stride 1 those additions run over whole rows of the flattened
  padded image (the gradient laid out on rows as wide as the padded input), which took the
  backward pass from about 8 to 6.4 ms on one thread. The layer keeps its work arrays between
  batches of the same shape: allocating and first touching about 10 MB afresh on every call
  cost about as much as the arithmetic.
- PyTorch runs compiled convolution kernels; its float32 pass is about 3 times faster than its
  float64 one here, nnref's about 2 times (BLAS's single-precision products), so the ratio is
  larger in float32.
- The naive loop already works on whole batches and channels at each output position; a loop
  over every sample, channel and position as well would be many times slower still (the
  issue's "about 70 times").
- Environment: some machines here set ``OPENBLAS_CORETYPE`` (and ``OPENBLAS_L2_SIZE``) to work
  around old OpenBLAS builds; they can slow a current NumPy. The script prints both and the
  BLAS kernel in use; to benchmark without them, unset both in that one command, e.g.
  ``env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/bench_conv.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from nnref.conv import Conv2D

try:
    import torch
except ImportError:  # PyTorch is optional
    torch = None

try:
    from threadpoolctl import threadpool_info
except ImportError:  # threadpoolctl is optional
    threadpool_info = None


def timings(run: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Best and median wall time of ``repeat`` runs (after one warm-up run), in seconds."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def blas_threads() -> tuple[int, str]:
    """NumPy's BLAS: its thread count and a description (library, version, kernel)."""
    if threadpool_info is None:
        return os.cpu_count() or 1, "unknown (install threadpoolctl to see it)"
    for pool in threadpool_info():
        if pool.get("user_api") == "blas" and "numpy" in pool.get("filepath", ""):
            text = f"{pool['internal_api']} {pool['version']}, {pool.get('architecture')} kernels"
            return int(pool["num_threads"]), text
    return os.cpu_count() or 1, "not found"


def naive_forward_backward(
    x: np.ndarray, W: np.ndarray, b: np.ndarray, g: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Padding 1, stride 1: a Python loop over the output positions."""
    n, c, h, w = x.shape
    k = W.shape[2]
    xp = np.zeros((n, c, h + 2, w + 2), x.dtype)
    xp[:, :, 1:-1, 1:-1] = x
    out = np.empty((n, W.shape[0], h, w), x.dtype)
    for i in range(h):
        for j in range(w):
            out[:, :, i, j] = np.tensordot(
                xp[:, :, i : i + k, j : j + k], W, ([1, 2, 3], [1, 2, 3])
            )
    out += b[:, None, None]
    grad_W = np.zeros_like(W)
    grad_xp = np.zeros_like(xp)
    for i in range(h):
        for j in range(w):
            window = xp[:, :, i : i + k, j : j + k]
            grad_W += np.tensordot(g[:, :, i, j], window, ([0], [0]))
            grad_xp[:, :, i : i + k, j : j + k] += np.tensordot(g[:, :, i, j], W, ([1], [0]))
    return out, grad_xp[:, :, 1:-1, 1:-1], grad_W, g.sum(axis=(0, 2, 3))


def bench(dtype: Any, repeat: int, threads: int, naive_repeat: int) -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((32, 8, 28, 28)).astype(dtype)
    g = rng.standard_normal((32, 16, 28, 28)).astype(dtype)
    layer = Conv2D(8, 16, 3, padding=1, rng=0, dtype=dtype)
    layer.set_params(b=rng.standard_normal(16))

    def ours() -> tuple[np.ndarray, ...]:
        out = layer.forward(x)
        grad_x = layer.backward(g)
        return out, grad_x, layer.grads["W"], layer.grads["b"]

    W, b = layer.params["W"], layer.params["b"]
    rows = [("nnref Conv2D", *timings(ours, repeat))]
    results = {"nnref Conv2D": ours()}
    if torch is not None:
        torch.set_num_threads(threads)
        xt = torch.tensor(x, requires_grad=True)
        Wt = torch.tensor(W, requires_grad=True)
        bt = torch.tensor(b, requires_grad=True)
        gt = torch.tensor(g)

        def theirs() -> tuple[np.ndarray, ...]:
            xt.grad = Wt.grad = bt.grad = None
            out = torch.nn.functional.conv2d(xt, Wt, bt, padding=1)
            out.backward(gt)
            return out.detach().numpy(), xt.grad.numpy(), Wt.grad.numpy(), bt.grad.numpy()

        rows.append((f"PyTorch ({threads} thread(s))", *timings(theirs, repeat)))
        results["PyTorch"] = theirs()
    rows.append(("naive loop", *timings(lambda: naive_forward_backward(x, W, b, g), naive_repeat)))
    results["naive loop"] = naive_forward_backward(x, W, b, g)

    name = np.dtype(dtype).name
    base = rows[0][1]
    print(f"\n{name}: forward + backward, batch 32x8x28x28, 8->16 channels, 3x3, padding 1")
    print(f"  {'':<24} {'best':>9} {'median':>9} {'ratio':>7}")
    for label, best, median in rows:
        print(f"  {label:<24} {best * 1e3:7.2f}ms {median * 1e3:7.2f}ms {best / base:6.2f}x")
    if torch is not None:
        print(f"  nnref/PyTorch (best times): {rows[0][1] / rows[1][1]:.2f} (target: at most 3)")
    for other in results:
        if other == "nnref Conv2D":
            continue
        diffs = [
            float(np.max(np.abs(a.astype(np.float64) - c.astype(np.float64))))
            / max(float(np.max(np.abs(c))), 1e-300)
            for a, c in zip(results["nnref Conv2D"], results[other], strict=True)
        ]
        shown = ", ".join(
            f"{k} {d:.0e}" for k, d in zip(("y", "dx", "dW", "db"), diffs, strict=True)
        )
        print(f"  largest difference to {other}, relative to its largest value: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per contestant")
    parser.add_argument("--naive-repeat", type=int, default=2, help="timed runs of the naive loop")
    parser.add_argument(
        "--threads", type=int, default=None, help="PyTorch threads (default: NumPy's)"
    )
    parser.add_argument("--dtype", nargs="+", default=["float32", "float64"])
    args = parser.parse_args()
    threads, blas = blas_threads()
    if args.threads is not None:
        threads = args.threads
    print(f"NumPy {np.__version__}, BLAS: {blas}, {threads} thread(s)")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        print(f"  {var}={os.environ.get(var, '(unset)')}")
    if torch is None:
        print("PyTorch is not installed: timing nnref and the naive loop only")
    else:
        print(f"PyTorch {torch.__version__}")
    for dtype in args.dtype:
        bench(np.dtype(dtype), args.repeat, threads, args.naive_repeat)


if __name__ == "__main__":
    main()
