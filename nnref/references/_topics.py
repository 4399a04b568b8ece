"""Which works each catalogue entry and each model, rule and loss comes from.

Every entry maps a key to ``(reference key, note)`` pairs, the origin first. The note says what
the work contributes; where no single paper introduced a function, the note says so and the
entry cites a textbook or the standard catalogue instead of inventing an origin.
"""

from __future__ import annotations

_GDL = "goodfellow2016"
_NO_PAPER = "no single paper introduced it"

ACTIVATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "step": (
        ("mcculloch1943", "the all-or-none threshold neuron"),
        ("rosenblatt1958", "the perceptron's threshold output"),
    ),
    "sign": (
        ("widrow1960", "Adaline's quantizer, with outputs +1 and −1"),
        ("rosenblatt1958", "the threshold unit it is a bipolar version of"),
    ),
    "identity": (
        (_GDL, f"{_NO_PAPER}; linear output units, §6.2.2.1 and §6.3.3"),
        ("widrow1960", "Adaline: a linear unit trained with the identity as its activation"),
        ("sandler2018", "linear bottleneck layers: the identity inside a deep network"),
    ),
    "sigmoid": (
        ("rumelhart1986", "the logistic unit trained by backpropagation"),
        (_GDL, "the logistic sigmoid and its saturation, §6.3.2"),
    ),
    "log_sigmoid": (
        (_GDL, f"{_NO_PAPER}; the log of the sigmoid in the Bernoulli log-likelihood, §6.2.2.2"),
        ("pytorch_activations", "LogSigmoid"),
    ),
    "hard_sigmoid": (
        ("howard2019", "the form used here, ReLU6(x + 3)/6"),
        ("courbariaux2015", "an earlier hard sigmoid, clip((x + 1)/2, 0, 1)"),
    ),
    "tanh": (
        ("lecun1998b", "why a zero-centred sigmoid such as tanh trains faster"),
        (_GDL, "tanh against the logistic sigmoid, §6.3.2"),
    ),
    "hard_tanh": ((_GDL, f"{_NO_PAPER}; hard tanh among other hidden units, §6.3.3"),),
    "plu": (("nicolae2018", "introduced PLU with α = 0.1 and c = 1"),),
    "smht": (
        (
            "wikipedia_smht",
            "proposed by E. V. Soboleva in 2008 as a utility function for "
            "decision making, later used as an activation",
        ),
    ),
    "softsign": (("glorot2010", "softsign compared with tanh in deep networks"),),
    "arctan": (("wikipedia_activation", f"{_NO_PAPER}; listed in the standard table"),),
    "arsinh": (("wikipedia_activation", f"{_NO_PAPER}; listed in the standard table"),),
    "isru": (("carlile2017", "introduced ISRU and ISRLU"),),
    "sqnl": (("wuraola2018", "introduced SQNL"),),
    "soft_clipping": (("klimek2018", "introduced the soft clipping function"),),
    "relu": (
        ("nair2010", "rectified linear units, in restricted Boltzmann machines"),
        ("glorot2011", "rectifiers in deep networks"),
        ("krizhevsky2012", "AlexNet: ReLU made deep convolutional networks train fast"),
    ),
    "leaky_relu": (("maas2013", "introduced the leaky rectifier"),),
    "prelu": (("he2015", "introduced PReLU, with the slope learned"),),
    "rrelu": (
        (
            "xu2015",
            "defines and evaluates the randomized leaky ReLU, first used in a Kaggle competition",
        ),
    ),
    "relu6": (
        ("krizhevsky2010", "introduced ReLU capped at 6"),
        ("sandler2018", "ReLU6 in MobileNetV2"),
    ),
    "threshold": (
        ("pytorch_activations", f"{_NO_PAPER}; PyTorch's Threshold, whose arguments we follow"),
    ),
    "brelu": (("eidnes2017", "introduced bipolar activation functions"),),
    "srelu": (("jin2016", "introduced SReLU"),),
    "hard_swish": (("howard2019", "introduced hard swish in MobileNetV3"),),
    "hard_elish": (("basirat2018", "introduced ELiSH and hard ELiSH"),),
    "softplus": (
        ("dugas2001", "softplus units, named there"),
        ("glorot2011", "softplus compared with the rectifier"),
    ),
    "elu": (("clevert2015", "introduced ELU"),),
    "celu": (("barron2017", "introduced CELU"),),
    "selu": (("klambauer2017", "introduced SELU and its two constants"),),
    "gelu": (
        ("hendrycks2016", "introduced GELU"),
        ("cody1969", "the rational approximations behind the error function computed here"),
    ),
    "gelu_tanh": (("hendrycks2016", "GELU and its tanh approximation"),),
    "silu": (
        ("hendrycks2016", "named the sigmoid linear unit"),
        ("elfwing2018", "SiLU in reinforcement learning"),
        ("ramachandran2017", "the same function found by search, as swish with β = 1"),
    ),
    "swish": (("ramachandran2017", "introduced swish, found by automated search"),),
    "mish": (("misra2019", "introduced Mish"),),
    "elish": (("basirat2018", "introduced ELiSH"),),
    "isrlu": (("carlile2017", "introduced ISRLU"),),
    "squareplus": (("barron2021", "introduced squareplus"),),
    "bent_identity": (("wikipedia_activation", f"{_NO_PAPER}; listed in the standard table"),),
    "softshrink": (("donoho1995", "soft thresholding"),),
    "hardshrink": (("donoho1994", "hard and soft thresholding of wavelet coefficients"),),
    "tanhshrink": (("pytorch_activations", f"{_NO_PAPER}; PyTorch's Tanhshrink"),),
    "sin": (("sitzmann2020", f"{_NO_PAPER}; sine activations in deep networks (SIREN)"),),
    "cos": ((_GDL, f"{_NO_PAPER}; cosine hidden units as an unusual choice, §6.3.3"),),
    "sinc": (("wikipedia_activation", f"{_NO_PAPER}; listed in the standard table"),),
    "gaussian": (
        ("broomhead1988", "radial basis function networks"),
        (_GDL, "radial basis function units, §6.3.3"),
    ),
    "sq_rbf": (("wuraola2018b", "introduced SQ-RBF"),),
    "soft_exponential": (("godfrey2015", "introduced the soft exponential function"),),
    "softmax": (
        ("bridle1990", "named softmax and read its outputs as class probabilities"),
        (_GDL, "softmax units, §6.2.2.3"),
    ),
    "log_softmax": (
        (_GDL, f"{_NO_PAPER}; the log-softmax in the log-likelihood, §6.2.2.3"),
        ("pytorch_activations", "LogSoftmax"),
    ),
    "softmin": (("pytorch_activations", f"{_NO_PAPER}; PyTorch's Softmin"),),
    "glu": (("dauphin2017", "introduced the gated linear unit"),),
    "maxout": (("goodfellow2013", "introduced maxout"),),
}

LOSSES: dict[str, tuple[tuple[str, str], ...]] = {
    "squared_error": (
        ("widrow1960", "the squared error Adaline minimises"),
        (_GDL, "squared error and least squares, §5.1.4"),
    ),
    "mse": (
        (_GDL, "mean squared error as maximum likelihood under Gaussian noise, §5.5.1"),
        ("pytorch_losses", "MSELoss and its mean reduction"),
    ),
    "binary_cross_entropy": (
        (_GDL, "cross-entropy for Bernoulli outputs, §6.2.2.2"),
        ("pytorch_losses", "BCELoss"),
    ),
    "binary_cross_entropy_with_logits": (
        (_GDL, "the loss written with softplus on the logits, §6.2.2.2"),
        ("pytorch_losses", "BCEWithLogitsLoss"),
    ),
    "cross_entropy": (
        ("bridle1990", "softmax outputs trained as probabilities"),
        (_GDL, "cross-entropy for softmax outputs, §6.2.2.3"),
        ("pytorch_losses", "CrossEntropyLoss"),
    ),
}

INITIALISERS: dict[str, tuple[tuple[str, str], ...]] = {
    "zeros": ((_GDL, "why hidden units need random, not zero, weights: symmetry, §8.4"),),
    "uniform": (
        ("lecun1998b", "small random weights scaled by the fan-in"),
        (_GDL, "random initialisation, §8.4"),
    ),
    "normal": (
        ("lecun1998b", "small random weights scaled by the fan-in"),
        (_GDL, "random initialisation, §8.4"),
    ),
    "glorot_uniform": (("glorot2010", "the variance 2/(fan_in + fan_out)"),),
    "glorot_normal": (("glorot2010", "the variance 2/(fan_in + fan_out)"),),
    "he_uniform": (("he2015", "the variance 2/fan_in for rectifiers"),),
    "he_normal": (("he2015", "the variance 2/fan_in for rectifiers"),),
}

RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "perceptron_rule": (
        ("rosenblatt1958", "the perceptron and its learning rule"),
        ("minsky1969", "what a single-layer perceptron cannot learn"),
    ),
    "delta_rule": (("widrow1960", "Adaline and the least-mean-squares (Widrow–Hoff) rule"),),
    "gradient_descent": (
        ("cauchy1847", "steepest descent"),
        (_GDL, "gradient-based optimisation, §4.3"),
    ),
    "stochastic_gradient_descent": (
        ("robbins1951", "stochastic approximation"),
        ("bottou2012", "mini-batch practice"),
    ),
    "momentum": (
        ("polyak1964", "the heavy-ball method"),
        ("rumelhart1986", "momentum in backpropagation"),
        ("sutskever2013", "momentum in deep learning"),
    ),
    "backpropagation": (
        ("rumelhart1986", "backpropagation in multi-layer networks"),
        (_GDL, "back-propagation and the chain rule, §6.5"),
    ),
    "bptt": (
        ("werbos1990", "backpropagation through time"),
        ("williams1990", "truncated backpropagation through time"),
    ),
    "hebbian": (
        ("hebb1949", "connections strengthen between cells that are active together"),
        ("hopfield1982", "the Hebbian storage rule of the Hopfield network"),
    ),
}

MODELS: dict[str, tuple[tuple[str, str], ...]] = {
    "neuron": (
        ("mcculloch1943", "the first model of a neuron as a threshold unit"),
        (_GDL, "the unit of a feed-forward network, chapter 6"),
    ),
    "perceptron": (
        ("rosenblatt1958", "introduced the perceptron"),
        ("minsky1969", "its limits: XOR"),
    ),
    "adaline": (("widrow1960", "introduced Adaline"),),
    "one_vs_rest": (
        ("bishop2006", "one-versus-the-rest classifiers, §4.1.2"),
        ("rifkin2004", "one-vs-all as a strong baseline"),
    ),
    "mlp": (
        ("rumelhart1986", "multi-layer networks trained by backpropagation"),
        ("cybenko1989", "one hidden layer approximates any continuous function"),
        ("hornik1989", "the universal approximation theorem"),
        (_GDL, "deep feed-forward networks, chapter 6"),
    ),
    "autoencoder": (
        ("bourlard1988", "a linear auto-associator finds the principal subspace"),
        ("hinton2006", "deep autoencoders for dimensionality reduction"),
        (_GDL, "autoencoders, chapter 14"),
    ),
    "cnn": (
        ("fukushima1980", "the neocognitron"),
        ("lecun1989", "a convolutional network trained by backpropagation"),
        (_GDL, "convolutional networks, chapter 9"),
    ),
    "lenet": (("lecun1998", "LeNet-5"),),
    "rnn": (
        ("elman1990", "the simple recurrent network"),
        ("pytorch_rnn", "the equations used here"),
    ),
    "elman": (("elman1990", "introduced the simple recurrent network"),),
    "jordan": (("jordan1986", "outputs fed back into the hidden layer"),),
    "lstm": (
        ("hochreiter1997", "introduced the LSTM"),
        ("gers2000", "the forget gate"),
        ("pytorch_lstm", "the equations and gate order used here"),
    ),
    "gru": (
        ("cho2014", "introduced the gated recurrent unit"),
        ("pytorch_gru", "the equations and gate order used here"),
    ),
    "hopfield": (
        ("hopfield1982", "introduced the network and its energy"),
        ("amit1985", "its capacity, about 0.138 patterns per unit"),
    ),
    "echo_state_network": (("jaeger2001", "introduced echo state networks"),),
    "extreme_learning_machine": (("huang2006", "introduced the extreme learning machine"),),
    "zoo": (
        ("vanveen2016", "the 2016 chart"),
        ("vanveen2019", "the updated chart"),
        ("broomhead1988", "radial basis network"),
        ("kingma2013", "variational autoencoder"),
        ("vincent2008", "denoising autoencoder"),
        ("ranzato2006", "sparse autoencoder"),
        ("hayes2013", "Markov chain, a history"),
        ("ackley1985", "Boltzmann machine"),
        ("smolensky1986", "restricted Boltzmann machine (the harmonium)"),
        ("hinton2006b", "deep belief network"),
        ("zeiler2010", "deconvolutional network"),
        ("kulkarni2015", "deep convolutional inverse graphics network"),
        ("goodfellow2014", "generative adversarial network"),
        ("maass2002", "liquid state machine"),
        ("he2016", "deep residual network"),
        ("graves2014", "neural Turing machine"),
        ("graves2016", "differentiable neural computer"),
        ("sabour2017", "capsule network"),
        ("kohonen1982", "Kohonen network (self-organising map)"),
        ("cortes1995", "support vector machine"),
        ("bahdanau2014", "attention network"),
    ),
}

MODEL_ALIASES: dict[str, str] = {
    "sequential": "mlp",
    "recurrentlayer": "rnn",
    "jordannetwork": "jordan",
    "conv2d": "cnn",
    "echostatenetwork": "echo_state_network",
    "esn": "echo_state_network",
    "extremelearningmachine": "extreme_learning_machine",
    "elm": "extreme_learning_machine",
    "onevsrest": "one_vs_rest",
    "multilayer_perceptron": "mlp",
}

RULE_ALIASES: dict[str, str] = {
    "widrow_hoff": "delta_rule",
    "lms": "delta_rule",
    "adaline": "delta_rule",
    "sgd": "stochastic_gradient_descent",
    "backprop": "backpropagation",
    "backpropagation_through_time": "bptt",
    "hebb": "hebbian",
}
