"""Every work the glossary cites, one entry each (the data behind `nnref.references`).

Authors are written "Family, Given"; an entry whose list ends early sets ``et_al``. Links go to
the canonical copy: a DOI, arXiv, the publisher's or the author's page. A work with no year (a
documentation page that changes with each release) has ``year=None``.
"""

from __future__ import annotations

from nnref.references._reference import Reference

_GDL = "https://www.deeplearningbook.org/"
_TORCH = "https://docs.pytorch.org/docs/stable/"


def _r(key, authors, year, title, venue, url, *, book=False, et_al=False, note=""):
    return Reference(
        key=key,
        authors=tuple(a.strip() for a in authors.split(";")),
        year=year,
        title=title,
        venue=venue,
        url=url,
        book=book,
        et_al=et_al,
        note=note,
    )


BIBLIOGRAPHY: tuple[Reference, ...] = (
    # --- textbooks and overviews ----------------------------------------------------------
    _r("goodfellow2016", "Goodfellow, Ian; Bengio, Yoshua; Courville, Aaron", 2016,
       "Deep Learning", "MIT Press", _GDL, book=True),
    _r("bishop2006", "Bishop, Christopher M.", 2006, "Pattern Recognition and Machine Learning",
       "Springer",
       "https://www.microsoft.com/en-us/research/publication/pattern-recognition-machine-learning/",
       book=True),
    _r("hastie2009", "Hastie, Trevor; Tibshirani, Robert; Friedman, Jerome", 2009,
       "The Elements of Statistical Learning (2nd edition)", "Springer",
       "https://doi.org/10.1007/978-0-387-84858-7", book=True),
    _r("hertz1991", "Hertz, John; Krogh, Anders; Palmer, Richard G.", 1991,
       "Introduction to the Theory of Neural Computation", "Addison-Wesley",
       "https://doi.org/10.1201/9780429499661", book=True),
    _r("minsky1969", "Minsky, Marvin; Papert, Seymour", 1969,
       "Perceptrons: An Introduction to Computational Geometry", "MIT Press",
       "https://doi.org/10.7551/mitpress/11301.001.0001", book=True),
    _r("hebb1949", "Hebb, Donald O.", 1949, "The Organization of Behavior: A Neuropsychological "
       "Theory", "Wiley (reprinted 2002 by Lawrence Erlbaum)",
       "https://doi.org/10.4324/9781410612403", book=True),
    _r("vanveen2016", "van Veen, Fjodor", 2016, "The neural network zoo", "The Asimov Institute",
       "https://www.asimovinstitute.org/the-neural-network-zoo-2016/"),
    _r("vanveen2019", "van Veen, Fjodor; Leijnen, Stefan", 2019,
       "The neural network zoo (updated chart)", "The Asimov Institute",
       "https://www.asimovinstitute.org/neural-network-zoo/"),
    _r("wikipedia_activation", "Wikipedia contributors", None, "Activation function",
       "Wikipedia, the free encyclopedia", "https://en.wikipedia.org/wiki/Activation_function"),
    _r("wikipedia_smht", "Wikipedia contributors", None,
       "Soboleva modified hyperbolic tangent", "Wikipedia, the free encyclopedia",
       "https://en.wikipedia.org/wiki/Soboleva_modified_hyperbolic_tangent"),
    _r("pytorch_activations", "PyTorch contributors", None,
       "torch.nn: non-linear activations", "PyTorch documentation",
       _TORCH + "nn.html#non-linear-activations-weighted-sum-nonlinearity"),
    _r("pytorch_losses", "PyTorch contributors", None, "torch.nn: loss functions",
       "PyTorch documentation", _TORCH + "nn.html#loss-functions"),
    _r("pytorch_init", "PyTorch contributors", None, "torch.nn.init", "PyTorch documentation",
       _TORCH + "nn.init.html"),
    _r("pytorch_rnn", "PyTorch contributors", None, "torch.nn.RNN", "PyTorch documentation",
       _TORCH + "generated/torch.nn.RNN.html"),
    _r("pytorch_lstm", "PyTorch contributors", None, "torch.nn.LSTM", "PyTorch documentation",
       _TORCH + "generated/torch.nn.LSTM.html"),
    _r("pytorch_gru", "PyTorch contributors", None, "torch.nn.GRU", "PyTorch documentation",
       _TORCH + "generated/torch.nn.GRU.html"),
    _r("pytorch_conv2d", "PyTorch contributors", None, "torch.nn.Conv2d",
       "PyTorch documentation", _TORCH + "generated/torch.nn.Conv2d.html"),
    # --- neurons, single-layer learning ---------------------------------------------------
    _r("mcculloch1943", "McCulloch, Warren S.; Pitts, Walter", 1943,
       "A logical calculus of the ideas immanent in nervous activity",
       "Bulletin of Mathematical Biophysics 5(4), 115–133",
       "https://doi.org/10.1007/BF02478259"),
    _r("rosenblatt1958", "Rosenblatt, Frank", 1958, "The perceptron: a probabilistic model for "
       "information storage and organization in the brain", "Psychological Review 65(6), 386–408",
       "https://doi.org/10.1037/h0042519"),
    _r("widrow1960", "Widrow, Bernard; Hoff, Marcian E.", 1960, "Adaptive switching circuits",
       "IRE WESCON Convention Record, part 4, 96–104",
       "https://isl.stanford.edu/~widrow/papers/c1960adaptiveswitching.pdf"),
    _r("cauchy1847", "Cauchy, Augustin-Louis", 1847, "Méthode générale pour la résolution des "
       "systèmes d'équations simultanées", "Comptes rendus de l'Académie des sciences 25, 536–538",
       "https://gallica.bnf.fr/ark:/12148/bpt6k2982c/f540.item"),
    _r("robbins1951", "Robbins, Herbert; Monro, Sutton", 1951, "A stochastic approximation "
       "method", "Annals of Mathematical Statistics 22(3), 400–407",
       "https://doi.org/10.1214/aoms/1177729586"),
    _r("bottou2012", "Bottou, Léon", 2012, "Stochastic gradient descent tricks",
       "Neural Networks: Tricks of the Trade (2nd edition), LNCS 7700, 421–436, Springer",
       "https://doi.org/10.1007/978-3-642-35289-8_25"),
    _r("rifkin2004", "Rifkin, Ryan; Klautau, Aldebaro", 2004, "In defense of one-vs-all "
       "classification", "Journal of Machine Learning Research 5, 101–141",
       "https://www.jmlr.org/papers/v5/rifkin04a.html"),
    _r("fawcett2006", "Fawcett, Tom", 2006, "An introduction to ROC analysis",
       "Pattern Recognition Letters 27(8), 861–874",
       "https://doi.org/10.1016/j.patrec.2005.10.010"),
    # --- multi-layer networks and their training -------------------------------------------
    _r("rumelhart1986", "Rumelhart, David E.; Hinton, Geoffrey E.; Williams, Ronald J.", 1986,
       "Learning representations by back-propagating errors", "Nature 323(6088), 533–536",
       "https://doi.org/10.1038/323533a0"),
    _r("cybenko1989", "Cybenko, George", 1989, "Approximation by superpositions of a sigmoidal "
       "function", "Mathematics of Control, Signals and Systems 2(4), 303–314",
       "https://doi.org/10.1007/BF02551274"),
    _r("hornik1989", "Hornik, Kurt; Stinchcombe, Maxwell; White, Halbert", 1989,
       "Multilayer feedforward networks are universal approximators",
       "Neural Networks 2(5), 359–366", "https://doi.org/10.1016/0893-6080(89)90020-8"),
    _r("lecun1998b", "LeCun, Yann; Bottou, Léon; Orr, Genevieve B.; Müller, Klaus-Robert", 1998,
       "Efficient BackProp", "Neural Networks: Tricks of the Trade, LNCS 1524, 9–50, Springer",
       "https://doi.org/10.1007/3-540-49430-8_2"),
    _r("glorot2010", "Glorot, Xavier; Bengio, Yoshua", 2010, "Understanding the difficulty of "
       "training deep feedforward neural networks", "AISTATS 2010, PMLR 9, 249–256",
       "https://proceedings.mlr.press/v9/glorot10a.html"),
    _r("polyak1964", "Polyak, Boris T.", 1964, "Some methods of speeding up the convergence of "
       "iteration methods", "USSR Computational Mathematics and Mathematical Physics 4(5), 1–17",
       "https://doi.org/10.1016/0041-5553(64)90137-5"),
    _r("sutskever2013", "Sutskever, Ilya; Martens, James; Dahl, George; Hinton, Geoffrey", 2013,
       "On the importance of initialization and momentum in deep learning",
       "ICML 2013, PMLR 28(3), 1139–1147", "https://proceedings.mlr.press/v28/sutskever13.html"),
    _r("hinton2006", "Hinton, Geoffrey E.; Salakhutdinov, Ruslan R.", 2006, "Reducing the "
       "dimensionality of data with neural networks", "Science 313(5786), 504–507",
       "https://doi.org/10.1126/science.1127647"),
    _r("bourlard1988", "Bourlard, Hervé; Kamp, Yves", 1988, "Auto-association by multilayer "
       "perceptrons and singular value decomposition", "Biological Cybernetics 59(4–5), 291–294",
       "https://doi.org/10.1007/BF00332918"),
    _r("hochreiter1991", "Hochreiter, Sepp", 1991, "Untersuchungen zu dynamischen neuronalen "
       "Netzen", "Diploma thesis, Technische Universität München",
       "https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf"),
    _r("lu2019", "Lu, Lu; Shin, Yeonjong; Su, Yanhui; Karniadakis, George Em", 2019,
       "Dying ReLU and initialization: theory and numerical examples",
       "Communications in Computational Physics 28(5), 1671–1706 (2020)",
       "https://arxiv.org/abs/1903.06733"),
    _r("goldberg1991", "Goldberg, David", 1991, "What every computer scientist should know about "
       "floating-point arithmetic", "ACM Computing Surveys 23(1), 5–48",
       "https://doi.org/10.1145/103162.103163"),
    _r("cody1969", "Cody, William J.", 1969, "Rational Chebyshev approximations for the error "
       "function", "Mathematics of Computation 23(107), 631–637",
       "https://doi.org/10.1090/S0025-5718-1969-0247736-4"),
    # --- activation functions --------------------------------------------------------------
    _r("nair2010", "Nair, Vinod; Hinton, Geoffrey E.", 2010, "Rectified linear units improve "
       "restricted Boltzmann machines", "ICML 2010, 807–814",
       "https://dl.acm.org/doi/10.5555/3104322.3104425"),
    _r("glorot2011", "Glorot, Xavier; Bordes, Antoine; Bengio, Yoshua", 2011, "Deep sparse "
       "rectifier neural networks", "AISTATS 2011, PMLR 15, 315–323",
       "https://proceedings.mlr.press/v15/glorot11a.html"),
    _r("maas2013", "Maas, Andrew L.; Hannun, Awni Y.; Ng, Andrew Y.", 2013, "Rectifier "
       "nonlinearities improve neural network acoustic models", "ICML 2013 Workshop on Deep "
       "Learning for Audio, Speech and Language Processing",
       "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf"),
    _r("he2015", "He, Kaiming; Zhang, Xiangyu; Ren, Shaoqing; Sun, Jian", 2015, "Delving deep "
       "into rectifiers: surpassing human-level performance on ImageNet classification",
       "ICCV 2015", "https://arxiv.org/abs/1502.01852"),
    _r("xu2015", "Xu, Bing; Wang, Naiyan; Chen, Tianqi; Li, Mu", 2015, "Empirical evaluation of "
       "rectified activations in convolutional network", "arXiv preprint",
       "https://arxiv.org/abs/1505.00853"),
    _r("krizhevsky2010", "Krizhevsky, Alex", 2010, "Convolutional deep belief networks on "
       "CIFAR-10", "Unpublished manuscript, University of Toronto",
       "https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf"),
    _r("sandler2018", "Sandler, Mark; Howard, Andrew; Zhu, Menglong; Zhmoginov, Andrey; Chen, "
       "Liang-Chieh", 2018, "MobileNetV2: inverted residuals and linear bottlenecks", "CVPR 2018",
       "https://arxiv.org/abs/1801.04381"),
    _r("howard2019", "Howard, Andrew; Sandler, Mark", 2019, "Searching for MobileNetV3",
       "ICCV 2019", "https://arxiv.org/abs/1905.02244", et_al=True),
    _r("courbariaux2015", "Courbariaux, Matthieu; Bengio, Yoshua; David, Jean-Pierre", 2015,
       "BinaryConnect: training deep neural networks with binary weights during propagations",
       "NeurIPS 28", "https://arxiv.org/abs/1511.00363"),
    _r("eidnes2017", "Eidnes, Lars; Nøkland, Arild", 2017, "Shifting mean activation towards "
       "zero with bipolar activation functions", "arXiv preprint",
       "https://arxiv.org/abs/1709.04054"),
    _r("jin2016", "Jin, Xiaojie; Xu, Chunyan", 2016, "Deep learning with S-shaped rectified "
       "linear activation units", "AAAI 2016", "https://arxiv.org/abs/1512.07030", et_al=True),
    _r("basirat2018", "Basirat, Mina; Roth, Peter M.", 2018, "The quest for the golden "
       "activation function", "arXiv preprint", "https://arxiv.org/abs/1808.00783"),
    _r("dugas2001", "Dugas, Charles; Bengio, Yoshua; Bélisle, François; Nadeau, Claude; Garcia, "
       "René", 2001, "Incorporating second-order functional knowledge for better option "
       "pricing", "Advances in Neural Information Processing Systems 13",
       "https://papers.nips.cc/paper/2000/hash/44968aece94f667e4095002d140b5896-Abstract.html"),
    _r("clevert2015", "Clevert, Djork-Arné; Unterthiner, Thomas; Hochreiter, Sepp", 2015,
       "Fast and accurate deep network learning by exponential linear units (ELUs)",
       "ICLR 2016", "https://arxiv.org/abs/1511.07289"),
    _r("barron2017", "Barron, Jonathan T.", 2017, "Continuously differentiable exponential "
       "linear units", "arXiv preprint", "https://arxiv.org/abs/1704.07483"),
    _r("klambauer2017", "Klambauer, Günter; Unterthiner, Thomas; Mayr, Andreas; Hochreiter, Sepp",
       2017, "Self-normalizing neural networks", "NeurIPS 30",
       "https://arxiv.org/abs/1706.02515"),
    _r("hendrycks2016", "Hendrycks, Dan; Gimpel, Kevin", 2016, "Gaussian error linear units "
       "(GELUs)", "arXiv preprint", "https://arxiv.org/abs/1606.08415"),
    _r("elfwing2018", "Elfwing, Stefan; Uchibe, Eiji; Doya, Kenji", 2018, "Sigmoid-weighted "
       "linear units for neural network function approximation in reinforcement learning",
       "Neural Networks 107, 3–11", "https://arxiv.org/abs/1702.03118"),
    _r("ramachandran2017", "Ramachandran, Prajit; Zoph, Barret; Le, Quoc V.", 2017,
       "Searching for activation functions", "arXiv preprint",
       "https://arxiv.org/abs/1710.05941"),
    _r("misra2019", "Misra, Diganta", 2019, "Mish: a self regularized non-monotonic activation "
       "function", "BMVC 2020", "https://arxiv.org/abs/1908.08681"),
    _r("carlile2017", "Carlile, Brad; Delamarter, Guy; Kinney, Paul; Marti, Akiko; Whitney, "
       "Brian", 2017, "Improving deep learning by inverse square root linear units (ISRLUs)",
       "arXiv preprint", "https://arxiv.org/abs/1710.09967"),
    _r("barron2021", "Barron, Jonathan T.", 2021, "Squareplus: a softplus-like algebraic "
       "rectifier", "arXiv preprint", "https://arxiv.org/abs/2112.11687"),
    _r("donoho1994", "Donoho, David L.; Johnstone, Iain M.", 1994, "Ideal spatial adaptation by "
       "wavelet shrinkage", "Biometrika 81(3), 425–455", "https://doi.org/10.1093/biomet/81.3.425"),
    _r("donoho1995", "Donoho, David L.", 1995, "De-noising by soft-thresholding",
       "IEEE Transactions on Information Theory 41(3), 613–627",
       "https://doi.org/10.1109/18.382009"),
    _r("sitzmann2020", "Sitzmann, Vincent; Martel, Julien N. P.; Bergman, Alexander W.; Lindell, "
       "David B.; Wetzstein, Gordon", 2020, "Implicit neural representations with periodic "
       "activation functions", "NeurIPS 33", "https://arxiv.org/abs/2006.09661"),
    _r("broomhead1988", "Broomhead, David S.; Lowe, David", 1988, "Multivariable functional "
       "interpolation and adaptive networks", "Complex Systems 2(3), 321–355",
       "https://www.complex-systems.com/abstracts/v02_i03_a05/"),
    _r("wuraola2018", "Wuraola, Adedamola; Patel, Nitish", 2018, "SQNL: a new computationally "
       "efficient activation function", "IJCNN 2018",
       "https://doi.org/10.1109/IJCNN.2018.8489043"),
    _r("wuraola2018b", "Wuraola, Adedamola; Patel, Nitish", 2018, "Computationally efficient "
       "radial basis function", "ICONIP 2018, LNCS 11302, Springer",
       "https://doi.org/10.1007/978-3-030-04179-3_9"),
    _r("klimek2018", "Klimek, Matthew D.; Perelstein, Maxim", 2018, "Neural network-based "
       "approach to phase space integration", "SciPost Physics 9, 053 (2020)",
       "https://arxiv.org/abs/1810.11509"),
    _r("nicolae2018", "Nicolae, Andrei", 2018, "PLU: the piecewise linear unit activation "
       "function", "arXiv preprint", "https://arxiv.org/abs/1809.09534"),
    _r("godfrey2015", "Godfrey, Luke B.; Gashler, Michael S.", 2015, "A continuum among "
       "logarithmic, linear, and exponential functions, and its potential to improve "
       "generalization in neural networks", "IC3K 2015 (KDIR)",
       "https://arxiv.org/abs/1602.01321"),
    _r("bridle1990", "Bridle, John S.", 1990, "Probabilistic interpretation of feedforward "
       "classification network outputs, with relationships to statistical pattern recognition",
       "Neurocomputing: Algorithms, Architectures and Applications, NATO ASI Series F68, "
       "227–236, Springer", "https://doi.org/10.1007/978-3-642-76153-9_28"),
    _r("dauphin2017", "Dauphin, Yann N.; Fan, Angela; Auli, Michael; Grangier, David", 2017,
       "Language modeling with gated convolutional networks", "ICML 2017",
       "https://arxiv.org/abs/1612.08083"),
    _r("goodfellow2013", "Goodfellow, Ian J.; Warde-Farley, David; Mirza, Mehdi; Courville, "
       "Aaron; Bengio, Yoshua", 2013, "Maxout networks", "ICML 2013",
       "https://arxiv.org/abs/1302.4389"),
    # --- convolutional networks -------------------------------------------------------------
    _r("kuffler1953", "Kuffler, Stephen W.", 1953, "Discharge patterns and functional "
       "organization of mammalian retina", "Journal of Neurophysiology 16(1), 37–68",
       "https://doi.org/10.1152/jn.1953.16.1.37"),
    _r("hubel1962", "Hubel, David H.; Wiesel, Torsten N.", 1962, "Receptive fields, binocular "
       "interaction and functional architecture in the cat's visual cortex",
       "Journal of Physiology 160(1), 106–154",
       "https://doi.org/10.1113/jphysiol.1962.sp006837"),
    _r("fukushima1980", "Fukushima, Kunihiko", 1980, "Neocognitron: a self-organizing neural "
       "network model for a mechanism of pattern recognition unaffected by shift in position",
       "Biological Cybernetics 36(4), 193–202", "https://doi.org/10.1007/BF00344251"),
    _r("lecun1989", "LeCun, Yann; Boser, Bernhard; Denker, John S.; Henderson, Donnie; Howard, "
       "Richard E.; Hubbard, Wayne; Jackel, Lawrence D.", 1989, "Backpropagation applied to "
       "handwritten zip code recognition", "Neural Computation 1(4), 541–551",
       "https://doi.org/10.1162/neco.1989.1.4.541"),
    _r("lecun1998", "LeCun, Yann; Bottou, Léon; Bengio, Yoshua; Haffner, Patrick", 1998,
       "Gradient-based learning applied to document recognition",
       "Proceedings of the IEEE 86(11), 2278–2324", "https://doi.org/10.1109/5.726791"),
    _r("chellapilla2006", "Chellapilla, Kumar; Puri, Sidd; Simard, Patrice", 2006, "High "
       "performance convolutional neural networks for document processing", "Tenth "
       "International Workshop on Frontiers in Handwriting Recognition",
       "https://hal.inria.fr/inria-00112631"),
    _r("krizhevsky2012", "Krizhevsky, Alex; Sutskever, Ilya; Hinton, Geoffrey E.", 2012,
       "ImageNet classification with deep convolutional neural networks", "NeurIPS 25",
       "https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html"),
    _r("lin2013", "Lin, Min; Chen, Qiang; Yan, Shuicheng", 2013, "Network in network",
       "arXiv preprint", "https://arxiv.org/abs/1312.4400"),
    _r("simonyan2014", "Simonyan, Karen; Zisserman, Andrew", 2014, "Very deep convolutional "
       "networks for large-scale image recognition", "arXiv preprint (ICLR 2015)",
       "https://arxiv.org/abs/1409.1556"),
    _r("szegedy2015", "Szegedy, Christian", 2015, "Going deeper with convolutions", "CVPR 2015",
       "https://arxiv.org/abs/1409.4842", et_al=True),
    _r("dumoulin2016", "Dumoulin, Vincent; Visin, Francesco", 2016, "A guide to convolution "
       "arithmetic for deep learning", "arXiv preprint", "https://arxiv.org/abs/1603.07285"),
    _r("yu2016", "Yu, Fisher; Koltun, Vladlen", 2016, "Multi-scale context aggregation by "
       "dilated convolutions", "ICLR 2016", "https://arxiv.org/abs/1511.07122"),
    _r("luo2016", "Luo, Wenjie; Li, Yujia; Urtasun, Raquel; Zemel, Richard", 2016,
       "Understanding the effective receptive field in deep convolutional neural networks",
       "NeurIPS 29", "https://arxiv.org/abs/1701.04128"),
    # --- recurrent networks -----------------------------------------------------------------
    _r("hopfield1982", "Hopfield, John J.", 1982, "Neural networks and physical systems with "
       "emergent collective computational abilities", "PNAS 79(8), 2554–2558",
       "https://doi.org/10.1073/pnas.79.8.2554"),
    _r("amit1985", "Amit, Daniel J.; Gutfreund, Hanoch; Sompolinsky, Haim", 1985, "Storing "
       "infinite numbers of patterns in a spin-glass model of neural networks",
       "Physical Review Letters 55(14), 1530–1533",
       "https://doi.org/10.1103/PhysRevLett.55.1530"),
    _r("jordan1986", "Jordan, Michael I.", 1986, "Serial order: a parallel distributed "
       "processing approach", "ICS Report 8604, University of California, San Diego",
       "https://apps.dtic.mil/sti/html/tr/ADA173989/index.html"),
    _r("elman1990", "Elman, Jeffrey L.", 1990, "Finding structure in time",
       "Cognitive Science 14(2), 179–211", "https://doi.org/10.1207/s15516709cog1402_1"),
    _r("werbos1990", "Werbos, Paul J.", 1990, "Backpropagation through time: what it does and "
       "how to do it", "Proceedings of the IEEE 78(10), 1550–1560",
       "https://doi.org/10.1109/5.58337"),
    _r("williams1990", "Williams, Ronald J.; Peng, Jing", 1990, "An efficient gradient-based "
       "algorithm for on-line training of recurrent network trajectories",
       "Neural Computation 2(4), 490–501", "https://doi.org/10.1162/neco.1990.2.4.490"),
    _r("bengio1994", "Bengio, Yoshua; Simard, Patrice; Frasconi, Paolo", 1994, "Learning "
       "long-term dependencies with gradient descent is difficult",
       "IEEE Transactions on Neural Networks 5(2), 157–166", "https://doi.org/10.1109/72.279181"),
    _r("pascanu2013", "Pascanu, Razvan; Mikolov, Tomas; Bengio, Yoshua", 2013, "On the "
       "difficulty of training recurrent neural networks", "ICML 2013",
       "https://arxiv.org/abs/1211.5063"),
    _r("hochreiter1997", "Hochreiter, Sepp; Schmidhuber, Jürgen", 1997, "Long short-term memory",
       "Neural Computation 9(8), 1735–1780", "https://doi.org/10.1162/neco.1997.9.8.1735"),
    _r("gers2000", "Gers, Felix A.; Schmidhuber, Jürgen; Cummins, Fred", 2000, "Learning to "
       "forget: continual prediction with LSTM", "Neural Computation 12(10), 2451–2471",
       "https://doi.org/10.1162/089976600300015015"),
    _r("cho2014", "Cho, Kyunghyun; van Merriënboer, Bart; Gulcehre, Caglar; Bahdanau, Dzmitry; "
       "Bougares, Fethi; Schwenk, Holger; Bengio, Yoshua", 2014, "Learning phrase "
       "representations using RNN encoder–decoder for statistical machine translation",
       "EMNLP 2014", "https://arxiv.org/abs/1406.1078"),
    _r("chung2014", "Chung, Junyoung; Gulcehre, Caglar; Cho, Kyunghyun; Bengio, Yoshua", 2014,
       "Empirical evaluation of gated recurrent neural networks on sequence modeling",
       "arXiv preprint", "https://arxiv.org/abs/1412.3555"),
    _r("jaeger2001", "Jaeger, Herbert", 2001, "The \"echo state\" approach to analysing and "
       "training recurrent neural networks", "GMD Report 148, German National Research Center "
       "for Information Technology",
       "https://www.ai.rug.nl/minds/uploads/EchoStatesTechRep.pdf"),
    _r("jaeger2007", "Jaeger, Herbert", 2007, "Echo state network", "Scholarpedia 2(9), 2330",
       "https://doi.org/10.4249/scholarpedia.2330"),
    _r("huang2006", "Huang, Guang-Bin; Zhu, Qin-Yu; Siew, Chee-Kheong", 2006, "Extreme learning "
       "machine: theory and applications", "Neurocomputing 70(1–3), 489–501",
       "https://doi.org/10.1016/j.neucom.2005.12.126"),
)
