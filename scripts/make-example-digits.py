#!/usr/bin/env python3
"""Writes the SDE lab's shipped example digits (resources/sde/README.md).

    python3 scripts/make-example-digits.py [mnist_dir] [out_dir]

mnist_dir defaults to <repo>/data/mnist (scripts/fetch-mnist.sh), out_dir to <repo>/resources/sde.
Takes the first PER_CLASS (10) digits of each class from the MNIST test set (t10k), in test-set
order within a class, sorted by class (ten 0s, then ten 1s, ...), and writes them as two IDX files:
examples-images-idx3-ubyte (magic 0x00000803, 100 x 28 x 28) and examples-labels-idx1-ubyte
(magic 0x00000801, 100). Python 3 standard library only. tests/engine/test_sde_data.cpp checks that
the shipped files equal what this script writes (through the engine's ImageSet::withLabels).
"""
import os
import struct
import sys

PER_CLASS = 10


def read_idx(path, magic):
    with open(path, "rb") as f:
        data = f.read()
    got = struct.unpack(">I", data[:4])[0]
    if got != magic:
        sys.exit(f"{path}: bad magic 0x{got:08x}, expected 0x{magic:08x}")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    body = data[4 + 4 * ndim:]
    size = 1
    for d in dims:
        size *= d
    if len(body) != size:
        sys.exit(f"{path}: header promises {size} bytes, file has {len(body)}")
    return dims, body


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    mnist = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "data", "mnist")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "resources", "sde")
    (count, rows, cols), pixels = read_idx(os.path.join(mnist, "t10k-images-idx3-ubyte"), 0x803)
    (nlab,), labels = read_idx(os.path.join(mnist, "t10k-labels-idx1-ubyte"), 0x801)
    if nlab != count:
        sys.exit(f"{count} images but {nlab} labels")
    size = rows * cols
    picked = {d: [] for d in range(10)}
    for i in range(count):
        d = labels[i]
        if len(picked[d]) < PER_CLASS:
            picked[d].append(i)
    order = [i for d in range(10) for i in picked[d]]
    if len(order) != 10 * PER_CLASS:
        sys.exit("the test set does not have PER_CLASS digits of every class")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "examples-images-idx3-ubyte"), "wb") as f:
        f.write(struct.pack(">IIII", 0x803, len(order), rows, cols))
        for i in order:
            f.write(pixels[i * size:(i + 1) * size])
    with open(os.path.join(out, "examples-labels-idx1-ubyte"), "wb") as f:
        f.write(struct.pack(">II", 0x801, len(order)))
        f.write(bytes(labels[i] for i in order))
    print(f"wrote {len(order)} digits ({PER_CLASS} per class) to {out}")


if __name__ == "__main__":
    main()
