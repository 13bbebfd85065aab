#!/usr/bin/env python3
"""Reads a spike file of `attractor-cli ei --sonata` with h5py as a SONATA reader would, and checks
the SONATA spike-file layout (AllenInstitute/sonata, docs/SONATA_DEVELOPER_GUIDE.md):
  /                              attrs magic: uint32 0x0A7A, version: uint32[2] = {0, 1}
  /spikes/<population>           attr sorting: HDF5 enum {none = 0, by_id = 1, by_time = 2}
  /spikes/<population>/timestamps  float64 [n], attr units = "ms"
  /spikes/<population>/node_ids    uint64 [n]
Usage: sonata_check.py <attractor-cli> <workdir>. Fails (never skips) without h5py: the install
script (scripts/install-deps.sh) installs python3-h5py."""
import os
import subprocess
import sys

try:
    import h5py
    import numpy as np
except ImportError as e:
    sys.exit("FAIL: python3-h5py is missing (%s); scripts/install-deps.sh installs it" % e)

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


cli, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
path = os.path.join(work, "spikes.h5")
if os.path.exists(path):
    os.remove(path)
NE = 400
run = subprocess.run([cli, "ei", "--protocol", "persistent", "--duration", "300", "--NE", str(NE), "--seed", "3",
                      "--quiet", "--sonata", path], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit("FAIL: attractor-cli ei exited %d: %s" % (run.returncode, run.stderr))

with h5py.File(path, "r") as f:
    # Root attributes.
    check("magic" in f.attrs, "root attribute 'magic' present")
    if "magic" in f.attrs:
        dt = f.attrs.get_id("magic").dtype
        check(dt == np.dtype("<u4"), "magic is uint32 (got %s)" % dt)
        check(f.attrs.get_id("magic").shape == (), "magic is a scalar")
        check(int(f.attrs["magic"]) == 0x0A7A, "magic == 0x0A7A (got %#x)" % int(f.attrs["magic"]))
    check("version" in f.attrs, "root attribute 'version' present")
    if "version" in f.attrs:
        dt = f.attrs.get_id("version").dtype
        check(dt == np.dtype("<u4"), "version is uint32 (got %s)" % dt)
        check([int(v) for v in f.attrs["version"]] == [0, 1], "version == [0, 1] (got %s)" % list(f.attrs["version"]))

    pops = sorted(f["spikes"].keys())
    check(pops == ["E", "Id", "Ip"], "populations E, Ip, Id (got %s)" % pops)
    sizes = {"E": NE, "Ip": NE // 8, "Id": NE // 8}
    for name in pops:
        g = f["spikes"][name]
        # sorting: an HDF5 enum attribute {none: 0, by_id: 1, by_time: 2}, by_time here.
        check("sorting" in g.attrs, "%s: attribute 'sorting' present" % name)
        aid = g.attrs.get_id("sorting")
        htype = aid.get_type()
        check(htype.get_class() == h5py.h5t.ENUM, "%s: sorting is an HDF5 enum (class %d)" % (name, htype.get_class()))
        mapping = h5py.check_enum_dtype(aid.dtype)
        check(mapping == {"none": 0, "by_id": 1, "by_time": 2}, "%s: sorting members none=0, by_id=1, by_time=2 (got %s)"
              % (name, mapping))
        check(htype.get_super().get_size() == 1 and htype.get_super().get_sign() == h5py.h5t.SGN_NONE,
              "%s: sorting's base type is an unsigned byte (as the SONATA report writer)" % name)
        value = int(g.attrs["sorting"])
        names = {v: k for k, v in (mapping or {}).items()}
        check(names.get(value) == "by_time", "%s: sorting == by_time (got %d)" % (name, value))

        ts, ids = g["timestamps"], g["node_ids"]
        check(ts.dtype == np.dtype("<f8"), "%s: timestamps are float64 (got %s)" % (name, ts.dtype))
        units = ts.attrs.get("units")
        check(isinstance(units, str) and units == "ms", "%s: timestamps units == 'ms' as a string (got %r)" % (name, units))
        check(ids.dtype == np.dtype("<u8"), "%s: node_ids are uint64 (got %s)" % (name, ids.dtype))
        check(ts.fletcher32 and ids.fletcher32 or ts.size == 0,
              "%s: timestamps and node_ids carry the Fletcher32 checksum (docs/reliability.md)" % name)
        t, n = ts[()], ids[()]
        check(t.shape == n.shape and t.ndim == 1, "%s: timestamps and node_ids are 1D of one length (%s, %s)"
              % (name, t.shape, n.shape))
        check(t.size > 0, "%s: has spikes (%d)" % (name, t.size))
        check(bool(np.all(np.diff(t) >= 0)), "%s: timestamps are sorted by time, as 'sorting' says" % name)
        check(bool(np.all((t >= 0) & (t <= 300))), "%s: timestamps within the 300 ms run" % name)
        check(t.size == 0 or int(n.max()) < sizes[name], "%s: node ids below the population size %d" % (name, sizes[name]))

print("%d check(s) failed" % len(failures) if failures else "all SONATA checks passed")
sys.exit(1 if failures else 0)
