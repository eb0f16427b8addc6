"""Where MNIST files are looked for, and which places count as holding them."""

import gzip

from core.dataset_sources import candidate_paths, find_mnist, looks_like_mnist


def test_the_books_places_come_first_then_keras_in_the_home_folder(tmp_path):
    home, cwd = tmp_path / "home", tmp_path / "work"
    paths = candidate_paths(home=home, cwd=cwd)
    assert paths[0] == cwd / "dataset" / "mnist.pkl"
    assert cwd / "dataset" in paths
    assert home / ".keras" / "datasets" / "mnist.npz" in paths
    assert paths.index(cwd / "dataset") < paths.index(home / "dataset")
    fashion = candidate_paths(fashion=True, home=home, cwd=cwd)
    assert home / ".keras" / "datasets" / "fashion-mnist" in fashion
    assert not any("mnist.pkl" in str(p) for p in fashion)


def test_remembered_folder_first_and_no_duplicates(tmp_path):
    remembered = tmp_path / "dataset"
    paths = candidate_paths(home=tmp_path, cwd=tmp_path, remembered=[remembered, ""])
    assert paths[0] == remembered
    assert len(paths) == len(set(paths))


def test_looks_like_mnist(tmp_path):
    folder = tmp_path / "idx"
    folder.mkdir()
    assert not looks_like_mnist(folder)
    with gzip.open(folder / "train-images-idx3-ubyte.gz", "wb") as f:
        f.write(b"x")
    assert looks_like_mnist(folder)
    pkl = tmp_path / "mnist.pkl"
    pkl.write_bytes(b"garbage")  # the content is load_mnist's business
    assert looks_like_mnist(pkl)
    assert not looks_like_mnist(tmp_path / "missing.npz")
    text = tmp_path / "notes.txt"
    text.write_text("hi")
    assert not looks_like_mnist(text)


def test_find_mnist_returns_the_first_usable_place(tmp_path):
    home, cwd = tmp_path / "home", tmp_path / "work"
    keras = home / ".keras" / "datasets"
    keras.mkdir(parents=True)
    (keras / "mnist.npz").write_bytes(b"PK")
    assert find_mnist(candidate_paths(home=home, cwd=cwd)) == keras / "mnist.npz"
    (cwd / "dataset").mkdir(parents=True)
    (cwd / "dataset" / "mnist.pkl").write_bytes(b"x")
    assert find_mnist(candidate_paths(home=home, cwd=cwd)) == cwd / "dataset" / "mnist.pkl"
    assert find_mnist([tmp_path / "nothing"]) is None
