#!/usr/bin/env python3
"""Side-by-side: the spiking E-I network of attractor-cli ei, written independently in Brian2
(Debian's python3-brian, C++ standalone mode), run with the same parameters and the same
'persistent' schedule; compares firing rates (goal: within 10%) and wall time (docs/performance.md).

Usage: ei_brian2.py <attractor-cli> [--NE 800] [--duration 1000] [--dt 0.05]
Exits 0 with "SKIP: ..." when Brian2 is not installed (it is not a build requirement).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

try:
    import brian2 as b2
except ImportError:
    print("SKIP: Brian2 is not installed (apt-get install python3-brian; use /usr/bin/python3)")
    sys.exit(0)


def brian_run(NE, T, dt, seed):
    """The network of docs/models/ei-spiking.md with the reference defaults (EiParams)."""
    project_dir = tempfile.mkdtemp(prefix="ei_brian2_")
    b2.set_device("cpp_standalone", directory=project_dir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = 0  # one thread
    b2.defaultclock.dt = dt * b2.ms
    b2.seed(seed)
    ms = b2.ms
    NI = NE // 8
    p = 0.25
    gL, Vth, Vreset, Vfloor, tauRef = 0.15, 1.0, 0.0, -5.0, 5.0
    tauE, tauI = 20.0, 15.0
    tauEs, tauIs, tauEf, tauIf = 150.0, 10.0, 10.0, 6.0
    a, stimA = math.pi / 10, math.pi / 6
    wEE, wEIp, wIpE, wIpIp, kappa = 185 * 1.25, 16 * 1.25, -11 * 1.25, -4 * 1.25, 1.0
    s = 1.5
    jEE, jEId, jIdE, jIdId = 2.5 * s, 5.0 * s, -4.8 * s, -3.8 * s
    scale = 0.1 * math.sqrt(1.25 * NE)
    bg, height, z = 0.1, 0.9, 0.0
    KE, KI = p * NE, p * NI

    # bump height schedule of the 'persistent' protocol: on over [0.1 T, 0.4 T)
    steps = int(round(T / dt))
    on = [height if 0.1 * T <= (k * dt) < 0.4 * T else 0.0 for k in range(steps + 1)]
    stim = b2.TimedArray(on, dt=dt * ms)

    eqE = """
    dV/dt = (-gL*V + I)/tauE_ : 1 (unless refractory)
    I = fE + fId + sE + sIp + kappa*(fE + sE + ext)*sIp + ext : 1
    ext = scale*(bg + stim(t)*G) : 1
    G : 1
    dfE/dt = -fE/tauEf_ : 1
    dfId/dt = -fId/tauIf_ : 1
    dsE/dt = -sE/tauEs_ : 1
    dsIp/dt = -sIp/tauIs_ : 1
    """
    eqId = """
    dV/dt = (-gL*V + fE + fId)/tauI_ : 1 (unless refractory)
    dfE/dt = -fE/tauEf_ : 1
    dfId/dt = -fId/tauIf_ : 1
    """
    eqIp = """
    dV/dt = (-gL*V + sE + sIp)/tauI_ : 1 (unless refractory)
    dsE/dt = -sE/tauEs_ : 1
    dsIp/dt = -sIp/tauIs_ : 1
    """
    ns = dict(gL=gL, kappa=kappa, scale=scale, bg=bg, stim=stim, tauE_=tauE * ms, tauI_=tauI * ms,
              tauEf_=tauEf * ms, tauIf_=tauIf * ms, tauEs_=tauEs * ms, tauIs_=tauIs * ms)
    kw = dict(threshold="V >= 1", reset="V = 0", refractory=tauRef * ms, method="euler", namespace=ns)
    E = b2.NeuronGroup(NE, eqE, **kw)
    Id = b2.NeuronGroup(NI, eqId, **kw)
    Ip = b2.NeuronGroup(NI, eqIp, **kw)
    for g in (E, Id, Ip):
        g.V = "rand()"
        g.run_regularly("V = clip(V, %g, 1e9)" % Vfloor, when="end")
    theta = [-math.pi + 2 * math.pi * i / NE for i in range(NE)]
    E.G = [math.exp(-(math.remainder(x - z, 2 * math.pi)) ** 2 / (2 * stimA ** 2)) for x in theta]

    syn = []

    def project(pre, post, var, w, tau, prob, no_self=False):
        S = b2.Synapses(pre, post, on_pre="%s_post += %r" % (var, w / tau), namespace={})
        if prob >= 1:
            S.connect(condition="i != j" if no_self else None)
        else:
            S.connect(condition="i != j" if no_self else None, p=prob)
        syn.append(S)
        return S

    project(E, E, "fE", jEE / math.sqrt(KE), tauEf, p, True)
    project(E, Id, "fE", jEId / math.sqrt(KE), tauEf, p)
    project(Id, E, "fId", jIdE / math.sqrt(KI), tauIf, p)
    project(Id, Id, "fId", jIdId / math.sqrt(KI), tauIf, p, True)
    project(E, Ip, "sE", wEIp / KE, tauEs, p)
    project(Ip, E, "sIp", wIpE / KI, tauIs, p)
    project(Ip, Ip, "sIp", wIpIp / KI, tauIs, p, True)
    # slow structured E->E: all to all, Gaussian in the preferred-angle difference (w ~ 1/N_E)
    SEE = b2.Synapses(E, E, "w : 1", on_pre="sE_post += w", namespace={})
    SEE.connect()
    SEE.w = ("%r * exp(-((((2*pi*(i - j)/%d) + 3*pi) %% (2*pi) - pi)**2) / %r)"
             % (wEE / NE / tauEs, NE, 2 * a * a))
    syn.append(SEE)

    mons = [b2.SpikeMonitor(g) for g in (E, Ip, Id)]
    net = b2.Network(E, Id, Ip, *syn, *mons)
    net.run(T * ms)
    t0 = time.time()
    b2.device.build(directory=project_dir, run=False, compile=True)
    compile_s = time.time() - t0
    t0 = time.time()
    b2.device.run(b2.device.project_dir, False, [])
    run_s = time.time() - t0
    rates = []
    for m, n in zip(mons, (NE, NI, NI)):
        t = m.t / ms
        rates.append(float(((t >= 0.1 * T) & (t < T)).sum()) / (0.9 * T / 1000.0) / n)
    return rates, run_s, compile_s


def ours(cli, NE, T, dt, seed):
    out = subprocess.run([cli, "ei", "--protocol", "persistent", "--NE", str(NE), "--duration", str(T),
                          "--set", "dt=%g" % dt, "--seed", str(seed), "--threads", "1"],
                         check=True, capture_output=True, text=True).stdout
    j = json.loads(out.strip().splitlines()[-1])
    return [j["rate_E_hz"], j["rate_Ip_hz"], j["rate_Id_hz"]], j["wall_s"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--NE", type=int, default=800)
    ap.add_argument("--duration", type=float, default=1000.0)
    ap.add_argument("--dt", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    b2.prefs.codegen.cpp.extra_compile_args_gcc = ["-O3", "-march=native", "-w"]
    r_b, run_b, comp_b = brian_run(a.NE, a.duration, a.dt, a.seed)
    r_o, wall_o = ours(a.cli, a.NE, a.duration, a.dt, a.seed)
    names = ("E", "Ip", "Id")
    ok = True
    print("N_E = %d, %.0f ms at dt = %g ms, one thread each" % (a.NE, a.duration, a.dt))
    for n, x, y in zip(names, r_o, r_b):
        rel = abs(x - y) / max(y, 1e-9)
        ok &= rel <= 0.10
        print("rate %-2s  attractor-cli %7.2f Hz   Brian2 %7.2f Hz   difference %5.1f%%" % (n, x, y, 100 * rel))
    print("wall    attractor-cli %.3f s   Brian2 %.3f s (run; + %.1f s compile)   Brian2 / ours = %.2f"
          % (wall_o, run_b, comp_b, run_b / wall_o))
    print(json.dumps({"rates_ours": r_o, "rates_brian2": r_b, "wall_ours_s": wall_o, "wall_brian2_s": run_b,
                      "speed_ratio": run_b / wall_o, "rates_within_10pct": bool(ok)}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
