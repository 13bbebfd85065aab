#include "surrogate/SurrogateDataset.h"

#include <cmath>
#include <stdexcept>

#include "cann/RingSimulation.h"
#include "core/EnumNames.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"
#include "surrogate/TorusOdeStepper.h"

namespace as::surrogate {

// 2: the layout of 1 in a checksummed file (io/Hdf5Integrity.h); 1 still loads, unverified.
constexpr std::int64_t kDatasetFormatVersion = 2;

namespace {
const std::vector<std::string>& caseNames() {
    static const std::vector<std::string> names = {"ring", "hd2d", "grid3d"};
    return names;
}
}  // namespace

const char* caseName(SurrogateCase c) {
    return nameAt(caseNames(), int(c));
}

SurrogateCase caseFromName(const std::string& name) {
    return enumFromName<SurrogateCase, std::invalid_argument>(caseNames(), name, "case");
}

std::vector<std::string> caseChannels(SurrogateCase c) {
    switch (c) {
        case SurrogateCase::Ring:
            return {"ring"};
        case SurrogateCase::Hd2d:
            return {"azimuth", "pitch"};
        case SurrogateCase::Grid3d:
            return {"grid3d"};
    }
    return {};
}

int caseAxes(SurrogateCase c) {
    return c == SurrogateCase::Grid3d ? 3 : 1;
}

TorusParams defaultTorusTeacher() {
    TorusParams p;
    p.dims = 3;
    p.n = 32;
    p.dt = 0.2;
    return p;
}

double DatasetParams::teacherDt() const {
    return which == SurrogateCase::Grid3d ? torus.dt : teacher.dt;
}

int DatasetParams::odeStepsPerInput() const {
    return int(std::lround(inputStepMs / teacherDt()));
}

void DatasetParams::check() const {
    if (sequences < 5)
        throw std::invalid_argument("sequences must be >= 5 (got " + std::to_string(sequences) +
                                    ")");
    if (steps < 10)
        throw std::invalid_argument("steps must be >= 10 (got " + std::to_string(steps) + ")");
    if (!(inputStepMs > 0 && inputStepMs <= 100))
        throw std::invalid_argument("input_step_ms must be in (0, 100]");
    if (!(settleMs >= 0 && settleMs <= 1000))
        throw std::invalid_argument("settle_ms must be in [0, 1000]");
    if (which == SurrogateCase::Grid3d) {
        torus.check();
        if (torus.dims != 3)
            throw std::invalid_argument("the grid3d teacher must be a 3D torus (dims = 3)");
    } else {
        teacher.check();
    }
    const double ratio = inputStepMs / teacherDt();
    if (std::abs(ratio - std::round(ratio)) > 1e-6 || std::round(ratio) < 1)
        throw std::invalid_argument("the ODE dt must divide input_step_ms (input_step_ms / dt = " +
                                    std::to_string(ratio) + ")");
    process.check();
}

int SurrogateDataset::trainSequences() const {
    int n = int(std::lround(0.8 * sequences));
    return std::max(1, std::min(n, sequences - 1));
}

const float* SurrogateDataset::input(int c, int s) const {
    return inputs.data() + (std::size_t(c) * sequences + s) * steps * axes;
}
const float* SurrogateDataset::target(int c, int s) const {
    return targets.data() + (std::size_t(c) * sequences + s) * steps * 2 * axes;
}

namespace {

/// Grid3d: one channel of three phases; the teacher is the 3D torus (TorusOdeStepper).
void generateGrid3d(const DatasetParams& p, SurrogateDataset& d,
                    const std::function<void(int, int)>& progress,
                    const std::atomic<bool>* cancel) {
    const int k = p.odeStepsPerInput();
    const int settle = int(std::lround(p.settleMs / p.torus.dt));
    TorusOdeStepper ode(p.torus, k);
    {
        const double zero[3] = {0, 0, 0};
        ode.settle(zero, std::max(settle, int(std::lround(20.0 / p.torus.dt))));
        d.componentScale = ode.step(zero)[0].magnitude;
        if (!(d.componentScale > 0))
            throw std::runtime_error("the teacher forms no bump (|v| = 0)");
    }
    int completed = p.sequences;
    for (int s = 0; s < p.sequences; ++s) {
        if (cancel && cancel->load()) {
            completed = s;
            break;
        }
        const ProcessKind kind = p.process.kind == ProcessKind::All
                                     ? ProcessKind(s % 6 < 4 ? s % 6 : s % 6 + 1)
                                     : p.process.kind;
        const auto seq =
            generateInputs(p.process, kind, 3, p.steps, p.inputStepMs, p.seed + std::uint64_t(s));
        ode.settle(seq.data(), settle);
        for (int t = 0; t < p.steps; ++t) {
            const auto& dec = ode.step(seq.data() + 3 * t);
            for (int a = 0; a < 3; ++a) {
                d.inputs.push_back(float(seq[std::size_t(3 * t + a)]));
                d.targets.push_back(float(dec[std::size_t(a)].sumCos / d.componentScale));
                d.targets.push_back(float(dec[std::size_t(a)].sumSin / d.componentScale));
            }
        }
        if (progress) progress(s + 1, p.sequences);
    }
    d.sequences = completed;
    d.params.sequences = completed;
}

}  // namespace

SurrogateDataset SurrogateDataset::generate(const DatasetParams& p,
                                            const std::function<void(int, int)>& progress,
                                            const std::atomic<bool>* cancel) {
    p.check();
    SurrogateDataset d;
    d.which = p.which;
    d.params = p;
    d.channels = int(caseChannels(p.which).size());
    d.axes = caseAxes(p.which);
    d.steps = p.steps;
    if (p.which == SurrogateCase::Grid3d) {
        generateGrid3d(p, d, progress, cancel);
        return d;
    }
    const int k = p.odeStepsPerInput();
    const int settle = int(std::lround(p.settleMs / p.teacher.dt));
    StimulusParams stim;
    stim.protocol = Protocol::External;
    // The scale: |v| of the settled bump under the stimulus, from one reference run.
    {
        RingSimulation ref(p.teacher, stim, 16, 1, 1000000);
        ref.setExternalTarget(0.0);
        ref.step(std::max(settle, 200));
        d.componentScale = ref.decode().magnitude;
        if (!(d.componentScale > 0))
            throw std::runtime_error("the teacher forms no bump (|v| = 0)");
    }
    std::vector<std::vector<float>> ins(std::size_t(d.channels)), tgs(std::size_t(d.channels));
    int done = 0;
    const int total = d.channels * p.sequences;
    int completed = p.sequences;
    for (int s = 0; s < p.sequences; ++s) {
        if (cancel && cancel->load()) {
            completed = s;
            break;
        }
        for (int c = 0; c < d.channels; ++c) {
            ProcessParams pp = p.process;
            pp.halfRange = (p.which == SurrogateCase::Hd2d && c == 1);
            const ProcessKind kind = pp.kind == ProcessKind::All ? ProcessKind(s % 4) : pp.kind;
            const auto seq =
                generateSequence(pp, kind, p.steps, p.seed + 1000ull * c + std::uint64_t(s));
            RingSimulation sim(p.teacher, stim, 16, 1, 1000000);
            sim.setExternalTarget(seq[0]);
            sim.step(settle);
            for (int t = 0; t < p.steps; ++t) {
                sim.setExternalTarget(seq[std::size_t(t)]);
                if (sim.step(k) != k)
                    throw std::runtime_error("the teacher halted: " + sim.message());
                const Decode dec = sim.decode();
                ins[std::size_t(c)].push_back(float(seq[std::size_t(t)]));
                tgs[std::size_t(c)].push_back(float(dec.sumCos / d.componentScale));
                tgs[std::size_t(c)].push_back(float(dec.sumSin / d.componentScale));
            }
            if (progress) progress(++done, total);
        }
    }
    d.sequences = completed;
    for (int c = 0; c < d.channels; ++c) {
        d.inputs.insert(d.inputs.end(), ins[std::size_t(c)].begin(), ins[std::size_t(c)].end());
        d.targets.insert(d.targets.end(), tgs[std::size_t(c)].begin(), tgs[std::size_t(c)].end());
    }
    d.params.sequences = completed;
    return d;
}

void SurrogateDataset::save(const std::string& path) const {
    h5::silenceErrors();
    // Written aside and renamed, sealed with checksums (io/Hdf5Integrity.h).
    h5::writeFileAtomically(path, "dataset file", [&](hid_t f) {
        h5::Handle g = h5::createGroup(f, "surrogate_dataset");
        h5::writeAttribute(g, "format_version", kDatasetFormatVersion);
        h5::writeAttribute(g, "case", std::string(caseName(which)));
        h5::writeAttribute(g, "component_scale", componentScale);
        h5::writeAttribute(g, "input_step_ms", params.inputStepMs);
        h5::writeAttribute(g, "settle_ms", params.settleMs);
        h5::writeAttribute(g, "seed", std::int64_t(params.seed));
        h5::writeAttribute(g, "process", processNames()[std::size_t(params.process.kind)]);
        for (const auto& spec : CannParams::specs())
            h5::writeAttribute(g, "teacher_" + spec.key, params.teacher.get(spec.key));
        if (which == SurrogateCase::Grid3d)
            for (const auto& spec : TorusParams::specs())
                h5::writeAttribute(g, "torus_" + spec.key, params.torus.get(spec.key));
        const auto C = hsize_t(channels), S = hsize_t(sequences), T = hsize_t(steps),
                   A = hsize_t(axes);
        if (axes == 1)
            h5::writeDataset(g, "inputs", inputs, {C, S, T});
        else
            h5::writeDataset(g, "inputs", inputs, {C, S, T, A});
        h5::writeDataset(g, "targets", targets, {C, S, T, 2 * A});
    });
}

SurrogateDataset SurrogateDataset::load(const std::string& path) {
    h5::silenceErrors();
    if (!h5::isHdf5(path)) throw h5::Error("'" + path + "' is not an HDF5 dataset file");
    const std::string where = "dataset file '" + path + "'";
    try {
        return loadChecked(path);
    } catch (const h5::Error& e) {
        const std::string msg = e.what();
        if (msg.find("'" + path + "'") != std::string::npos) throw;
        throw h5::Error(where + ": " + msg);
    } catch (const std::bad_alloc&) {
        throw h5::Error(where + ": a dataset is too large to load (damaged file?)");
    } catch (const std::exception& e) {
        throw h5::Error(where + ": " + e.what());
    }
}

SurrogateDataset SurrogateDataset::loadChecked(const std::string& path) {
    h5::Handle f = h5::openFileReadOnly(path);  // verifies the checksums the file carries
    h5::Handle g = h5::openGroup(f, "surrogate_dataset");
    SurrogateDataset d;
    const std::int64_t version = h5::readIntAttribute(g, "format_version");
    if (version < 1 || version > kDatasetFormatVersion)
        throw h5::Error("'" + path + "': unsupported dataset format version " +
                        std::to_string(version));
    if (version >= 2 && !h5::hasChecksums(f))
        throw h5::Error("'" + path + "': a format " + std::to_string(version) +
                        " file must carry attribute '/" + h5::kChecksumAttribute +
                        "' (damaged, or altered by another program)");
    try {
        d.which = caseFromName(h5::readStringAttribute(g, "case"));
        d.params.process.kind = processFromName(h5::readStringAttribute(g, "process"));
    } catch (const std::invalid_argument& e) {
        throw h5::Error("'" + path + "': " + e.what());
    }
    d.params.which = d.which;
    d.componentScale = h5::readDoubleAttribute(g, "component_scale");
    d.params.inputStepMs = h5::readDoubleAttribute(g, "input_step_ms");
    d.params.settleMs = h5::readDoubleAttribute(g, "settle_ms");
    d.params.seed = std::uint64_t(h5::readIntAttribute(g, "seed"));
    for (const auto& spec : CannParams::specs())
        d.params.teacher.set(spec.key, h5::readDoubleAttribute(g, "teacher_" + spec.key));
    if (d.which == SurrogateCase::Grid3d)
        for (const auto& spec : TorusParams::specs())  // a key newer than the file: its default
            if (h5::hasAttribute(g, "torus_" + spec.key))
                d.params.torus.set(spec.key, h5::readDoubleAttribute(g, "torus_" + spec.key));
    d.axes = caseAxes(d.which);
    const auto shape = h5::datasetShape(g, "inputs");
    const auto tshape = h5::datasetShape(g, "targets");
    const bool inputsOk =
        d.axes == 1 ? shape.size() == 3 : shape.size() == 4 && shape[3] == hsize_t(d.axes);
    if (!inputsOk || tshape.size() != 4 || tshape[0] != shape[0] || tshape[1] != shape[1] ||
        tshape[2] != shape[2] || tshape[3] != hsize_t(2 * d.axes))
        throw h5::Error("'" + path + "': inputs/targets have inconsistent shapes for case " +
                        caseName(d.which) + " (" + std::to_string(d.axes) + " angle(s) a step)");
    d.channels = int(shape[0]);
    d.sequences = int(shape[1]);
    d.steps = int(shape[2]);
    if (d.channels != int(caseChannels(d.which).size()) || d.sequences < 2 || d.steps < 1)
        throw h5::Error("'" + path + "': the shape does not fit case " + caseName(d.which));
    d.params.sequences = d.sequences;
    d.params.steps = d.steps;
    d.inputs = h5::readFloats(g, "inputs");
    d.targets = h5::readFloats(g, "targets");
    if (!(d.componentScale > 0)) throw h5::Error("'" + path + "': component_scale must be > 0");
    return d;
}

}  // namespace as::surrogate
