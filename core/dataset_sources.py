"""Where MNIST and Fashion-MNIST files usually are on a learner's computer (§3.6.1).

The book's ``dataset/mnist.py`` downloads the four IDX ``.gz`` files into ``dataset/`` next to the
code and pickles them to ``dataset/mnist.pkl``; Keras keeps ``~/.keras/datasets/mnist.npz`` and
a ``fashion-mnist`` folder; torchvision keeps ``data/MNIST/raw``. :func:`candidate_paths` lists
those places in the order they are tried and :func:`find_mnist` returns the first that holds a
set :func:`core.datasets.load_mnist` can read. Nothing is read here beyond a directory listing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["IDX_TRAIN_IMAGES", "candidate_paths", "find_mnist", "looks_like_mnist"]

#: The file whose presence marks a folder of IDX files (with or without ``.gz``).
IDX_TRAIN_IMAGES = "train-images-idx3-ubyte"

_MNIST_PLACES = (
    "dataset/mnist.pkl",  # the book's own code, run from the chapter folder's parent
    "dataset",
    "../dataset/mnist.pkl",  # …or from a chapter folder (ch03/, ch04/ …)
    "../dataset",
    "mnist.npz",
    "data/MNIST/raw",  # torchvision
    "mnist",
)
_MNIST_HOME_PLACES = (
    "dataset/mnist.pkl",
    "dataset",
    ".keras/datasets/mnist.npz",  # Keras
    "data/MNIST/raw",
    "mnist",
)
_FASHION_PLACES = ("dataset/fashion-mnist", "data/FashionMNIST/raw", "fashion-mnist")
_FASHION_HOME_PLACES = (
    ".keras/datasets/fashion-mnist",  # Keras
    "data/FashionMNIST/raw",
    "dataset/fashion-mnist",
    "fashion-mnist",
)


def candidate_paths(
    *,
    fashion: bool = False,
    home: str | os.PathLike[str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    remembered: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]:
    """The places to look for MNIST (or Fashion-MNIST) files, most likely first.

    ``remembered`` (e.g. the folder the learner chose last time) comes first, then places
    relative to ``cwd`` (the working directory), then to ``home`` (the user's home folder).
    Duplicates are listed once.
    """
    home_dir = Path(home) if home is not None else Path.home()
    cwd_dir = Path(cwd) if cwd is not None else Path.cwd()
    local, in_home = (
        (_FASHION_PLACES, _FASHION_HOME_PLACES) if fashion else (_MNIST_PLACES, _MNIST_HOME_PLACES)
    )
    paths = [Path(p) for p in remembered if str(p)]
    paths += [cwd_dir / p for p in local]
    paths += [home_dir / p for p in in_home]
    unique: list[Path] = []
    for path in paths:
        if path not in unique:
            unique.append(path)
    return unique


def looks_like_mnist(path: str | os.PathLike[str]) -> bool:
    """True for an existing ``.pkl`` or ``.npz`` file, or a folder holding the training images
    (``train-images-idx3-ubyte`` or ``.gz``). Whether the content is sound is for
    :func:`core.datasets.load_mnist` to say."""
    p = Path(path)
    try:
        if p.is_file():
            return p.suffix.lower() in (".pkl", ".npz")
        if p.is_dir():
            return any(
                (p / name).is_file() for name in (IDX_TRAIN_IMAGES, IDX_TRAIN_IMAGES + ".gz")
            )
    except OSError:  # a folder we may not look into
        return False
    return False


def find_mnist(candidates: Sequence[str | os.PathLike[str]]) -> Path | None:
    """The first of ``candidates`` that :func:`looks_like_mnist`, or None."""
    for path in candidates:
        if looks_like_mnist(path):
            return Path(path)
    return None
