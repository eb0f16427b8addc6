"""Tests for core.datasets: the loaders, their defence against bad files, and the toy sets."""

from __future__ import annotations

import gzip
import io
import pickle
import struct
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.datasets import (
    DIGIT_CLASS_NAMES,
    FASHION_CLASS_NAMES,
    TOY_DATASETS,
    Dataset,
    DatasetError,
    load_digits,
    load_mnist,
    load_toy,
    read_idx,
    to_one_hot,
)

TRAIN_IMAGES = "train-images-idx3-ubyte"
TRAIN_LABELS = "train-labels-idx1-ubyte"
TEST_IMAGES = "t10k-images-idx3-ubyte"
TEST_LABELS = "t10k-labels-idx1-ubyte"
MNIST_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "mnist"


def make_tiny_mnist() -> dict[str, np.ndarray]:
    """5 train and 3 test 28×28 images with labels, keyed by IDX file name."""
    rng = np.random.default_rng(2024)
    train_x = rng.integers(0, 256, (5, 28, 28), dtype=np.uint8)
    train_x[0, 0, :2] = (0, 255)  # make sure both ends of the pixel range occur
    return {
        TRAIN_IMAGES: train_x,
        TRAIN_LABELS: np.array([3, 1, 4, 1, 5], dtype=np.uint8),
        TEST_IMAGES: rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
        TEST_LABELS: np.array([9, 2, 6], dtype=np.uint8),
    }


TINY = make_tiny_mnist()  # module-level data, not a fixture, so hypothesis tests can use it too


def idx_bytes(array: np.ndarray) -> bytes:
    """An uncompressed IDX file: magic 00 00 08 <ndim>, big-endian sizes, then the bytes."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_idx(path: Path, array: np.ndarray, gz: bool = True) -> Path:
    """Write ``array`` as an IDX file at exactly ``path``, gzip-compressed when ``gz``."""
    data = idx_bytes(array)
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_mnist_dir(folder: Path, parts: dict[str, np.ndarray] = TINY, gz: bool = True) -> Path:
    """Write the four IDX files (named ``*.gz`` when ``gz``) into ``folder``, creating it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, array in parts.items():
        write_idx(folder / (f"{name}.gz" if gz else name), array, gz=gz)
    return folder


def book_pickle_dict(parts: dict[str, np.ndarray] = TINY) -> dict[str, np.ndarray]:
    """The dict the book's mnist.pkl holds: flattened (N, 784) images and (N,) labels."""
    return {
        "train_img": parts[TRAIN_IMAGES].reshape(-1, 784),
        "train_label": parts[TRAIN_LABELS],
        "test_img": parts[TEST_IMAGES].reshape(-1, 784),
        "test_label": parts[TEST_LABELS],
    }


def keras_npz_arrays(parts: dict[str, np.ndarray] = TINY) -> dict[str, np.ndarray]:
    """The arrays of a Keras-style mnist.npz."""
    return {
        "x_train": parts[TRAIN_IMAGES],
        "y_train": parts[TRAIN_LABELS],
        "x_test": parts[TEST_IMAGES],
        "y_test": parts[TEST_LABELS],
    }


def npy_bytes(array: np.ndarray) -> bytes:
    """``array`` in NumPy's .npy format."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array)
    return buffer.getvalue()


def write_npz(path: Path, **members: bytes) -> Path:
    """A Keras-style mnist.npz whose members are the tiny arrays, except those given as bytes."""
    with zipfile.ZipFile(path, "w") as archive:
        for key, array in keras_npz_arrays().items():
            archive.writestr(f"{key}.npy", members.get(key, npy_bytes(array)))
    return path


def assert_same_contents(a: Dataset, b: Dataset) -> None:
    for mine, theirs in zip(
        (a.x_train, a.t_train, a.x_test, a.t_test),
        (b.x_train, b.t_train, b.x_test, b.t_test),
        strict=True,
    ):
        assert mine.dtype == theirs.dtype
        np.testing.assert_array_equal(mine, theirs)


def load_error(path: Path) -> str:
    """Load ``path``, expecting a DatasetError, and return its message."""
    with pytest.raises(DatasetError) as excinfo:
        load_mnist(path)
    return str(excinfo.value)


# --- load_digits -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def digits() -> Dataset:
    return load_digits()


@pytest.fixture(scope="module")
def sklearn_digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits as sklearn_load_digits

    bunch = sklearn_load_digits()
    return bunch.data.astype(np.uint8), bunch.target


def test_digits_sizes_and_types(digits: Dataset) -> None:
    assert len(digits.x_train) + len(digits.x_test) == 1797
    assert len(digits.x_test) / 1797 == pytest.approx(0.2, abs=0.01)
    assert digits.x_train.shape[1:] == digits.x_test.shape[1:] == (64,)
    assert digits.x_train.dtype == digits.x_test.dtype == np.float32
    assert digits.t_train.dtype == digits.t_test.dtype == np.int64
    assert (digits.n_classes, digits.image_shape, digits.class_names) == (
        10,
        (8, 8),
        DIGIT_CLASS_NAMES,
    )


def test_digits_pixels_and_labels(digits: Dataset) -> None:
    for x, t in digits:
        assert x.min() >= 0.0 and x.max() == 1.0
        assert set(np.unique(t)) == set(range(10))


def test_digits_split_is_a_partition_of_sklearns_data(
    digits: Dataset, sklearn_digits: tuple[np.ndarray, np.ndarray]
) -> None:
    raw_x, raw_t = sklearn_digits
    split_rows = np.concatenate([digits.x_train, digits.x_test]) * 16
    assert np.array_equal(split_rows, np.round(split_rows))  # pixels are exact sixteenths
    as_key = [row.astype(np.uint8).tobytes() for row in split_rows]
    assert Counter(as_key) == Counter(row.tobytes() for row in raw_x)  # nothing lost or reused

    labels_of: dict[bytes, set[int]] = {}
    for row, label in zip(raw_x, raw_t, strict=True):
        labels_of.setdefault(row.tobytes(), set()).add(label)
    split_labels = np.concatenate([digits.t_train, digits.t_test])
    assert all(label in labels_of[key] for key, label in zip(as_key, split_labels, strict=True))


def test_digits_is_deterministic(digits: Dataset) -> None:
    again = load_digits()
    assert_same_contents(digits, again)


def test_digits_options() -> None:
    raw = load_digits(normalize=False, flatten=False, one_hot_label=True, test_ratio=0.5)
    assert raw.x_train.dtype == np.uint8 and raw.x_train.max() == 16
    assert raw.x_train.shape[1:] == (1, 8, 8)
    assert len(raw.x_test) / 1797 == pytest.approx(0.5, abs=0.01)
    for _, t in raw:
        assert t.dtype == np.float32 and t.shape[1] == 10
        np.testing.assert_array_equal(t.sum(axis=1), 1.0)
    same_split = load_digits(test_ratio=0.5)
    np.testing.assert_array_equal(raw.t_train.argmax(axis=1), same_split.t_train)


@pytest.mark.parametrize("ratio", [0.0, 1.0, -0.1, 1.5, float("nan")])
def test_digits_rejects_bad_test_ratio(ratio: float) -> None:
    with pytest.raises(ValueError, match="test_ratio"):
        load_digits(test_ratio=ratio)


# --- load_mnist: the good paths ----------------------------------------------------------------------


@pytest.mark.parametrize("gz", [True, False])
def test_idx_folder_gives_exactly_the_written_arrays(tmp_path: Path, gz: bool) -> None:
    ds = load_mnist(write_mnist_dir(tmp_path, gz=gz), normalize=False, flatten=False)
    np.testing.assert_array_equal(ds.x_train, TINY[TRAIN_IMAGES][:, np.newaxis])
    np.testing.assert_array_equal(ds.x_test, TINY[TEST_IMAGES][:, np.newaxis])
    np.testing.assert_array_equal(ds.t_train, TINY[TRAIN_LABELS])
    np.testing.assert_array_equal(ds.t_test, TINY[TEST_LABELS])
    assert ds.x_train.dtype == np.uint8 and ds.t_train.dtype == np.int64
    assert (ds.name, ds.n_classes, ds.image_shape) == ("MNIST", 10, (28, 28))


def test_mnist_normalized_flattened_one_hot(tmp_path: Path) -> None:
    ds = load_mnist(write_mnist_dir(tmp_path), one_hot_label=True)
    assert ds.x_train.shape == (5, 784) and ds.x_train.dtype == np.float32
    np.testing.assert_array_equal(ds.x_train * 255, TINY[TRAIN_IMAGES].reshape(5, 784))
    assert ds.x_train.min() == 0.0 and ds.x_train.max() == 1.0
    assert ds.t_test.shape == (3, 10) and ds.t_test.dtype == np.float32
    np.testing.assert_array_equal(ds.t_test.argmax(axis=1), TINY[TEST_LABELS])
    np.testing.assert_array_equal(ds.t_test.sum(axis=1), 1.0)


def test_dataset_unpacks_like_the_books_loader(tmp_path: Path) -> None:
    ds = load_mnist(write_mnist_dir(tmp_path))
    (x_train, t_train), (x_test, t_test) = ds
    assert x_train is ds.x_train and t_train is ds.t_train
    assert x_test is ds.x_test and t_test is ds.t_test
    assert ds.train[0] is ds.x_train and ds.train[1] is ds.t_train
    assert ds.test[0] is ds.x_test and ds.test[1] is ds.t_test
    assert "5 train + 3 test" in repr(ds)


def test_fashion_only_changes_names(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path)
    fashion = load_mnist(folder, fashion=True)
    assert fashion.name == "Fashion-MNIST" and fashion.class_names == FASHION_CLASS_NAMES
    assert len(fashion.class_names) == fashion.n_classes == 10
    assert_same_contents(fashion, load_mnist(folder))


def test_gzip_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    reference = load_mnist(write_mnist_dir(tmp_path / "ref"))
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    write_idx(mixed / TRAIN_IMAGES, TINY[TRAIN_IMAGES], gz=True)  # gzip under the raw name
    write_idx(mixed / f"{TRAIN_LABELS}.gz", TINY[TRAIN_LABELS], gz=False)  # raw under .gz
    write_idx(mixed / TEST_IMAGES, TINY[TEST_IMAGES], gz=False)
    write_idx(mixed / f"{TEST_LABELS}.gz", TINY[TEST_LABELS], gz=True)
    assert_same_contents(load_mnist(mixed), reference)


def test_gz_file_wins_over_raw_file(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path)
    (folder / TRAIN_IMAGES).write_bytes(b"garbage that would fail to load")
    assert_same_contents(load_mnist(folder), load_mnist(write_mnist_dir(tmp_path / "clean")))


@pytest.mark.parametrize("protocol", [0, 2, 4, 5])
def test_book_pickle_matches_idx_folder(tmp_path: Path, protocol: int) -> None:
    pkl = tmp_path / "mnist.pkl"
    pkl.write_bytes(pickle.dumps(book_pickle_dict(), protocol=protocol))
    assert_same_contents(load_mnist(pkl), load_mnist(write_mnist_dir(tmp_path / "idx")))


@pytest.mark.parametrize("compressed", [False, True])
def test_keras_npz_matches_idx_folder(tmp_path: Path, compressed: bool) -> None:
    npz = tmp_path / "mnist.npz"
    (np.savez_compressed if compressed else np.savez)(npz, **keras_npz_arrays())
    expected = load_mnist(write_mnist_dir(tmp_path / "idx"), normalize=False, one_hot_label=True)
    assert_same_contents(load_mnist(npz, normalize=False, one_hot_label=True), expected)


def test_unfamiliar_file_names_are_sniffed(tmp_path: Path) -> None:
    expected = load_mnist(write_mnist_dir(tmp_path / "idx"))
    as_pickle = tmp_path / "data.bin"
    as_pickle.write_bytes(pickle.dumps(book_pickle_dict(), protocol=4))
    as_zip = write_npz(tmp_path / "data.dat")
    assert_same_contents(load_mnist(as_pickle), expected)
    assert_same_contents(load_mnist(as_zip), expected)


def test_read_idx_returns_the_declared_array(tmp_path: Path) -> None:
    images = read_idx(write_idx(tmp_path / "images.gz", TINY[TEST_IMAGES]))
    labels = read_idx(write_idx(tmp_path / "labels", TINY[TEST_LABELS], gz=False), ndim=1)
    np.testing.assert_array_equal(images, TINY[TEST_IMAGES])
    np.testing.assert_array_equal(labels, TINY[TEST_LABELS])
    assert images.dtype == labels.dtype == np.uint8
    images[0, 0, 0] = 7  # learners may edit what they load
    assert images[0, 0, 0] == 7


def test_read_idx_checks_the_kind_it_is_asked_for(tmp_path: Path) -> None:
    labels = write_idx(tmp_path / "labels.gz", TINY[TEST_LABELS])
    with pytest.raises(DatasetError, match=r"labels\.gz.*2051"):
        read_idx(labels, ndim=3)
    with pytest.raises(ValueError, match="ndim"):
        read_idx(labels, ndim=2)


# --- load_mnist: damaged and hostile files --------------------------------------------------------


def test_missing_file_is_named_with_where_to_get_it(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path)
    (folder / f"{TEST_LABELS}.gz").unlink()
    message = load_error(folder)
    assert TEST_LABELS in message and TRAIN_LABELS not in message.split(";")[0]
    assert "mnist.pkl" in message and "Fashion-MNIST" in message


def test_missing_path_is_named(tmp_path: Path) -> None:
    assert "nowhere" in load_error(tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"\x12\x34\x56\x78", "0x12345678"),  # not an IDX file at all
        (b"\x00\x00\x08\x01", "2051"),  # a labels file where images belong
        (b"\x00\x00\x09\x03", "2051"),  # signed bytes instead of unsigned
    ],
)
def test_wrong_magic_number(tmp_path: Path, header: bytes, expected: str) -> None:
    folder = write_mnist_dir(tmp_path, gz=False)
    good = idx_bytes(TINY[TRAIN_IMAGES])
    (folder / TRAIN_IMAGES).write_bytes(header + good[4:])
    message = load_error(folder)
    assert TRAIN_IMAGES in message and expected in message


def test_truncated_data_says_expected_and_found(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path)
    data = idx_bytes(TINY[TRAIN_IMAGES])[:-100]
    (folder / f"{TRAIN_IMAGES}.gz").write_bytes(gzip.compress(data))
    message = load_error(folder)
    assert TRAIN_IMAGES in message and "truncated" in message
    assert "3920" in message and "3820" in message  # 5 × 28 × 28 declared, 100 fewer present


def test_truncated_header(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path, gz=False)
    (folder / TEST_LABELS).write_bytes(b"\x00\x00\x08\x01\x00\x00")
    assert TEST_LABELS in load_error(folder)


def test_trailing_bytes(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path, gz=False)
    (folder / TEST_LABELS).write_bytes(idx_bytes(TINY[TEST_LABELS]) + b"\x00")
    message = load_error(folder)
    assert TEST_LABELS in message and "extra bytes" in message


def test_image_and_label_counts_must_match(tmp_path: Path) -> None:
    parts = dict(TINY, **{TRAIN_LABELS: TINY[TRAIN_LABELS][:4]})
    message = load_error(write_mnist_dir(tmp_path, parts))
    assert TRAIN_IMAGES in message and TRAIN_LABELS in message
    assert "5 images" in message and "4 labels" in message


def test_labels_must_be_digits(tmp_path: Path) -> None:
    bad = TINY[TEST_LABELS].copy()
    bad[1] = 12
    message = load_error(write_mnist_dir(tmp_path, dict(TINY, **{TEST_LABELS: bad})))
    assert TEST_LABELS in message and "12" in message


def test_train_and_test_image_sizes_must_match(tmp_path: Path) -> None:
    small = np.zeros((3, 20, 20), dtype=np.uint8)
    message = load_error(write_mnist_dir(tmp_path, dict(TINY, **{TEST_IMAGES: small})))
    assert TRAIN_IMAGES in message and TEST_IMAGES in message and "20×20" in message


def test_empty_image_file(tmp_path: Path) -> None:
    empty = np.zeros((0, 28, 28), dtype=np.uint8)
    parts = dict(TINY, **{TEST_IMAGES: empty, TEST_LABELS: np.zeros(0, dtype=np.uint8)})
    assert TEST_IMAGES in load_error(write_mnist_dir(tmp_path, parts))


def test_absurd_header_is_refused_before_allocating(tmp_path: Path) -> None:
    folder = write_mnist_dir(tmp_path, gz=False)
    header = bytes([0, 0, 8, 3]) + struct.pack(">3I", 2**31, 28, 28)
    (folder / TRAIN_IMAGES).write_bytes(header + b"\x00" * 10)
    message = load_error(folder)
    assert TRAIN_IMAGES in message and "256 MiB" in message


@pytest.mark.parametrize("damage", ["flip", "cut"])
def test_corrupt_gzip(tmp_path: Path, damage: str) -> None:
    folder = write_mnist_dir(tmp_path)
    path = folder / f"{TEST_IMAGES}.gz"
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2 : len(data) // 2 + 8] = bytes(b ^ 0xFF for b in data[-16:-8])
    else:
        del data[len(data) // 2 :]
    path.write_bytes(bytes(data))
    assert f"{TEST_IMAGES}.gz" in load_error(folder)


class RunsCode:
    """Pickles as a call to ``open(marker, "w")``; unpickling it unchecked would create marker."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (self.marker, "w")


@pytest.mark.parametrize("protocol", [0, 2, 5])
def test_pickle_that_would_run_code_is_refused(tmp_path: Path, protocol: int) -> None:
    marker = tmp_path / "code-ran"
    pkl = tmp_path / "mnist.pkl"
    pkl.write_bytes(pickle.dumps(dict(book_pickle_dict(), test_label=RunsCode(marker)), protocol))
    message = load_error(pkl)
    assert "mnist.pkl" in message and "refusing to run code" in message
    assert not marker.exists()


class HugeArray:
    """Pickles as NumPy's own ``_reconstruct`` asked for a 512 MiB array."""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        reconstruct = np.zeros(1).__reduce__()[0]
        return reconstruct, (np.ndarray, (512 * 2**20,), np.dtype(np.uint8))


def test_pickle_cannot_allocate_a_huge_array(tmp_path: Path) -> None:
    pkl = tmp_path / "mnist.pkl"
    pkl.write_bytes(pickle.dumps(dict(book_pickle_dict(), train_img=HugeArray()), protocol=4))
    message = load_error(pkl)
    assert "mnist.pkl" in message and "256 MiB" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not a pickle at all", "cannot read"),
        (pickle.dumps([1, 2, 3]), "list"),
        (pickle.dumps({k: v for k, v in book_pickle_dict().items() if k != "test_label"}), "test_"),
        (pickle.dumps(dict(book_pickle_dict(), train_img=np.zeros((5, 784)))), "uint8"),
        (pickle.dumps(dict(book_pickle_dict(), train_img=np.zeros((5, 30), np.uint8))), "784"),
        (pickle.dumps(dict(book_pickle_dict(), test_label=[9, 2, 6])), "1-D integer"),
    ],
)
def test_bad_pickle_contents(tmp_path: Path, content: bytes, expected: str) -> None:
    pkl = tmp_path / "mnist.pkl"
    pkl.write_bytes(content)
    message = load_error(pkl)
    assert "mnist.pkl" in message and expected in message


def test_npz_missing_key(tmp_path: Path) -> None:
    npz = tmp_path / "mnist.npz"
    np.savez(npz, **{k: v for k, v in keras_npz_arrays().items() if k != "y_test"})
    message = load_error(npz)
    assert "mnist.npz" in message and "y_test" in message


def test_npz_object_array_is_refused_without_unpickling(tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    npz = tmp_path / "mnist.npz"
    evil = np.array([RunsCode(marker)], dtype=object)
    np.savez(npz, **dict(keras_npz_arrays(), y_test=evil))
    assert "mnist.npz" in load_error(npz)
    assert not marker.exists()


def test_npz_written_member_by_member_loads(tmp_path: Path) -> None:
    expected = load_mnist(write_mnist_dir(tmp_path / "idx"))
    assert_same_contents(load_mnist(write_npz(tmp_path / "mnist.npz")), expected)


@pytest.mark.parametrize("change", [-50, +50])
def test_npz_member_size_must_match_its_header(tmp_path: Path, change: int) -> None:
    good = npy_bytes(TINY[TEST_IMAGES])
    bad = good[:change] if change < 0 else good + bytes(change)
    message = load_error(write_npz(tmp_path / "mnist.npz", x_test=bad))
    assert "mnist.npz" in message and "x_test" in message and "declares" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("mnist.npz", b"not a zip archive", "cannot read"),
        ("data.bin", b"\x00\x00\x08\x03 and so on", "single IDX file"),
        ("data.bin", b"hello", "neither"),
    ],
)
def test_unrecognised_files(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    (tmp_path / name).write_bytes(content)
    message = load_error(tmp_path / name)
    assert name in message and expected in message


# --- arbitrary bytes never escape as anything but DatasetError ----------------------------------------

SMALL_BYTES = st.binary(max_size=2000)  # < 3920 bytes, so never five genuine 28×28 images
IDX_HEADERS = st.builds(
    lambda magic, dims: struct.pack(">I", magic) + struct.pack(">3I", *dims),
    st.sampled_from([2051, 2049, 0x0803_0000, 0x0000_0903]),
    st.tuples(st.integers(0, 12), st.integers(0, 40), st.integers(0, 40)),
)
PREFIXES = st.one_of(
    IDX_HEADERS, st.sampled_from([b"\x1f\x8b\x08\x00", b"\x80\x04\x95", b"\x80\x02", b"PK\x03\x04"])
)
PAYLOADS = st.one_of(SMALL_BYTES, st.tuples(PREFIXES, SMALL_BYTES).map(b"".join))
FUZZ = settings(max_examples=150, deadline=None)


@FUZZ
@given(payload=PAYLOADS, compress=st.booleans(), gz_name=st.booleans())
def test_arbitrary_idx_images_file(payload: bytes, compress: bool, gz_name: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_mnist_dir(Path(tmp), gz=False)
        (folder / TRAIN_IMAGES).unlink()
        data = gzip.compress(payload) if compress else payload
        (folder / (f"{TRAIN_IMAGES}.gz" if gz_name else TRAIN_IMAGES)).write_bytes(data)
        with pytest.raises(DatasetError, match=TRAIN_IMAGES):
            load_mnist(folder)


@FUZZ
@given(payload=PAYLOADS)
def test_arbitrary_pickle_file(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pkl = Path(tmp) / "mnist.pkl"
        pkl.write_bytes(payload)
        with pytest.raises(DatasetError, match=r"mnist\.pkl"):
            load_mnist(pkl)


@FUZZ
@given(payload=PAYLOADS, as_member=st.booleans())
def test_arbitrary_npz_file(payload: bytes, as_member: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        npz = Path(tmp) / "mnist.npz"
        if as_member:  # a sound archive whose x_train.npy holds the bytes
            write_npz(npz, x_train=payload)
        else:
            npz.write_bytes(payload)
        with pytest.raises(DatasetError, match=r"mnist\.npz"):
            load_mnist(npz)


# --- to_one_hot ---------------------------------------------------------------------------------------


@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n - 1), max_size=30))
    )
)
def test_one_hot_marks_each_label(case: tuple[int, list[int]]) -> None:
    n_classes, labels = case
    one_hot = to_one_hot(np.array(labels, dtype=np.int64), n_classes)
    assert one_hot.shape == (len(labels), n_classes) and one_hot.dtype == np.float32
    np.testing.assert_array_equal(one_hot.sum(axis=1), 1.0)
    np.testing.assert_array_equal(one_hot.argmax(axis=1), labels)


@pytest.mark.parametrize(
    ("labels", "n_classes"),
    [([0, 10], 10), ([-1], 3), ([0.0, 1.0], 2), ([[0, 1]], 2), (["a"], 2), ([0], 0), ([0], True)],
)
def test_one_hot_rejects_bad_input(labels: Any, n_classes: int) -> None:
    with pytest.raises(ValueError):
        to_one_hot(labels, n_classes)


# --- toy data -------------------------------------------------------------------------------------


def test_toy_dataset_names() -> None:
    assert TOY_DATASETS == ("spiral", "moons", "circles", "xor", "blobs")


@pytest.mark.parametrize(
    ("name", "n_classes"),
    [("spiral", 3), ("moons", 2), ("circles", 2), ("xor", 2), ("blobs", 3)],
)
def test_toy_shapes_and_classes(name: str, n_classes: int) -> None:
    ds = load_toy(name, n_samples=200)
    assert len(ds.x_train) + len(ds.x_test) == 200
    assert len(ds.x_test) == pytest.approx(50, abs=n_classes)
    assert ds.x_train.shape[1:] == (2,) and ds.x_train.dtype == np.float64
    assert ds.t_train.dtype == np.int64
    assert (ds.name, ds.n_classes, ds.image_shape) == (name, n_classes, None)
    assert ds.class_names == tuple(str(c) for c in range(n_classes))
    for x, t in ds:
        assert set(np.unique(t)) == set(range(n_classes))
        assert np.abs(x).max() < 2.5


@pytest.mark.parametrize("name", TOY_DATASETS)
def test_toy_every_class_in_both_splits_even_when_tiny(name: str) -> None:
    ds = load_toy(name, n_samples=6, test_ratio=0.1)
    assert set(np.unique(ds.t_train)) == set(np.unique(ds.t_test)) == set(range(ds.n_classes))


@pytest.mark.parametrize("name", TOY_DATASETS)
def test_toy_reproducible_by_seed(name: str) -> None:
    first, again, other = (load_toy(name, seed=s) for s in (7, 7, 8))
    assert_same_contents(first, again)
    assert not np.array_equal(first.x_train, other.x_train)


def test_toy_one_hot() -> None:
    ds = load_toy("spiral", one_hot_label=True)
    plain = load_toy("spiral")
    assert ds.t_train.shape == (len(ds.x_train), 3) and ds.t_train.dtype == np.float32
    np.testing.assert_array_equal(ds.t_train.argmax(axis=1), plain.t_train)


def test_noise_free_toys_have_their_defining_geometry() -> None:
    x, t = load_toy("xor", noise=0.0).train
    np.testing.assert_array_equal(t, (x[:, 0] * x[:, 1] < 0).astype(np.int64))
    assert np.abs(x).max() <= 1.0
    x, t = load_toy("circles", noise=0.0).train
    np.testing.assert_allclose(np.hypot(x[:, 0], x[:, 1]), np.where(t == 0, 1.0, 0.5))
    x, _ = load_toy("spiral", noise=0.0).train
    assert np.hypot(x[:, 0], x[:, 1]).max() <= 1.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"name": "swirl"}, "spiral, moons, circles, xor, blobs"),
        ({"name": "moons", "n_samples": 3}, "n_samples"),
        ({"name": "spiral", "n_samples": 5}, "n_samples"),
        ({"name": "moons", "n_samples": 10.0}, "n_samples"),
        ({"name": "moons", "noise": -0.1}, "noise"),
        ({"name": "moons", "noise": float("inf")}, "noise"),
        ({"name": "moons", "test_ratio": 0.0}, "test_ratio"),
        ({"name": "moons", "test_ratio": 1.0}, "test_ratio"),
    ],
)
def test_toy_rejects_bad_arguments(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        load_toy(**kwargs)  # type: ignore[arg-type]


# --- the real MNIST files, when present ------------------------------------------------------------

needs_mnist = pytest.mark.skipif(
    not all((MNIST_DIR / f"{name}.gz").is_file() for name in (TEST_IMAGES, TEST_LABELS)),
    reason=f"real MNIST test files not found in {MNIST_DIR}",
)


@pytest.mark.mnist
@needs_mnist
def test_read_idx_on_real_mnist() -> None:
    images = read_idx(MNIST_DIR / f"{TEST_IMAGES}.gz")
    labels = read_idx(MNIST_DIR / f"{TEST_LABELS}.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and labels.dtype == np.uint8
    counts = np.bincount(labels, minlength=10)
    assert len(counts) == 10 and all(800 <= c <= 1200 for c in counts)


@pytest.mark.mnist
@needs_mnist
def test_load_mnist_on_real_files(tmp_path: Path) -> None:
    for name in (TEST_IMAGES, TEST_LABELS):
        real = MNIST_DIR / f"{name}.gz"
        (tmp_path / f"{name}.gz").symlink_to(real)
        (tmp_path / f"{name.replace('t10k', 'train')}.gz").symlink_to(real)
    ds = load_mnist(tmp_path)
    assert len(ds.x_train) == len(ds.x_test) == 10000
    assert ds.x_train.dtype == np.float32 and ds.x_train.shape == (10000, 784)
    assert ds.x_train.min() == 0.0 and ds.x_train.max() == 1.0
