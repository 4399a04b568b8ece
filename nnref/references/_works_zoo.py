"""The works behind the network types of the zoo chart that nnref does not implement.

Each type that nnref implements has its own page and cites its origin there; the others appear
only on the zoo page, in one line each, and these are the works those lines credit.
"""

from __future__ import annotations

from nnref.references._reference import Reference
from nnref.references._works_activations import ref as _r

ZOO_WORKS: tuple[Reference, ...] = (
    _r(
        "kingma2013",
        "Kingma, Diederik P.; Welling, Max",
        2013,
        "Auto-encoding variational Bayes",
        "arXiv preprint (ICLR 2014)",
        "https://arxiv.org/abs/1312.6114",
    ),
    _r(
        "vincent2008",
        "Vincent, Pascal; Larochelle, Hugo; Bengio, Yoshua; Manzagol, Pierre-Antoine",
        2008,
        "Extracting and composing robust features with denoising autoencoders",
        "ICML 2008",
        "https://doi.org/10.1145/1390156.1390294",
    ),
    _r(
        "ranzato2006",
        "Ranzato, Marc'Aurelio; Poultney, Christopher; Chopra, Sumit; LeCun, Yann",
        2006,
        "Efficient learning of sparse representations with an energy-based model",
        "NeurIPS 19",
        "https://papers.nips.cc/paper/3112-efficient-learning-of-sparse-representations-with-an-energy-based-model",
    ),
    _r(
        "hayes2013",
        "Hayes, Brian",
        2013,
        "First links in the Markov chain",
        "American Scientist 101(2), 92–97",
        "https://doi.org/10.1511/2013.101.92",
    ),
    _r(
        "ackley1985",
        "Ackley, David H.; Hinton, Geoffrey E.; Sejnowski, Terrence J.",
        1985,
        "A learning algorithm for Boltzmann machines",
        "Cognitive Science 9(1), 147–169",
        "https://doi.org/10.1207/s15516709cog0901_7",
    ),
    _r(
        "smolensky1986",
        "Smolensky, Paul",
        1986,
        "Information processing in dynamical systems: foundations of harmony theory",
        "Parallel Distributed Processing, vol. 1, MIT Press, 194–281",
        "https://mitpress.mit.edu/9780262680530/",
    ),
    _r(
        "hinton2006b",
        "Hinton, Geoffrey E.; Osindero, Simon; Teh, Yee-Whye",
        2006,
        "A fast learning algorithm for deep belief nets",
        "Neural Computation 18(7), 1527–1554",
        "https://doi.org/10.1162/neco.2006.18.7.1527",
    ),
    _r(
        "zeiler2010",
        "Zeiler, Matthew D.; Krishnan, Dilip; Taylor, Graham W.; Fergus, Rob",
        2010,
        "Deconvolutional networks",
        "CVPR 2010",
        "https://doi.org/10.1109/CVPR.2010.5539957",
    ),
    _r(
        "kulkarni2015",
        "Kulkarni, Tejas D.; Whitney, William F.; Kohli, Pushmeet; Tenenbaum, Joshua B.",
        2015,
        "Deep convolutional inverse graphics network",
        "NeurIPS 28",
        "https://arxiv.org/abs/1503.03167",
    ),
    _r(
        "goodfellow2014",
        "Goodfellow, Ian; Pouget-Abadie, Jean; Mirza, Mehdi; Xu, Bing; Warde-Farley, David; "
        "Ozair, Sherjil; Courville, Aaron; Bengio, Yoshua",
        2014,
        "Generative adversarial nets",
        "NeurIPS 27",
        "https://arxiv.org/abs/1406.2661",
    ),
    _r(
        "maass2002",
        "Maass, Wolfgang; Natschläger, Thomas; Markram, Henry",
        2002,
        "Real-time computing without stable states: a new framework for neural computation "
        "based on perturbations",
        "Neural Computation 14(11), 2531–2560",
        "https://doi.org/10.1162/089976602760407955",
    ),
    _r(
        "he2016",
        "He, Kaiming; Zhang, Xiangyu; Ren, Shaoqing; Sun, Jian",
        2016,
        "Deep residual learning for image recognition",
        "CVPR 2016",
        "https://arxiv.org/abs/1512.03385",
    ),
    _r(
        "graves2014",
        "Graves, Alex; Wayne, Greg; Danihelka, Ivo",
        2014,
        "Neural Turing machines",
        "arXiv preprint",
        "https://arxiv.org/abs/1410.5401",
    ),
    _r(
        "graves2016",
        "Graves, Alex; Wayne, Greg; Reynolds, Malcolm; Harley, Tim; Danihelka, Ivo",
        2016,
        "Hybrid computing using a neural network with dynamic external memory",
        "Nature 538, 471–476",
        "https://doi.org/10.1038/nature20101",
        et_al=True,
    ),
    _r(
        "sabour2017",
        "Sabour, Sara; Frosst, Nicholas; Hinton, Geoffrey E.",
        2017,
        "Dynamic routing between capsules",
        "NeurIPS 30",
        "https://arxiv.org/abs/1710.09829",
    ),
    _r(
        "kohonen1982",
        "Kohonen, Teuvo",
        1982,
        "Self-organized formation of topologically correct feature maps",
        "Biological Cybernetics 43(1), 59–69",
        "https://doi.org/10.1007/BF00337288",
    ),
    _r(
        "cortes1995",
        "Cortes, Corinna; Vapnik, Vladimir",
        1995,
        "Support-vector networks",
        "Machine Learning 20(3), 273–297",
        "https://doi.org/10.1007/BF00994018",
    ),
    _r(
        "bahdanau2014",
        "Bahdanau, Dzmitry; Cho, Kyunghyun; Bengio, Yoshua",
        2014,
        "Neural machine translation by jointly learning to align and translate",
        "arXiv preprint (ICLR 2015)",
        "https://arxiv.org/abs/1409.0473",
    ),
)
