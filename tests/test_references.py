"""Sources: every activation, loss, initialiser, rule and network type has its origin, and
every model and activation page prints its sources; the References page's backlinks agree
with what the pages cite."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from nnref import activations, init, losses, references
from nnref.references import Citation, Reference
from tests.conftest import ROOT

DOCS = ROOT / "docs"
# The sections whose pages define a model, rule, loss, layer or concept: each cites its sources.
SECTIONS = ("neuron", "learning", "networks", "cnn", "recurrent", "concepts", "activations")
SOURCE_PAGES = sorted(
    p.relative_to(DOCS).as_posix() for s in SECTIONS for p in (DOCS / s).glob("*.md")
)
MODEL_PAGES = {
    "perceptron": "learning/perceptron-rule.md",
    "adaline": "learning/adaline.md",
    "one_vs_rest": "learning/one-vs-rest.md",
    "mlp": "networks/mlp.md",
    "autoencoder": "networks/autoencoder.md",
    "cnn": "cnn/index.md",
    "lenet": "cnn/architecture.md",
    "rnn": "recurrent/rnn.md",
    "elman": "recurrent/rnn.md",
    "jordan": "recurrent/feedback.md",
    "lstm": "recurrent/lstm.md",
    "gru": "recurrent/gru.md",
    "hopfield": "recurrent/hopfield.md",
    "echo_state_network": "recurrent/reservoir.md",
    "extreme_learning_machine": "recurrent/reservoir.md",
    "zoo": "networks/zoo.md",
}


# --- the library's metadata -----------------------------------------------------------------


def test_every_activation_has_a_reference() -> None:
    for f in activations.catalog():
        cited = references.for_activation(f.key)
        assert cited and all(isinstance(c, Citation) for c in cited), f.key
        assert references.for_activation(f) == cited


def test_every_loss_and_initialiser_has_a_reference() -> None:
    for loss in losses.catalog():
        assert references.for_loss(loss.key), loss.key
    for scheme in init.catalog():
        assert references.for_init(scheme.__name__), scheme.__name__
    assert references.for_init("xavier_uniform") == references.for_init("glorot_uniform")


def test_every_rule_and_model_has_a_reference() -> None:
    for rule in references.rules():
        assert references.for_rule(rule), rule
    for model in references.models():
        assert references.for_model(model), model
    for name in (
        "Perceptron",
        "Adaline",
        "OneVsRest",
        "Sequential",
        "Autoencoder",
        "Conv2D",
        "RecurrentLayer",
        "JordanNetwork",
        "LSTM",
        "GRU",
        "Hopfield",
    ):
        import nnref

        assert references.for_model(getattr(nnref, name)), name
    from nnref.recurrent import EchoStateNetwork, ExtremeLearningMachine

    assert references.for_model(EchoStateNetwork)[0].key == "jaeger2001"
    assert references.for_model(ExtremeLearningMachine)[0].key == "huang2006"


def test_every_type_of_the_zoo_has_a_source() -> None:
    """A type nnref implements cites its origin on its own page; every other type of the chart
    names its work on the zoo page, and that work is in the page's Sources."""
    from nnref_site.zoo import UNIMPLEMENTED_SOURCES, ZOO

    listed = {c.key for c in references.for_model("zoo")}
    for entry in ZOO:
        if entry.implemented:
            assert entry.page, entry.name
        else:
            assert UNIMPLEMENTED_SOURCES[entry.abbr] in listed, entry.name
    assert set(UNIMPLEMENTED_SOURCES) == {e.abbr for e in ZOO if not e.implemented}


@pytest.mark.parametrize(
    ("lookup", "value", "error"),
    [
        (references.for_model, "transformer", ValueError),
        (references.for_rule, "adam", ValueError),
        (references.for_activation, "nope", ValueError),
        (references.get, "nobody2099", ValueError),
        (references.get, 3, TypeError),
        (references.for_init, lambda shape, rng=None: None, ValueError),
    ],
)
def test_unknown_names_raise_a_clear_error(lookup, value, error) -> None:
    with pytest.raises(error, match="must be"):
        lookup(value)


DOI = re.compile(r"^https://doi\.org/10\.\d{4,9}/\S+$")
ARXIV = re.compile(r"^https://arxiv\.org/abs/\d{4}\.\d{4,5}$")


@pytest.mark.parametrize("reference", references.catalog(), ids=lambda r: r.key)
def test_links_are_well_formed_https_urls(reference: Reference) -> None:
    parts = urlsplit(reference.url)
    assert parts.scheme == "https" and "." in parts.netloc, reference.url
    assert not re.search(r"\s", reference.url), reference.url
    if parts.netloc == "doi.org":
        assert DOI.match(reference.url), reference.url
    if parts.netloc == "arxiv.org":
        assert ARXIV.match(reference.url), reference.url
    assert reference.authors and all(a.strip() for a in reference.authors)
    assert reference.title and reference.venue
    assert reference.year is None or 1800 <= reference.year <= 2026
    assert re.fullmatch(r"[a-z][a-z0-9_]*", reference.key), reference.key


def test_citation_style() -> None:
    assert references.get("hochreiter1997").cite() == "(Hochreiter & Schmidhuber, 1997)"
    assert references.get("lecun1998").cite() == "(LeCun et al., 1998)"
    assert references.get("howard2019").cite() == "(Howard et al., 2019)"  # shortened list
    assert references.get("pytorch_lstm").cite() == "(PyTorch contributors, n.d.)"
    entry = references.get("he2015").markdown("PReLU")
    assert entry.startswith("Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun (2015). ")
    assert entry.endswith("[arXiv:1502.01852](https://arxiv.org/abs/1502.01852) — PReLU")
    families = [r.family_names[0].split()[-1].casefold() for r in references.by_author()]
    assert families == sorted(families)


def test_works_without_a_single_origin_say_so() -> None:
    for key in (
        "identity",
        "arctan",
        "arsinh",
        "bent_identity",
        "sinc",
        "cos",
        "sin",
        "threshold",
        "tanhshrink",
        "softmin",
        "hard_tanh",
        "log_softmax",
    ):
        assert "no single paper" in references.for_activation(key)[0].note, key


# --- the pages ----------------------------------------------------------------------------


def test_every_activation_and_model_page_has_sources() -> None:
    from nnref_site.sources import citations

    cited = citations()
    missing = [page for page in SOURCE_PAGES if not cited.get(page)]
    assert not missing, f"pages without a Sources section: {missing}"
    for f in activations.catalog():
        assert cited[f"activations/{f.key}.md"] == tuple(
            c.key for c in references.for_activation(f.key)
        )
    for model, page in MODEL_PAGES.items():
        keys = {c.key for c in references.for_model(model)}
        assert keys & set(cited[page]), (model, page)


def _run_sources_blocks(page: str) -> str:
    """The Markdown that a page's Sources blocks print, by running them."""
    import contextlib
    import io

    from nnref_site.sources import _code_blocks

    text = (DOCS / page).read_text(encoding="utf-8")
    out = io.StringIO()
    for code in _code_blocks(text):
        if "sources(" in code or "activation_footer(" in code:
            with contextlib.redirect_stdout(out):
                exec(code, {"__name__": "__sources__"})  # noqa: S102
    return out.getvalue()


@pytest.mark.parametrize("page", SOURCE_PAGES)
def test_sources_section_prints_what_the_backlinks_say(page: str) -> None:
    """Every backlink's page really prints the reference (its link) under "## Sources"."""
    from nnref_site.sources import citations

    printed = _run_sources_blocks(page)
    if page.startswith("activations/") and page != "activations/index.md":
        printed = printed.split("## Sources", 1)[1]
    else:
        assert (DOCS / page).read_text(encoding="utf-8").count("## Sources") == 1
    for key in citations()[page]:
        assert f"]({references.get(key).url})" in printed, (page, key)


def test_references_page_lists_every_work_with_its_citing_pages() -> None:
    from nnref_site.markdown import link
    from nnref_site.sources import citations, references_page

    text = references_page("references.md")
    entries = text.split("\n- ")
    assert len(entries) == len(references.catalog())
    cited = citations()
    for entry in entries:
        key = re.search(r'<a id="([^"]+)"></a>', entry)[1]
        listed = set(re.findall(r"\]\(([^)]+)\)", entry.split("Cited on:", 1)[1]))
        expected = {link(page, "references.md") for page, keys in cited.items() if key in keys}
        assert listed == expected, key
        assert expected, f"{key} is cited by no page"


def test_every_page_that_calls_sources_is_found() -> None:
    """An independent scan: each file that prints sources appears in the backlinks."""
    from nnref_site.sources import citations

    cited = citations()
    for path in DOCS.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        page = path.relative_to(DOCS).as_posix()
        if re.search(r"print\(sources\(|print\(activation_footer\(", text):
            assert page in cited, page
            assert f'"{page}"' in text or "activation_footer(" in text, page


def _prose(text: str) -> str:
    return re.sub(r"^([ \t]*)```.*?^\1```", "", text, flags=re.MULTILINE | re.DOTALL)


def _credited_works(text: str, reach: int) -> list[set[str]]:
    """For each author-year credit in ``text`` ("LeCun et al., 1998"), the keys of the works it
    could mean (one author may have several works in a year): one of them must be cited."""
    groups: dict[tuple[str, int], set[str]] = {}
    for reference in references.catalog():
        if reference.year is not None:
            groups.setdefault((reference.family_names[0], reference.year), set()).add(reference.key)
    return [
        keys
        for (family, year), keys in groups.items()
        if re.search(rf"\b{re.escape(family)}\b[^()\n]{{0,{reach}}}?\(?{year}\b", text)
    ]


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_inline_credits_are_listed_in_the_page_sources(page: str) -> None:
    """A credit such as "(Hopfield, 1982)" in a page's prose is backed by its Sources."""
    from nnref_site.sources import citations

    if page == "references.md" or page.startswith("api/"):
        return
    prose = _prose((DOCS / page).read_text(encoding="utf-8"))
    cited = set(citations().get(page, ()))
    for keys in _credited_works(prose, reach=60):
        assert keys & cited, (page, sorted(keys))


def test_credits_in_activation_docs_are_in_their_references() -> None:
    """An origin named in an activation's text ("Jin et al., 2016") is among its sources."""
    for f in activations.catalog():
        text = " ".join([f.doc, *f.strengths, *f.problems])
        cited = {c.key for c in references.for_activation(f.key)}
        for keys in _credited_works(text, reach=40):
            assert keys & cited, (f.key, sorted(keys))
