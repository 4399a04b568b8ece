"""Search finds the term: the page that defines a term is the first result for its names.

A real browser types names and synonyms taken from the glossary (``includes/terms/*.yml`` and the
activation catalogue) into the site's search box, one page load for all of them, and reads the
first result. The search front matter (``nnref_site.search_meta``) must be up to date, and the
text of figures must stay out of the search index.

The browser test needs the ``playwright`` package and Chromium, like ``tests/test_browser.py``
(whose fixtures it uses): without them it skips, unless ``NNREF_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from nnref_site.search_meta import DOCS, with_front_matter
from nnref_site.terms import aliases, load_terms

from tests.test_browser import (  # noqa: F401 (fixtures)
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _Server,
    _url,
    chromium,
    server,
)

QUERIES = [
    # activation functions
    "tanh",
    "hyperbolic tangent",
    "relu",
    "sigmoid",
    "logistic sigmoid",
    "leaky relu",
    "prelu",
    "softmax",
    "gelu",
    "silu",
    "binary step",
    "jacobian",
    "saturation",
    "dying relu",
    "non-linearity",
    # the neuron
    "weight",
    "bias",
    "net input",
    "activity level",
    "forward propagation",
    "threshold logic unit",
    "tlu",
    "layer",
    "artificial neuron",
    # learning
    "perceptron",
    "perceptron learning rule",
    "adaline",
    "delta rule",
    "widrow-hoff",
    "linear separability",
    "decision boundary",
    "confusion matrix",
    "gradient descent",
    "learning rate",
    "one-vs-rest",
    "overfitting",
    "sgd",
    "stochastic gradient descent",
    "standardisation",
    # networks and training
    "mlp",
    "multi-layer perceptron",
    "backpropagation",
    "backprop",
    "loss function",
    "mse",
    "cross-entropy",
    "logits",
    "weight initialisation",
    "xavier",
    "glorot",
    "kaiming",
    "he initialisation",
    "momentum",
    "autoencoder",
    "vanishing gradient",
    # convolutional networks
    "cnn",
    "convolution",
    "kernel",
    "feature map",
    "stride",
    "padding",
    "pooling",
    "max pooling",
    "receptive field",
    "weight sharing",
    "lenet",
    "im2col",
    # recurrent networks
    "rnn",
    "recurrent neural network",
    "bptt",
    "backpropagation through time",
    "lstm",
    "gru",
    "hopfield network",
    "echo state network",
    "gradient clipping",
]


def _names() -> dict[str, str]:
    """Every name in the glossary, lower case -> the page that defines it (no anchor)."""
    from nnref import activations

    names: dict[str, str] = {}
    for term in load_terms():
        for name in [str(term["term"]), *aliases(term)]:
            names.setdefault(name.casefold(), str(term["page"]).split("#")[0])
    for f in activations.catalog():
        for name in (f.name, f.key):
            names.setdefault(name.casefold(), f"activations/{f.key}.md")
    return names


def _url_path(page: str) -> str:
    stem = page.removesuffix(".md")
    return "/" + (stem.removesuffix("index") if stem.endswith("index") else stem + "/")


def test_every_query_is_a_name_from_the_glossary() -> None:
    names = _names()
    unknown = [q for q in QUERIES if q.casefold() not in names]
    assert not unknown, f"not a term or alias in includes/terms/*.yml: {unknown}"
    assert len(set(QUERIES)) == len(QUERIES) >= 40


def test_search_front_matter_is_up_to_date() -> None:
    stale = []
    for path in sorted(DOCS.rglob("*.md")):
        page = path.relative_to(DOCS).as_posix()
        text = path.read_text(encoding="utf-8")
        if with_front_matter(page, text) != text:
            stale.append(page)
    assert not stale, f"run: python includes/make_search_meta.py (stale: {stale})"


def test_figures_stay_out_of_the_search_index(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    with_svg = [d["location"] for d in index["docs"] if "image/svg+xml" in d["text"]]
    assert not with_svg, f"figure text in the search index: {with_svg[:5]}"
    assert index["config"]["fields"]["tags"]["boost"] >= index["config"]["fields"]["title"]["boost"]


HOOK = """(() => {
  // Count the queries Material's search worker receives and the results it sends back, so the
  // test reads the result list only once it answers the query just typed.
  const Base = window.Worker;
  const state = window.__nnrefSearch = {ready: false, sent: 0, received: 0, last: null};
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 1) state.ready = true;   // index ready
        if (event.data && event.data.type === 3) state.received += 1;  // a result
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { state.sent += 1; state.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})();"""

ANSWERED = """query => window.__nnrefSearch.last === query
    && window.__nnrefSearch.sent === window.__nnrefSearch.received"""

RESULTS = """() => [...document.querySelectorAll('.md-search-result__list > li')]
    .map(item => item.querySelector('a.md-search-result__link').getAttribute('href'))"""


async def _first_results(executable: str, base: str, queries: list[str]) -> dict[str, list[str]]:
    from urllib.parse import urlsplit

    from playwright.async_api import async_playwright

    found: dict[str, list[str]] = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        await page.add_init_script(HOOK)
        await page.goto(base, wait_until="load", timeout=TIMEOUT_MS)
        await page.wait_for_function("() => window.__nnrefSearch.ready", timeout=TIMEOUT_MS)
        box = page.locator("input.md-search__input")
        for query in queries:
            await box.fill(query)
            await box.press("End")  # Material searches on key-up, as when a reader types
            await page.wait_for_function(ANSWERED, arg=query, timeout=TIMEOUT_MS)
            hrefs = await page.evaluate(RESULTS)
            found[query] = [urlsplit(h).path for h in hrefs[:3]]
        await browser.close()
    return found


@pytest.mark.browser
def test_the_defining_page_is_the_first_result(chromium: str, server: _Server) -> None:  # noqa: F811
    names = _names()
    results = asyncio.run(_first_results(chromium, _url(server), QUERIES))
    wrong = []
    for query in QUERIES:
        expected = _url_path(names[query.casefold()])
        top = results[query]
        if not top or top[0] != expected:
            wrong.append(f"{query!r}: expected {expected}, got {top}")
    assert not wrong, "the defining page is not the first search result:\n" + "\n".join(wrong)
