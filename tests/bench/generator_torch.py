#!/usr/bin/env python3
"""Side-by-side: one training iteration of the Generator lab's model (docs/models/generator.md),
written independently in PyTorch (Debian's python3-torch, CPU, OpenBLAS), against the project's
bench_generator (Google Benchmark), both on one thread, run one after the other in this script.

The PyTorch model has the same shapes and the same work per iteration: encoder 784-400-d (ReLU,
linear output), the latent CVFR dx = (-r x + A g(x)) dt + eps dW with g(x) = beta x^2 / (c + x^2)
and A = Atilde (1 - P) + Ptilde (planted attractors), `steps` Euler-Maruyama steps with the
batch's noise drawn once, decoder d-400-784 (ReLU, sigmoid), the eq 21 loss (convergence,
reconstruction, centroid), backpropagation through time by autograd, Adam on every tensor.
Float32, batch 128, d = 20, 100 steps, 3 classes.

Usage: generator_torch.py <bench_generator> [--iterations 30]
Exits 0 with "SKIP: ..." when PyTorch is not installed (it is not a build requirement:
scripts/install-deps.sh --bench installs it).
"""
import argparse
import json
import os
import subprocess
import sys
import time

try:
    import torch
except ImportError:
    print("SKIP: PyTorch is not installed (scripts/install-deps.sh --bench, or apt-get install python3-torch)")
    sys.exit(0)


def planted(d, classes):
    """Eq 10 'blocks' attractors: class l is 1 on its block of L = d // C nodes, 0 elsewhere; P
    projects onto their span, Ptilde = the map that fixes them (A xbar = xbar / g-scaled)."""
    L = d // classes
    xbar = torch.zeros(classes, d)
    for l in range(classes):
        xbar[l, l * L:(l + 1) * L] = 1.0
    Q, _ = torch.linalg.qr(xbar.T)  # d x C orthonormal basis of the attractors
    P = Q @ Q.T
    return xbar, P


def torch_iteration_ms(iterations, batch=128, d=20, hidden=400, steps=100, dt=0.03, eps=0.05,
                       classes=3):
    torch.manual_seed(1)
    torch.set_num_threads(1)
    D = 784
    enc = torch.nn.Sequential(torch.nn.Linear(D, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, d))
    dec = torch.nn.Sequential(torch.nn.Linear(d, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, D),
                              torch.nn.Sigmoid())
    xbar, P = planted(d, classes)
    c, beta, r = 1.0 / 8, 1.0, 1.0
    gbar = beta * xbar ** 2 / (c + xbar ** 2)
    # Ptilde solves Ptilde g(xbar_l) = r xbar_l on the attractors' span (least squares).
    Ptilde = (r * xbar.T) @ torch.linalg.pinv(gbar.T)
    atilde = torch.nn.Parameter(torch.zeros(d, d))
    opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()) + [atilde], lr=1e-3)
    X = torch.rand(batch, D)
    y = torch.randint(0, classes, (batch,))
    eye = torch.eye(d)

    def step():
        noise = torch.randn(steps, batch, d) * (eps * dt ** 0.5)
        opt.zero_grad()
        A = atilde @ (eye - P) + Ptilde
        x = enc(X)
        for k in range(steps):
            g = beta * x * x / (c + x * x)
            x = x + dt * (-r * x + g @ A.T) + noise[k]
        xh = dec(x)
        target = xbar[y]
        l_conv = ((x - target) ** 2).sum() / (batch * d)
        l_rec = ((X - xh) ** 2).sum() / (batch * D)
        l_cen = 0.0
        for l in range(classes):
            m = y == l
            if m.any():
                l_cen = l_cen + ((x[m].mean(0) - xbar[l]) ** 2).sum()
        loss = l_conv + l_rec + l_cen / (d * classes)
        loss.backward()
        opt.step()

    for _ in range(3):  # warm-up
        step()
    t0 = time.perf_counter()
    for _ in range(iterations):
        step()
    return (time.perf_counter() - t0) / iterations * 1000.0


def ours_iteration_ms(bench):
    out = subprocess.run([bench, "--benchmark_filter=trainIteration/1/", "--benchmark_format=json",
                          "--benchmark_min_time=2"], capture_output=True, text=True, check=True)
    for b in json.loads(out.stdout)["benchmarks"]:
        if b["name"].startswith("trainIteration/1"):
            unit = {"ms": 1.0, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
            return b["real_time"] * unit
    raise RuntimeError("bench_generator printed no trainIteration/1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bench_generator")
    ap.add_argument("--iterations", type=int, default=30)
    a = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    ours = ours_iteration_ms(a.bench_generator)
    theirs = torch_iteration_ms(a.iterations)
    ours2 = ours_iteration_ms(a.bench_generator)  # again, so a change of load shows
    print(json.dumps({"torch_version": torch.__version__, "torch_ms_per_iter": round(theirs, 2),
                      "ours_ms_per_iter": [round(ours, 2), round(ours2, 2)],
                      "speedup": round(theirs / max(ours, ours2), 2),
                      "load_average": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
