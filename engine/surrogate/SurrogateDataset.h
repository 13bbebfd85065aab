#pragma once
// Teacher data for the surrogate: input angle sequences and the ring CANN's normalised decode
// components at every input step, for one or more channels (ring: 1; hd2d: azimuth and pitch, two
// decoupled rings). Generated once (generate()), written to and read from HDF5.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cann/CannParams.h"
#include "surrogate/InputProcess.h"

namespace as::surrogate {

/// Which CAN2ANN case: the 1D ring, 2D head direction (two decoupled rings) or 3D grid cells.
enum class SurrogateCase { Ring = 0, Hd2d = 1, Grid3d = 2 };
const char* caseName(SurrogateCase c);
/// "ring", "hd2d", "grid3d"; throws std::invalid_argument otherwise.
SurrogateCase caseFromName(const std::string& name);
/// Channel names of a case: ring {"ring"}, hd2d {"azimuth", "pitch"}.
std::vector<std::string> caseChannels(SurrogateCase c);

struct DatasetParams {
    SurrogateCase which = SurrogateCase::Ring;
    /// Number of sequences per channel, >= 5 (split 8:2 into training and validation). Default 100.
    int sequences = 100;
    /// Input steps per sequence, >= 10. Default 1000 (seed 000 §3.1).
    int steps = 1000;
    /// Duration of one input step (ms), in (0, 100]. Default 1 (= tau).
    double inputStepMs = 1.0;
    /// Teacher: the ring CANN's parameters; its dt is the ODE's internal step (default 0.2 ms,
    /// fixed by the convergence test in docs/models/surrogate.md) and must divide inputStepMs.
    CannParams teacher = [] {
        CannParams p;
        p.dt = 0.2;
        return p;
    }();
    /// Settling time (ms) with the stimulus at the first angle before recording starts. Default 20.
    double settleMs = 20.0;
    ProcessParams process;
    /// Seed of every sequence (sequence s of channel c uses seed + 1000 c + s). Default 1.
    std::uint64_t seed = 1;

    /// Internal ODE steps per input step (inputStepMs / dt, which must be an integer).
    int odeStepsPerInput() const;
    void check() const;  ///< throws std::invalid_argument / ParamError naming the rule
};

struct SurrogateDataset {
    SurrogateCase which = SurrogateCase::Ring;
    int channels = 1, sequences = 0, steps = 0;
    /// inputs[(c * sequences + s) * steps + t]: the angle (rad) at input step t.
    std::vector<float> inputs;
    /// targets[((c * sequences + s) * steps + t) * 2 + k]: k = 0 sum r cos x / scale, 1 sum r sin x
    /// / scale.
    std::vector<float> targets;
    /// The components are divided by this: |v| of the settled bump under the stimulus.
    double componentScale = 1.0;
    DatasetParams params;

    /// Sequences 0 .. trainSequences()-1 train, the rest validate (8:2, at least one each).
    int trainSequences() const;
    const float* input(int channel, int seq) const;
    const float* target(int channel, int seq) const;

    /// Runs the teacher. progress(done, total) is called after each sequence; cancel stops early
    /// (then the result has fewer sequences: check `sequences`).
    static SurrogateDataset generate(const DatasetParams& p,
                                     const std::function<void(int, int)>& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);
    /// Writes the /surrogate_dataset group (inputs, targets, attributes). Throws h5::Error.
    void save(const std::string& path) const;
    /// Reads and checks shapes; throws h5::Error with a clear message on a bad file.
    static SurrogateDataset load(const std::string& path);
};

}  // namespace as::surrogate
