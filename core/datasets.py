"""Datasets for the experiments: MNIST as in §3.6.1, scikit-learn's 8×8 digits, and 2-D toy sets.

Every loader returns a :class:`Dataset` that unpacks like the book's ``load_mnist``::

    (x_train, t_train), (x_test, t_test) = load_mnist("dataset/mnist.pkl")

Files from disk are treated as untrusted: every problem with one (missing, truncated, damaged,
the wrong kind of file, a pickle that would run code) becomes a :class:`DatasetError` that names
the file and says what to do, and nothing is returned until all of it has been read and checked.
scikit-learn is imported only inside the functions that need it, so importing this module is cheap.
"""

from __future__ import annotations

import functools
import gzip
import io
import math
import os
import pickle
import struct
import zipfile
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from core._checks import as_array, check_count, require_ndim

__all__ = [
    "DIGIT_CLASS_NAMES",
    "FASHION_CLASS_NAMES",
    "TOY_DATASETS",
    "Dataset",
    "DatasetError",
    "load_digits",
    "load_mnist",
    "load_toy",
    "read_idx",
    "to_one_hot",
]

DIGIT_CLASS_NAMES: tuple[str, ...] = tuple(str(digit) for digit in range(10))
FASHION_CLASS_NAMES: tuple[str, ...] = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)

_MAX_FILE_BYTES = 256 * 2**20  # far above MNIST's 47 MB; stops gzip bombs and absurd headers
_DIGITS_SPLIT_SEED = 0  # fixes load_digits' train/test split, so every call gives the same one

# Parts of an MNIST set, named like the keys of the book's mnist.pkl, and where each form keeps them.
_IDX_FILES = {
    "train_img": "train-images-idx3-ubyte",
    "train_label": "train-labels-idx1-ubyte",
    "test_img": "t10k-images-idx3-ubyte",
    "test_label": "t10k-labels-idx1-ubyte",
}
_NPZ_KEYS = {
    "train_img": "x_train",
    "train_label": "y_train",
    "test_img": "x_test",
    "test_label": "y_test",
}
_IDX_MAGIC = {3: 2051, 1: 2049}  # number of dimensions -> magic number (0x00000803, 0x00000801)
_IDX_KIND = {3: "images", 1: "labels"}
_IDX_UNSIGNED_BYTE = 0x08
_GZIP_MAGIC = b"\x1f\x8b"

_SOURCES_HINT = (
    "load_mnist takes a folder holding the four files "
    + ", ".join(_IDX_FILES.values())
    + " (each may end in .gz) from the MNIST or Fashion-MNIST site, "
    "the book's dataset/mnist.pkl, or a Keras-style mnist.npz"
)
_DOWNLOAD_AGAIN = "the file is damaged or incomplete; download it again"

Split = tuple[npt.NDArray[Any], npt.NDArray[Any]]
_Parts = dict[str, tuple[object, str]]  # part name -> (array as read, where it came from)


class DatasetError(Exception):
    """A dataset file is missing, damaged or not the kind of file expected.

    The message names the file, says what is wrong with it and what to do about it.
    """


@dataclass(frozen=True, eq=False)  # eq=False: comparing ndarrays with == gives no single bool
class Dataset:
    """A train/test split that unpacks like the result of the book's ``load_mnist`` (§3.6.1).

    ``(x_train, t_train), (x_test, t_test) = dataset`` works, as do ``dataset.train`` and
    ``dataset.test``.

    Attributes
    ----------
    x_train, t_train, x_test, t_test : numpy.ndarray
        Inputs and labels. Labels are int64 class indices, or float32 one-hot rows.
    name : str
        Human-readable name, e.g. ``"MNIST"``.
    n_classes : int
        Number of classes.
    image_shape : tuple of int or None
        ``(rows, cols)`` of one image, or None for 2-D toy data.
    class_names : tuple of str
        Name of each class, indexed by label.
    """

    x_train: npt.NDArray[Any]
    t_train: npt.NDArray[Any]
    x_test: npt.NDArray[Any]
    t_test: npt.NDArray[Any]
    name: str
    n_classes: int
    image_shape: tuple[int, ...] | None
    class_names: tuple[str, ...]

    @property
    def train(self) -> Split:
        """The training pair ``(x_train, t_train)``."""
        return self.x_train, self.t_train

    @property
    def test(self) -> Split:
        """The test pair ``(x_test, t_test)``."""
        return self.x_test, self.t_test

    def __iter__(self) -> Iterator[Split]:
        """Yield ``train`` then ``test``, so the dataset unpacks like the book's loader."""
        yield self.train
        yield self.test

    def __repr__(self) -> str:
        """Sizes and types, not the arrays themselves."""
        return (
            f"Dataset({self.name!r}: {len(self.x_train)} train + {len(self.x_test)} test, "
            f"x {self.x_train.shape[1:]} {self.x_train.dtype}, {self.n_classes} classes)"
        )


def to_one_hot(labels: npt.ArrayLike, n_classes: int) -> npt.NDArray[np.float32]:
    """One-hot rows for class indices, as ``load_mnist(one_hot_label=True)`` gives them (§3.6.1).

    Parameters
    ----------
    labels : array_like of int, shape (N,)
        Class indices in ``0 .. n_classes - 1``.
    n_classes : int
        Number of classes (columns of the result), at least 1.

    Returns
    -------
    numpy.ndarray of float32, shape (N, n_classes)
        Row ``i`` is 1 in column ``labels[i]`` and 0 elsewhere.

    Raises
    ------
    ValueError
        If ``labels`` is not a 1-D integer array or holds a value outside the class range.
    """
    t = as_array(labels, "labels")
    require_ndim(t, "labels", (1,))
    if t.dtype.kind not in "iu":
        raise ValueError(f"labels must be integer class indices, got dtype {t.dtype}")
    n = check_count(n_classes, "n_classes", minimum=1)
    if t.size and (t.min() < 0 or t.max() >= n):
        raise ValueError(
            f"labels must lie in 0..{n - 1} for {n} classes, got values from {t.min()} to {t.max()}"
        )
    one_hot = np.zeros((t.size, n), dtype=np.float32)
    one_hot[np.arange(t.size), t] = 1.0
    return one_hot


# --- scikit-learn's 8×8 digits --------------------------------------------------------------------


def load_digits(
    *,
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    test_ratio: float = 0.2,
) -> Dataset:
    """scikit-learn's 1797 real 8×8 handwritten digits, a small stand-in for MNIST (§3.6.1).

    Ships with scikit-learn, so it works offline. The stratified train/test split is the same on
    every call, and each of the 10 digits appears in both parts.

    Parameters
    ----------
    normalize : bool, default True
        Scale pixels to float32 in [0, 1] (divided by 16); otherwise uint8 in 0..16.
    flatten : bool, default True
        Give images as rows of 64 values; otherwise shaped (N, 1, 8, 8).
    one_hot_label : bool, default False
        Give labels as float32 one-hot rows (N, 10) instead of int64 class indices.
    test_ratio : float, default 0.2
        Share of each digit's images that goes to the test set, strictly between 0 and 1.

    Returns
    -------
    Dataset
        Named ``"digits"``, 10 classes, ``image_shape == (8, 8)``.

    Raises
    ------
    ValueError
        If ``test_ratio`` is not strictly between 0 and 1.
    """
    ratio = _check_ratio(test_ratio)
    from sklearn.datasets import load_digits as sklearn_load_digits

    bunch = sklearn_load_digits()
    images = bunch.images.astype(np.uint8)
    labels = bunch.target.astype(np.int64)
    train, test = _stratified_split(labels, ratio, np.random.default_rng(_DIGITS_SPLIT_SEED))
    return _image_dataset(
        "digits",
        DIGIT_CLASS_NAMES,
        (images[train], labels[train]),
        (images[test], labels[test]),
        max_value=16,
        normalize=normalize,
        flatten=flatten,
        one_hot_label=one_hot_label,
    )


# --- MNIST from disk -----------------------------------------------------------------------------


def load_mnist(
    path: str | os.PathLike[str],
    *,
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    fashion: bool = False,
) -> Dataset:
    """MNIST (or Fashion-MNIST) from disk, shaped like the book's ``load_mnist`` (§3.6.1).

    ``path`` may be

    * a folder holding ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
      ``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte``, each gzipped or raw (a ``.gz``
      file wins when both exist; gzip is recognised by its content, not its name);
    * the book's ``mnist.pkl``, read by an unpickler that only rebuilds NumPy arrays, so opening
      it can never run code;
    * a Keras-style ``mnist.npz`` with ``x_train``, ``y_train``, ``x_test`` and ``y_test``.

    Files named otherwise are recognised by their first bytes.

    Parameters
    ----------
    path : str or os.PathLike
        The folder or file to read.
    normalize : bool, default True
        Scale pixels to float32 in [0, 1] (divided by 255); otherwise uint8 in 0..255.
    flatten : bool, default True
        Give images as rows of 784 values; otherwise shaped (N, 1, 28, 28).
    one_hot_label : bool, default False
        Give labels as float32 one-hot rows (N, 10) instead of int64 class indices.
    fashion : bool, default False
        The files hold Fashion-MNIST: only the name and class names change, since its files
        look exactly like MNIST's.

    Returns
    -------
    Dataset
        Named ``"MNIST"`` or ``"Fashion-MNIST"``, 10 classes.

    Raises
    ------
    DatasetError
        If a file is missing, damaged, too large or not an MNIST file; the message names it.
    """
    train, test = _check_parts(_read_parts(Path(path)))
    name, class_names = (
        ("Fashion-MNIST", FASHION_CLASS_NAMES) if fashion else ("MNIST", DIGIT_CLASS_NAMES)
    )
    return _image_dataset(
        name,
        class_names,
        train,
        test,
        max_value=255,
        normalize=normalize,
        flatten=flatten,
        one_hot_label=one_hot_label,
    )


def read_idx(path: str | os.PathLike[str], *, ndim: int | None = None) -> npt.NDArray[np.uint8]:
    """One MNIST IDX file (gzipped or raw) as a uint8 array of the shape its header declares.

    The format the MNIST files use (§3.6.1): a 4-byte magic number ``00 00 08 0n`` (unsigned
    bytes, ``n`` dimensions; 2051 for images, 2049 for labels), ``n`` big-endian 32-bit sizes,
    then exactly that many bytes of data.

    Parameters
    ----------
    path : str or os.PathLike
        The file; gzip is recognised by its first two bytes, whatever the name.
    ndim : {None, 1, 3}, default None
        Demand a labels file (1) or an images file (3); None accepts either.

    Returns
    -------
    numpy.ndarray of uint8
        Shape (N,) for labels, (N, rows, cols) for images.

    Raises
    ------
    DatasetError
        If the file is missing, unreadable, not an MNIST IDX file, declares more than 256 MiB,
        or holds fewer or more bytes than its header declares.
    ValueError
        If ``ndim`` is not None, 1 or 3.
    """
    if ndim is not None and ndim not in _IDX_MAGIC:
        raise ValueError(f"ndim must be None, 1 (labels) or 3 (images), got {ndim!r}")
    file = Path(path)
    with _reading(file), _open_maybe_gzipped(file) as stream:
        dims = _read_idx_header(stream, file, ndim)
        return _read_idx_data(stream, file, dims)


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn any failure while reading ``path`` into a DatasetError that names the file.

    Parsing untrusted bytes fails in many library-specific ways (OSError, EOFError, zlib.error,
    zipfile.BadZipFile, pickle.UnpicklingError, ValueError from NumPy's header parser, ...), so
    everything but our own DatasetError is caught here, with the original kept as the cause.
    """
    try:
        yield
    except DatasetError:
        raise
    except Exception as exc:
        raise DatasetError(f"{path}: {_explain(exc)}") from exc


def _explain(exc: Exception) -> str:
    """What went wrong while reading a file and what to do, in a learner's words."""
    if isinstance(exc, FileNotFoundError):
        return "no such file; check the path"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file; check the path"
    if isinstance(exc, PermissionError):
        return "no permission to read this file"
    return f"cannot read it ({type(exc).__name__}: {exc}); {_DOWNLOAD_AGAIN}"


@contextmanager
def _open_maybe_gzipped(path: Path) -> Iterator[io.BufferedIOBase]:
    """Open ``path`` for reading, decompressing on the fly when it starts with gzip's magic."""
    with path.open("rb") as raw:
        if raw.peek(len(_GZIP_MAGIC))[: len(_GZIP_MAGIC)] != _GZIP_MAGIC:
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            yield unzipped


def _read_idx_header(stream: io.BufferedIOBase, path: Path, ndim: int | None) -> tuple[int, ...]:
    """Check an IDX file's magic number and return the sizes its header declares."""
    magic = stream.read(4)
    if len(magic) < 4:
        raise DatasetError(f"{path}: only {len(magic)} bytes long, too short for an MNIST file")
    wanted = _IDX_MAGIC if ndim is None else {ndim: _IDX_MAGIC[ndim]}
    file_ndim = magic[3]
    if magic[:3] != bytes([0, 0, _IDX_UNSIGNED_BYTE]) or file_ndim not in wanted:
        expected = " or ".join(
            f"{number} (0x{number:08X}) for {_IDX_KIND[n]}" for n, number in wanted.items()
        )
        raise DatasetError(
            f"{path}: not the expected MNIST file: it starts with magic number "
            f"{int.from_bytes(magic, 'big')} (0x{magic.hex().upper()}) but should start with "
            f"{expected}; check which file this is, or download it again"
        )
    sizes = stream.read(4 * file_ndim)
    if len(sizes) < 4 * file_ndim:
        raise DatasetError(f"{path}: file is truncated inside its header; download it again")
    dims = struct.unpack(f">{file_ndim}I", sizes)
    if math.prod(dims) > _MAX_FILE_BYTES:
        raise DatasetError(
            f"{path}: the header declares {_idx_contents(dims)}, {math.prod(dims)} bytes, more "
            f"than the {_MAX_FILE_BYTES >> 20} MiB limit; this is not a real MNIST file"
        )
    return dims


def _idx_contents(dims: tuple[int, ...]) -> str:
    """What an IDX header declares, in words: '10000 labels' or '5 images of 28×28 pixels'."""
    if len(dims) == 1:
        return f"{dims[0]} labels"
    return f"{dims[0]} images of {dims[1]}×{dims[2]} pixels"


def _read_idx_data(
    stream: io.BufferedIOBase, path: Path, dims: tuple[int, ...]
) -> npt.NDArray[np.uint8]:
    """Read exactly the bytes the header declared, refusing short files and trailing bytes."""
    expected = math.prod(dims)
    buffer = bytearray(expected + 1)  # one spare byte reveals data past the declared end
    found = stream.readinto(buffer)
    if found < expected:
        raise DatasetError(
            f"{path}: file is truncated: the header says {_idx_contents(dims)} ({expected} bytes) "
            f"but only {found} bytes follow; download it again"
        )
    if found > expected:
        raise DatasetError(
            f"{path}: file has extra bytes after the {_idx_contents(dims)} its header declares; "
            f"{_DOWNLOAD_AGAIN}"
        )
    return np.frombuffer(buffer, dtype=np.uint8, count=expected).reshape(dims)


def _read_parts(path: Path) -> _Parts:
    """Read the four parts of an MNIST set from a folder, a pickle or an npz, by what path is."""
    if path.is_dir():
        return _read_idx_folder(path)
    if not path.exists():
        raise DatasetError(f"{path}: no such file or folder; {_SOURCES_HINT}")
    reader = _READERS_BY_SUFFIX.get(path.suffix.lower()) or _sniff_reader(path)
    return reader(path)


def _sniff_reader(path: Path) -> Callable[[Path], _Parts]:
    """Pick the reader for a file with an unfamiliar name from its first bytes."""
    with _reading(path), path.open("rb") as file:
        head = file.read(4)
    if head.startswith(b"PK"):
        return _read_npz
    if head.startswith(b"\x80"):
        return _read_pickle
    if head.startswith((_GZIP_MAGIC, b"\x00\x00\x08")):
        raise DatasetError(
            f"{path}: this looks like a single IDX file; pass the folder that holds all four"
        )
    raise DatasetError(f"{path}: neither an MNIST pickle nor an npz archive; {_SOURCES_HINT}")


def _read_idx_folder(folder: Path) -> _Parts:
    """Read the four IDX files of a folder, preferring ``name.gz`` over ``name``."""
    found = {part: _find_idx_file(folder, name) for part, name in _IDX_FILES.items()}
    missing = [_IDX_FILES[part] for part, file in found.items() if file is None]
    if missing:
        raise DatasetError(f"{folder}: missing {', '.join(missing)}; {_SOURCES_HINT}")
    return {
        part: (read_idx(file, ndim=3 if part.endswith("img") else 1), str(file))
        for part, file in found.items()
        if file is not None
    }


def _find_idx_file(folder: Path, name: str) -> Path | None:
    """The file ``name.gz`` or else ``name`` in ``folder``, or None when neither exists."""
    candidates = (folder / f"{name}.gz", folder / name)
    return next((file for file in candidates if file.is_file()), None)


def _read_pickle(path: Path) -> _Parts:
    """Read the book's mnist.pkl without letting the pickle run any code."""
    data = _read_capped(path)
    with _reading(path):
        try:
            content = _ArraysOnlyUnpickler(io.BytesIO(data)).load()
        except _ForbiddenGlobalError as exc:
            raise DatasetError(
                f"{path}: not a plain MNIST pickle: it asks for {exc}, which could run code; "
                "refusing to run code from it. Use the book's dataset/mnist.pkl or the four "
                "MNIST files instead"
            ) from exc
    if not isinstance(content, dict):
        raise DatasetError(
            f"{path}: holds a {type(content).__name__}, not the dict of arrays of the book's "
            "mnist.pkl; delete it and let the book's mnist.py create it again"
        )
    _require_keys(path, content, _IDX_FILES)
    return {part: (content[part], f"{path} [{part!r}]") for part in _IDX_FILES}


def _read_capped(path: Path) -> bytes:
    """The whole file, refusing files larger than the size limit."""
    with _reading(path), path.open("rb") as file:
        data = file.read(_MAX_FILE_BYTES + 1)
    if len(data) > _MAX_FILE_BYTES:
        raise DatasetError(
            f"{path}: larger than {_MAX_FILE_BYTES >> 20} MiB, far bigger than MNIST; "
            "this is not an MNIST file"
        )
    return data


def _read_npz(path: Path) -> _Parts:
    """Read a Keras-style mnist.npz, checking each array's declared size before loading it."""
    with _reading(path), zipfile.ZipFile(path) as archive:
        members = {name.removesuffix(".npy") for name in archive.namelist()}
        _require_keys(path, members, _NPZ_KEYS.values())
        return {
            part: (_read_npy_member(archive, key, path), f"{path} [{key!r}]")
            for part, key in _NPZ_KEYS.items()
        }


def _read_npy_member(archive: zipfile.ZipFile, key: str, path: Path) -> npt.NDArray[Any]:
    """Load one ``.npy`` member of an npz, refusing it when its header and data disagree."""
    info = archive.getinfo(f"{key}.npy")
    if info.file_size > _MAX_FILE_BYTES:
        raise DatasetError(f"{path}: array {key!r} is larger than {_MAX_FILE_BYTES >> 20} MiB")
    data = archive.read(info)  # zipfile stops at the checked size and verifies the CRC
    stream = io.BytesIO(data)
    version = np.lib.format.read_magic(stream)
    read_header = _NPY_HEADER_READERS.get(version)
    if read_header is None:
        raise DatasetError(f"{path}: array {key!r} uses .npy format {version}, not supported here")
    shape, _, dtype = read_header(stream)
    declared = math.prod(shape) * dtype.itemsize
    if declared != len(data) - stream.tell():
        raise DatasetError(
            f"{path}: array {key!r} declares shape {shape} ({declared} bytes) but holds "
            f"{len(data) - stream.tell()} bytes; {_DOWNLOAD_AGAIN}"
        )
    stream.seek(0)
    return np.load(stream, allow_pickle=False)


_READERS_BY_SUFFIX: dict[str, Callable[[Path], _Parts]] = {
    ".pkl": _read_pickle,
    ".npz": _read_npz,
}
_NPY_HEADER_READERS = {
    (1, 0): np.lib.format.read_array_header_1_0,
    (2, 0): np.lib.format.read_array_header_2_0,
}


def _require_keys(path: Path, present: Collection[object], keys: Collection[str]) -> None:
    """Raise DatasetError naming the keys of ``keys`` missing from ``present``."""
    missing = [key for key in keys if key not in present]
    if missing:
        raise DatasetError(
            f"{path}: missing {', '.join(missing)}; an MNIST file of this kind holds "
            f"{', '.join(keys)}. Download it again, or use the four MNIST files"
        )


class _ForbiddenGlobalError(pickle.UnpicklingError):
    """A pickle asked for a global outside what NumPy arrays need."""


class _ArraysOnlyUnpickler(pickle.Unpickler):
    """An unpickler that rebuilds NumPy arrays and plain containers, and refuses everything else.

    A pickle can only call code it names by module and attribute, and every such name goes
    through :meth:`find_class`; answering only with :func:`_numpy_pickle_globals` means opening
    a file can never run anything but NumPy's own array constructors.
    """

    def find_class(self, module: str, name: str) -> Any:
        """Return the allowed object for ``module.name``, or refuse."""
        try:
            return _numpy_pickle_globals()[module, name]
        except KeyError:
            raise _ForbiddenGlobalError(f"{module}.{name}") from None


_NDARRAY_TOKEN = object()  # what a pickle gets for numpy.ndarray: usable only as an argument


@functools.cache
def _numpy_pickle_globals() -> dict[tuple[str, str], object]:
    """The globals NumPy pickles of arrays name, mapped to safe stand-ins.

    NumPy pickles an array as ``_reconstruct(ndarray, (0,), dtype)`` plus its state (protocols
    0-4) or as ``_frombuffer(buffer, dtype, shape, order)`` (protocol 5), a dtype as
    ``dtype(...)`` and a scalar as ``scalar(dtype, bytes)``; protocols 0-2 also use
    ``_codecs.encode(text, 'latin1')`` for bytes. NumPy 1 names these under ``numpy.core``,
    NumPy 2 under ``numpy._core``. The callables are taken from a live array's own ``__reduce__``,
    which gives the right ones for the installed NumPy without touching the deprecated
    ``numpy.core`` shim. ``ndarray`` is only handed out as a token that ``_reconstruct`` accepts,
    so a pickle cannot call it to allocate an array of any size it likes.
    """
    probe = np.zeros(1, dtype=np.uint8)
    reconstruct = cast(Callable[..., Any], probe.__reduce__()[0])
    frombuffer = probe.__reduce_ex__(5)[0]
    scalar = np.uint8(0).__reduce__()[0]

    def checked_reconstruct(subtype: object, shape: Any, dtype: Any) -> Any:
        descr = np.dtype(dtype)
        if subtype is not _NDARRAY_TOKEN or math.prod(shape) * descr.itemsize > _MAX_FILE_BYTES:
            raise pickle.UnpicklingError(
                f"only plain arrays up to {_MAX_FILE_BYTES >> 20} MiB are allowed"
            )
        return reconstruct(np.ndarray, shape, descr)

    def latin1_encode(text: str, encoding: str) -> bytes:
        if encoding not in ("latin1", "latin-1"):
            raise pickle.UnpicklingError(f"unexpected text encoding {encoding!r}")
        return text.encode("latin-1")

    table: dict[tuple[str, str], object] = {
        ("numpy", "ndarray"): _NDARRAY_TOKEN,
        ("numpy", "dtype"): np.dtype,
        ("_codecs", "encode"): latin1_encode,
    }
    for package in ("numpy.core", "numpy._core"):
        table[f"{package}.multiarray", "_reconstruct"] = checked_reconstruct
        table[f"{package}.multiarray", "scalar"] = scalar
        table[f"{package}.numeric", "_frombuffer"] = frombuffer
    return table


def _check_parts(parts: Mapping[str, tuple[object, str]]) -> tuple[Split, Split]:
    """Check the four parts of an MNIST set and return ``(train, test)`` as uint8/int64 pairs."""
    train, test = (
        _check_split(parts[f"{split}_img"], parts[f"{split}_label"]) for split in ("train", "test")
    )
    if train[0].shape[1:] != test[0].shape[1:]:
        (rows, cols), (test_rows, test_cols) = train[0].shape[1:], test[0].shape[1:]
        raise DatasetError(
            f"{parts['train_img'][1]} holds {rows}×{cols} images but {parts['test_img'][1]} holds "
            f"{test_rows}×{test_cols} images; train and test files must come from the same dataset"
        )
    return train, test


def _check_split(images: tuple[object, str], labels: tuple[object, str]) -> Split:
    """Check one split's images and labels and that they pair up one to one."""
    x = _check_images(*images)
    t = _check_labels(*labels)
    if len(x) != len(t):
        raise DatasetError(
            f"{images[1]} holds {len(x)} images but {labels[1]} holds {len(t)} labels; "
            "both files must come from the same download"
        )
    return x, t


def _check_images(images: object, where: str) -> npt.NDArray[np.uint8]:
    """Return ``images`` as (N, rows, cols) uint8, accepting square images flattened to rows."""
    if not isinstance(images, np.ndarray) or images.dtype != np.uint8:
        raise DatasetError(
            f"{where}: images must be a uint8 array, got {_describe(images)}; {_DOWNLOAD_AGAIN}"
        )
    if images.ndim == 2 and math.isqrt(images.shape[1]) ** 2 == images.shape[1]:
        side = math.isqrt(images.shape[1])
        images = images.reshape(len(images), side, side)
    if images.ndim != 3 or images.size == 0:
        raise DatasetError(
            f"{where}: images must be shaped (N, 28, 28) or (N, 784) with N > 0, "
            f"got shape {images.shape}; {_DOWNLOAD_AGAIN}"
        )
    return images


def _check_labels(labels: object, where: str) -> npt.NDArray[np.int64]:
    """Return ``labels`` as int64 after checking they are a 1-D array of digits 0..9."""
    if not isinstance(labels, np.ndarray) or labels.ndim != 1 or labels.dtype.kind not in "iu":
        raise DatasetError(
            f"{where}: labels must be a 1-D integer array, got {_describe(labels)}; "
            f"{_DOWNLOAD_AGAIN}"
        )
    bad = np.flatnonzero((labels < 0) | (labels >= len(DIGIT_CLASS_NAMES)))
    if bad.size:
        raise DatasetError(
            f"{where}: label {labels[bad[0]]} at position {bad[0]} is not a class 0..9 "
            f"({bad.size} of {labels.size} labels are out of range); {_DOWNLOAD_AGAIN}"
        )
    return labels.astype(np.int64)


def _describe(value: object) -> str:
    """'a float64 array of shape (3, 4)' for arrays, the type name for anything else."""
    if isinstance(value, np.ndarray):
        return f"a {value.dtype} array of shape {value.shape}"
    return f"a {type(value).__name__}"


# --- shared output formatting --------------------------------------------------------------------


def _image_dataset(
    name: str,
    class_names: tuple[str, ...],
    train: Split,
    test: Split,
    *,
    max_value: int,
    normalize: bool,
    flatten: bool,
    one_hot_label: bool,
) -> Dataset:
    """Build a Dataset from (N, rows, cols) uint8 images and int64 labels, as the book shapes it."""
    (x_train, t_train), (x_test, t_test) = train, test
    n_classes = len(class_names)
    return Dataset(
        x_train=_format_images(x_train, max_value, normalize=normalize, flatten=flatten),
        t_train=_format_labels(t_train, n_classes, one_hot_label),
        x_test=_format_images(x_test, max_value, normalize=normalize, flatten=flatten),
        t_test=_format_labels(t_test, n_classes, one_hot_label),
        name=name,
        n_classes=n_classes,
        image_shape=x_train.shape[1:],
        class_names=class_names,
    )


def _format_images(
    images: npt.NDArray[np.uint8], max_value: int, *, normalize: bool, flatten: bool
) -> npt.NDArray[Any]:
    """Scale to float32 in [0, 1] if asked, then shape as rows (N, D) or as (N, 1, rows, cols)."""
    out: npt.NDArray[Any] = images
    if normalize:
        out = images.astype(np.float32)
        out /= np.float32(max_value)
    return out.reshape(len(out), -1) if flatten else out[:, np.newaxis]


def _format_labels(
    labels: npt.NDArray[np.int64], n_classes: int, one_hot: bool
) -> npt.NDArray[Any]:
    """Class indices as they are, or as one-hot rows."""
    return to_one_hot(labels, n_classes) if one_hot else labels


def _stratified_split(
    labels: npt.NDArray[np.int64], test_ratio: float, rng: np.random.Generator
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Shuffled train and test indices holding about ``test_ratio`` of every class in the test part.

    Each class with at least two members gets at least one in each part.
    """
    train_parts, test_parts = [], []
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        n_test = min(max(round(len(members) * test_ratio), 1), len(members) - 1)
        test_parts.append(members[:n_test])
        train_parts.append(members[n_test:])
    return rng.permutation(np.concatenate(train_parts)), rng.permutation(np.concatenate(test_parts))


# --- 2-D toy data for the training dashboard (not in the book) ---------------------------------------

_Points = tuple[npt.NDArray[np.float64], npt.NDArray[Any]]  # (x of shape (N, 2), labels)
_ToyMaker = Callable[[int, np.random.Generator], _Points]
_BLOB_CENTERS = np.array([[0.0, 1.0], [-0.866, -0.5], [0.866, -0.5]])  # 3 corners of a triangle
_BLOB_SPREAD = 0.3


def _spiral(n: int, rng: np.random.Generator) -> _Points:
    """Three spiral arms of radius up to 1, each turning through three quarters of a circle."""
    labels = np.arange(n) % 3
    radius = rng.uniform(0.05, 1.0, n)
    angle = 2 * np.pi * labels / 3 + 1.5 * np.pi * radius
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]), labels


def _xor(n: int, rng: np.random.Generator) -> _Points:
    """Points uniform in [-1, 1]², labelled 1 where x0·x1 < 0 (the signs differ), else 0."""
    labels = np.arange(n) % 2
    sign0 = rng.choice([-1.0, 1.0], n)
    sign1 = np.where(labels == 1, -sign0, sign0)
    return rng.uniform(0.0, 1.0, (n, 2)) * np.column_stack([sign0, sign1]), labels


def _moons(n: int, rng: np.random.Generator) -> _Points:
    """scikit-learn's two interleaving half circles, centred on the origin."""
    from sklearn.datasets import make_moons

    x, labels = make_moons(n_samples=n, shuffle=False)
    return x - np.array([0.5, 0.25]), labels


def _circles(n: int, rng: np.random.Generator) -> _Points:
    """scikit-learn's circle of radius 1 (class 0) around one of radius 0.5 (class 1)."""
    from sklearn.datasets import make_circles

    return make_circles(n_samples=n, shuffle=False, factor=0.5)


def _blobs(n: int, rng: np.random.Generator) -> _Points:
    """scikit-learn's Gaussian blobs around three fixed centres on the unit circle."""
    from sklearn.datasets import make_blobs

    seed = int(rng.integers(2**31 - 1))
    return make_blobs(
        n_samples=n, centers=_BLOB_CENTERS, cluster_std=_BLOB_SPREAD, random_state=seed
    )


# name -> (number of classes, maker). Makers return noise-free points with classes as balanced as
# n allows; load_toy adds the jitter. moons and circles are fixed curves, so they ignore the rng.
_TOY_MAKERS: dict[str, tuple[int, _ToyMaker]] = {
    "spiral": (3, _spiral),
    "moons": (2, _moons),
    "circles": (2, _circles),
    "xor": (2, _xor),
    "blobs": (3, _blobs),
}
TOY_DATASETS: tuple[str, ...] = tuple(_TOY_MAKERS)


def load_toy(
    name: str,
    *,
    n_samples: int = 300,
    noise: float = 0.1,
    seed: int = 0,
    test_ratio: float = 0.25,
    one_hot_label: bool = False,
) -> Dataset:
    """Toy data for the training dashboard: 2-D points whose decision boundary can be drawn.

    Not in the book. The classes are as balanced as ``n_samples`` allows, the points lie roughly
    within [-1.5, 1.5]², and the same ``seed`` always gives the same data.

    Parameters
    ----------
    name : str
        One of :data:`TOY_DATASETS`: ``"spiral"`` (3 arms), ``"moons"`` (2 half circles),
        ``"circles"`` (2 rings), ``"xor"`` (2 classes over the 4 quadrants), ``"blobs"`` (3 clusters).
    n_samples : int, default 300
        Number of points in train and test together; at least 2 per class.
    noise : float, default 0.1
        Standard deviation of the Gaussian jitter added to every point, ≥ 0.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`; fixes the points and the split.
    test_ratio : float, default 0.25
        Share of each class that goes to the test set, strictly between 0 and 1. Every class
        appears in both parts.
    one_hot_label : bool, default False
        Give labels as float32 one-hot rows instead of int64 class indices.

    Returns
    -------
    Dataset
        ``x`` float64 of shape (N, 2), ``image_shape`` None, classes named ``"0"``, ``"1"``, ...

    Raises
    ------
    ValueError
        For an unknown name, too few samples, negative or non-finite noise, or a bad test_ratio.
    """
    if name not in TOY_DATASETS:  # a tuple, so unhashable names fail here too, not with TypeError
        raise ValueError(f"unknown toy dataset {name!r}; choose one of {', '.join(TOY_DATASETS)}")
    n_classes, make = _TOY_MAKERS[name]
    n = check_count(n_samples, "n_samples", minimum=2 * n_classes)
    sigma = float(noise)
    if not (np.isfinite(sigma) and sigma >= 0):
        raise ValueError(f"noise must be a finite number ≥ 0, got {noise!r}")
    ratio = _check_ratio(test_ratio)
    rng = np.random.default_rng(seed)
    x, labels = make(n, rng)
    x = x + rng.normal(0.0, sigma, x.shape)
    labels = labels.astype(np.int64)
    train, test = _stratified_split(labels, ratio, rng)
    return Dataset(
        x_train=x[train],
        t_train=_format_labels(labels[train], n_classes, one_hot_label),
        x_test=x[test],
        t_test=_format_labels(labels[test], n_classes, one_hot_label),
        name=name,
        n_classes=n_classes,
        image_shape=None,
        class_names=tuple(str(label) for label in range(n_classes)),
    )


# --- argument checks ------------------------------------------------------------------------------


def _check_ratio(value: float) -> float:
    """Return ``test_ratio`` as a float, raising ValueError unless 0 < test_ratio < 1."""
    ratio = float(value)
    if not 0.0 < ratio < 1.0:
        raise ValueError(f"test_ratio must lie strictly between 0 and 1, got {value!r}")
    return ratio
