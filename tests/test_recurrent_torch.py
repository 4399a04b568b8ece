"""RecurrentLayer, LSTM and GRU against PyTorch's nn.RNN, nn.LSTM and nn.GRU (skipped without it).

Each test builds the PyTorch module with PyTorch's own initialisation, copies its weights
into ours (transposed: PyTorch stores ``(out, in)`` stacks of the gates; our biases fold
``bias_ih + bias_hh`` where PyTorch adds them anyway), runs both sides on the same data and
compares outputs, every parameter gradient, the input gradient and the initial-state
gradients. Truncated BPTT is compared with PyTorch's detach-every-k-steps loop, and
clipping with ``torch.nn.utils.clip_grad_norm_``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from nnref.recurrent import GRU, LSTM, RecurrentLayer, clip_grad_norm

torch = pytest.importorskip("torch")


def t(a: Any, grad: bool = False, dtype: Any = None) -> Any:
    arr = np.asarray(a)
    return torch.tensor(arr, dtype=dtype or torch.float64, requires_grad=grad)


def n(tensor: Any) -> np.ndarray:
    return tensor.detach().numpy()


def _split(module: Any, name: str, k: int) -> list[np.ndarray]:
    """PyTorch's stacked parameter ``name`` cut into its ``k`` gate blocks (numpy copies)."""
    return np.split(n(getattr(module, name)), k, axis=0)


def rnn_pair(n_in: int, n_h: int, seed: int) -> tuple[Any, RecurrentLayer]:
    torch.manual_seed(seed)
    module = torch.nn.RNN(n_in, n_h, batch_first=True, dtype=torch.float64)
    ours = RecurrentLayer(n_in, n_h, rng=0)
    ours.set_params(
        W_xh=n(module.weight_ih_l0).T,
        W_hh=n(module.weight_hh_l0).T,
        b_h=n(module.bias_ih_l0) + n(module.bias_hh_l0),
    )
    return module, ours


def lstm_pair(n_in: int, n_h: int, seed: int) -> tuple[Any, LSTM]:
    torch.manual_seed(seed)
    module = torch.nn.LSTM(n_in, n_h, batch_first=True, dtype=torch.float64)
    ours = LSTM(n_in, n_h, rng=0)
    w_ih, w_hh = _split(module, "weight_ih_l0", 4), _split(module, "weight_hh_l0", 4)
    b_ih, b_hh = _split(module, "bias_ih_l0", 4), _split(module, "bias_hh_l0", 4)
    for j, k in enumerate("ifgo"):
        ours.set_params(**{f"W_x{k}": w_ih[j].T, f"W_h{k}": w_hh[j].T, f"b_{k}": b_ih[j] + b_hh[j]})
    return module, ours


def gru_pair(n_in: int, n_h: int, seed: int) -> tuple[Any, GRU]:
    torch.manual_seed(seed)
    module = torch.nn.GRU(n_in, n_h, batch_first=True, dtype=torch.float64)
    ours = GRU(n_in, n_h, rng=0)
    w_ih, w_hh = _split(module, "weight_ih_l0", 3), _split(module, "weight_hh_l0", 3)
    b_ih, b_hh = _split(module, "bias_ih_l0", 3), _split(module, "bias_hh_l0", 3)
    for j, k in enumerate("rzn"):
        ours.set_params(**{f"W_x{k}": w_ih[j].T, f"W_h{k}": w_hh[j].T})
    ours.set_params(b_r=b_ih[0] + b_hh[0], b_z=b_ih[1] + b_hh[1], b_n=b_ih[2], b_hn=b_hh[2])
    return module, ours


def _torch_grads(kind: str, module: Any, n_h: int) -> dict[str, np.ndarray]:
    """PyTorch's parameter gradients in our names and layout."""
    if kind == "rnn":
        return {
            "W_xh": n(module.weight_ih_l0.grad).T,
            "W_hh": n(module.weight_hh_l0.grad).T,
            "b_h": n(module.bias_ih_l0.grad),  # = bias_hh's: both enter as a sum
        }
    gates = "ifgo" if kind == "lstm" else "rzn"
    k = len(gates)
    w_ih = np.split(n(module.weight_ih_l0.grad), k)
    w_hh = np.split(n(module.weight_hh_l0.grad), k)
    b_ih = np.split(n(module.bias_ih_l0.grad), k)
    b_hh = np.split(n(module.bias_hh_l0.grad), k)
    grads = {}
    for j, g in enumerate(gates):
        grads[f"W_x{g}"] = w_ih[j].T
        grads[f"W_h{g}"] = w_hh[j].T
        grads[f"b_{g}"] = b_ih[j]
    shared = k if kind == "lstm" else 2  # biases PyTorch adds (the GRU candidate keeps two)
    for j in range(shared):
        tol = 1e-12 if b_ih[j].dtype == np.float64 else 1e-5
        np.testing.assert_allclose(b_ih[j], b_hh[j], rtol=tol, atol=tol)
    if kind == "gru":
        grads["b_hn"] = b_hh[2]
    return grads


PAIRS = {"rnn": rnn_pair, "lstm": lstm_pair, "gru": gru_pair}


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("with_state", [False, True])
def test_values_and_every_gradient_match_pytorch(
    kind: str, with_state: bool, rng: np.random.Generator
) -> None:
    n_in, n_h, N, T = 3, 5, 4, 9
    module, ours = PAIRS[kind](n_in, n_h, seed=7)
    x = rng.normal(size=(N, T, n_in))
    g = rng.normal(size=(N, T, n_h))
    states: dict[str, np.ndarray] = {}
    if with_state:
        states["h0"] = rng.normal(size=(N, n_h))
        if kind == "lstm":
            states["c0"] = rng.normal(size=(N, n_h))
    xt = t(x, grad=True)
    ts = {key: t(value[None], grad=True) for key, value in states.items()}
    if kind == "lstm":
        out, _ = module(xt, (ts["h0"], ts["c0"]) if ts else None)
    else:
        out, _ = module(xt, ts.get("h0"))
    out.backward(t(g))

    np.testing.assert_allclose(ours.forward(x, **states), n(out), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(ours.backward(g), n(xt.grad), rtol=1e-12, atol=1e-14)
    expected = _torch_grads(kind, module, n_h)
    assert set(expected) == set(ours.grads)
    for key, value in expected.items():
        np.testing.assert_allclose(ours.grads[key], value, rtol=1e-11, atol=1e-14, err_msg=key)
    for key, value in ts.items():
        np.testing.assert_allclose(
            ours.initial_grads[key], n(value.grad)[0], rtol=1e-11, atol=1e-14
        )


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_float32_matches_pytorch_float32(kind: str, rng: np.random.Generator) -> None:
    module, ours = PAIRS[kind](4, 6, seed=3)
    module = module.float()
    ours.astype(np.float32)
    x = rng.normal(size=(5, 12, 4)).astype(np.float32)
    g = rng.normal(size=(5, 12, 6)).astype(np.float32)
    xt = torch.tensor(x, requires_grad=True)
    out, _ = module(xt)
    out.backward(torch.tensor(g))
    y = ours.forward(x)
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, n(out), atol=1e-5)
    np.testing.assert_allclose(ours.backward(g), n(xt.grad), atol=1e-5)
    for key, value in _torch_grads(kind, module, 6).items():
        np.testing.assert_allclose(ours.grads[key], value, atol=1e-4, err_msg=key)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("k", [1, 4])
def test_truncation_matches_pytorch_detach_every_k_steps(
    kind: str, k: int, rng: np.random.Generator
) -> None:
    module, ours = PAIRS[kind](3, 4, seed=11)
    x = rng.normal(size=(3, 10, 3))
    g = rng.normal(size=(3, 10, 4))
    xt = t(x, grad=True)
    state = None
    pieces = []
    for start in range(0, 10, k):
        out, state = module(xt[:, start : start + k], state)
        pieces.append(out)
        # The PyTorch idiom of truncated BPTT: cut the graph between pieces.
        state = tuple(s.detach() for s in state) if kind == "lstm" else state.detach()
    torch.cat(pieces, dim=1).backward(t(g))
    ours.truncate = k
    np.testing.assert_allclose(ours.forward(x), n(torch.cat(pieces, dim=1)), rtol=1e-12)
    np.testing.assert_allclose(ours.backward(g), n(xt.grad), rtol=1e-11, atol=1e-14)
    for key, value in _torch_grads(kind, module, 4).items():
        np.testing.assert_allclose(ours.grads[key], value, rtol=1e-11, atol=1e-14, err_msg=key)


@pytest.mark.parametrize("cap", [0.1, 1.0, 100.0])
def test_clip_grad_norm_matches_pytorch(cap: float, rng: np.random.Generator) -> None:
    arrays = [rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(2, 2))]
    tensors = [torch.zeros(a.shape, dtype=torch.float64, requires_grad=True) for a in arrays]
    for tensor, a in zip(tensors, arrays, strict=True):
        tensor.grad = t(a)
    expected = float(torch.nn.utils.clip_grad_norm_(tensors, cap))
    ours = [a.copy() for a in arrays]
    assert clip_grad_norm(ours, cap) == pytest.approx(expected, rel=1e-14)
    for a, tensor in zip(ours, tensors, strict=True):
        np.testing.assert_allclose(a, n(tensor.grad), rtol=1e-14)


def test_lstm_layer_clipping_matches_pytorch_on_our_gradients(rng: np.random.Generator) -> None:
    """The layer clips exactly what clip_grad_norm_ does to its gradients (one folded bias
    per gate: PyTorch's module would count the bias gradient twice, once per bias)."""
    _, ours = lstm_pair(3, 4, seed=5)
    x, g = rng.normal(size=(2, 6, 3)), 5 * rng.normal(size=(2, 6, 4))
    ours.forward(x)
    ours.backward(g)
    tensors = []
    for value in ours.grads.values():
        tensor = torch.zeros(value.shape, dtype=torch.float64, requires_grad=True)
        tensor.grad = t(value)
        tensors.append(tensor)
    torch.nn.utils.clip_grad_norm_(tensors, 0.5)
    ours.clip_norm = 0.5
    ours.forward(x)
    ours.backward(g)
    for value, tensor in zip(ours.grads.values(), tensors, strict=True):
        np.testing.assert_allclose(value, n(tensor.grad), rtol=1e-13)
