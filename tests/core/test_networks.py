"""Networks: backprop against numerical gradients for every configuration (§5.7.3), and more."""

import numpy as np
import pytest

from core.gradient import gradient_check
from core.networks import MultiLayerNet, MultiLayerNetExtend, TwoLayerNet, init_std

rng = np.random.default_rng(7)
X = rng.standard_normal((5, 6))
T = np.array([0, 1, 2, 1, 0])

CONFIGURATIONS = {
    "two-layer": lambda: TwoLayerNet(6, 5, 3, weight_init_std=0.5, seed=0),
    "two-layer sigmoid": lambda: TwoLayerNet(6, 5, 3, 0.5, "sigmoid", seed=0),
    "relu he": lambda: MultiLayerNet(6, [5, 4], 3, "relu", "he", seed=1),
    "sigmoid xavier": lambda: MultiLayerNet(6, [5, 4], 3, "sigmoid", "xavier", seed=1),
    "tanh decay": lambda: MultiLayerNet(6, [5], 3, "tanh", 0.3, weight_decay_lambda=0.1, seed=2),
    "batch norm": lambda: MultiLayerNetExtend(6, [5, 4], 3, use_batchnorm=True, seed=4),
    "dropout": lambda: MultiLayerNetExtend(6, [5, 4], 3, "tanh", use_dropout=True, seed=4),
    "everything": lambda: MultiLayerNetExtend(
        6,
        [5, 4],
        3,
        "sigmoid",
        "xavier",
        weight_decay_lambda=0.05,
        use_dropout=True,
        dropout_ratio=0.2,
        use_batchnorm=True,
        seed=5,
    ),
}


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖); a gradient that is 0 (a bias before batch norm) counts as scale 1e-6."""
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), 1e-6)
    return float(np.linalg.norm(a - b) / scale)


@pytest.mark.parametrize("name", CONFIGURATIONS)
def test_backprop_agrees_with_numerical_gradient(name):
    net = CONFIGURATIONS[name]()
    numeric = net.numerical_gradient(X, T)
    backprop = net.gradient(X, T)
    assert numeric.keys() == backprop.keys() == net.params.keys()
    for key in net.params:
        assert backprop[key].shape == net.params[key].shape
        assert relative_error(backprop[key], numeric[key]) < 1e-5, key


def test_gradient_check_reports_tiny_mean_differences():
    diffs = gradient_check(CONFIGURATIONS["everything"](), X, T)
    assert set(diffs) == {"W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"}
    assert max(diffs.values()) < 1e-7


def test_gradient_check_catches_a_broken_backward():
    net = TwoLayerNet(6, 5, 3, weight_init_std=0.5, seed=0)
    affine = net.layers["Affine1"]
    original = affine.backward

    def forgets_the_transpose(dout):
        dx = original(dout)
        affine.dW = affine.dW * 2  # a wrong dW
        return dx

    affine.backward = forgets_the_transpose
    assert gradient_check(net, X, T)["W1"] > 1e-4


def test_book_two_layer_net_size_and_shapes():
    net = TwoLayerNet(784, 50, 10, seed=0)
    assert net.param_count == 39_760
    assert net.param_shapes() == {"W1": (784, 50), "b1": (50,), "W2": (50, 10), "b2": (10,)}
    assert list(net.layers) == ["Affine1", "Relu1", "Affine2"]
    assert net.params["W1"].std() == pytest.approx(0.01, rel=0.02)


def test_layers_share_the_parameter_arrays():
    net = MultiLayerNetExtend(6, [5], 3, use_batchnorm=True, seed=0)
    assert net.layers["Affine1"].W is net.params["W1"]
    assert net.layers["BatchNorm1"].gamma is net.params["gamma1"]
    assert list(net.layers) == ["Affine1", "BatchNorm1", "Relu1", "Affine2"]


@pytest.mark.parametrize(
    ("init", "expected"),
    [
        (0.01, 0.01),
        ("he", np.sqrt(2 / 100)),
        ("relu", np.sqrt(2 / 100)),
        ("xavier", np.sqrt(1 / 100)),
        ("sigmoid", 0.1),
    ],
)
def test_weight_init_std(init, expected):
    assert init_std(init, 100) == pytest.approx(expected)
    net = MultiLayerNet(100, [400], 10, weight_init_std=init, seed=0)
    assert net.params["W1"].std() == pytest.approx(expected, rel=0.02)


def test_same_seed_same_weights_different_seed_different_weights():
    a = MultiLayerNet(6, [5], 3, seed=11).params["W1"]
    b = MultiLayerNet(6, [5], 3, seed=11).params["W1"]
    c = MultiLayerNet(6, [5], 3, seed=12).params["W1"]
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_float32_network_stays_float32():
    net = MultiLayerNetExtend(6, [5], 3, use_batchnorm=True, seed=0, dtype=np.float32)
    x = X.astype(np.float32)
    assert net.predict(x).dtype == np.float32
    _, grads = net.loss_and_gradient(x, T)
    assert all(g.dtype == np.float32 for g in grads.values())


def test_weight_decay_adds_half_lambda_sum_of_squares():
    plain = MultiLayerNet(6, [5], 3, seed=0)
    decayed = MultiLayerNet(6, [5], 3, seed=0, weight_decay_lambda=0.1)
    squares = np.sum(plain.params["W1"] ** 2) + np.sum(plain.params["W2"] ** 2)
    assert decayed.loss(X, T) == pytest.approx(plain.loss(X, T) + 0.05 * squares)


def test_accuracy_counts_argmax_hits_in_chunks():
    net = TwoLayerNet(6, 5, 3, seed=0)
    predicted = np.argmax(net.predict(X), axis=1)
    assert net.accuracy(X, predicted, batch_size=2) == 1.0
    wrong = (predicted + 1) % 3
    assert net.accuracy(X, wrong) == 0.0
    assert net.accuracy(X, np.eye(3)[predicted]) == 1.0  # one-hot works too


def test_numerical_gradient_leaves_the_network_unchanged():
    net = CONFIGURATIONS["everything"]()
    before = {k: v.copy() for k, v in net.params.items()}
    bn = net.layers["BatchNorm1"]
    mean_before = bn.running_mean.copy()
    net.numerical_gradient(X, T)
    for key, value in before.items():
        assert np.array_equal(net.params[key], value), key
    np.testing.assert_array_equal(bn.running_mean, mean_before)


def test_save_and_load_round_trip(tmp_path):
    net = MultiLayerNetExtend(6, [5], 3, use_batchnorm=True, seed=0)
    net.gradient(X, T)  # move the running averages away from 0
    path = tmp_path / "params.npz"
    net.save_params(path)
    other = MultiLayerNetExtend(6, [5], 3, use_batchnorm=True, seed=99)
    other.load_params(path)
    np.testing.assert_array_equal(other.predict(X), net.predict(X))
    assert other.layers["Affine1"].W is other.params["W1"]  # loaded in place


def test_load_refuses_files_that_do_not_fit(tmp_path):
    path = tmp_path / "params.npz"
    TwoLayerNet(6, 5, 3, seed=0).save_params(path)
    other = TwoLayerNet(6, 7, 3, seed=1)
    before = other.params["W1"].copy()
    with pytest.raises(ValueError, match="6-5-3 network; this one is 6-7-3"):
        other.load_params(path)
    assert np.array_equal(other.params["W1"], before)
    (tmp_path / "junk.npz").write_bytes(b"not a zip file")
    with pytest.raises(ValueError, match="cannot read"):
        other.load_params(tmp_path / "junk.npz")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"hidden_size_list": [0]}, "whole number of units"),
        ({"activation": "softplus"}, "activation must be"),
        ({"weight_init_std": "glorot"}, "weight_init_std must be"),
        ({"weight_init_std": -1.0}, "weight_init_std must be"),
        ({"weight_decay_lambda": -0.1}, "weight_decay_lambda"),
        ({"dtype": np.int32}, "dtype"),
    ],
)
def test_bad_configuration(kwargs, message):
    args = {"input_size": 4, "hidden_size_list": [3], "output_size": 2, **kwargs}
    with pytest.raises(ValueError, match=message):
        MultiLayerNet(**args)


def test_wrong_input_width_is_explained():
    with pytest.raises(ValueError, match="X has 4 columns"):
        TwoLayerNet(6, 5, 3, seed=0).predict(np.zeros((2, 4)))
