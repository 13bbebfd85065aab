#pragma once
// Teacher data for the surrogate: input angle sequences and the teacher's normalised decode
// components at every input step, for one or more channels (ring: 1; hd2d: azimuth and pitch, two
// decoupled rings; grid3d: one channel of three angles, the 3D torus CANN's six components).
// Generated once (generate()), written to and read from HDF5.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cann/CannParams.h"
#include "cann/TorusParams.h"
#include "surrogate/InputProcess.h"

namespace as::surrogate {

/// Which CAN2ANN case: the 1D ring, 2D head direction (two decoupled rings) or 3D grid cells.
enum class SurrogateCase { Ring = 0, Hd2d = 1, Grid3d = 2 };
const char* caseName(SurrogateCase c);
/// "ring", "hd2d", "grid3d"; throws std::invalid_argument otherwise.
SurrogateCase caseFromName(const std::string& name);
/// Channel names of a case: ring {"ring"}, hd2d {"azimuth", "pitch"}, grid3d {"grid3d"}.
std::vector<std::string> caseChannels(SurrogateCase c);
/// Angles per channel: 1 (ring, hd2d) or 3 (grid3d: x, y, z phases of the torus).
int caseAxes(SurrogateCase c);
/// The grid3d teacher's defaults: the Torus lab's 3D torus (32^3, its dynamics defaults) with the
/// internal dt fixed by the convergence test (docs/models/surrogate.md).
TorusParams defaultTorusTeacher();

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
    /// Teacher of case grid3d (instead of `teacher`): the 3D torus CANN; its dt must divide
    /// inputStepMs.
    TorusParams torus = defaultTorusTeacher();
    /// Settling time (ms) with the stimulus at the first angle before recording starts. Default 20.
    double settleMs = 20.0;
    ProcessParams process;
    /// Seed of every sequence (sequence s of channel c uses seed + 1000 c + s). Default 1.
    std::uint64_t seed = 1;

    /// The internal dt of the case's teacher (ms).
    double teacherDt() const;
    /// Internal ODE steps per input step (inputStepMs / dt, which must be an integer).
    int odeStepsPerInput() const;
    void check() const;  ///< throws std::invalid_argument / ParamError naming the rule
};

struct SurrogateDataset {
    SurrogateCase which = SurrogateCase::Ring;
    int channels = 1, sequences = 0, steps = 0;
    int axes = 1;  ///< angles per step (caseAxes(which))
    /// inputs[((c * sequences + s) * steps + t) * axes + a]: angle a (rad) at input step t.
    std::vector<float> inputs;
    /// targets[((c * sequences + s) * steps + t) * 2 axes + 2 a + k]: k = 0 sum r cos x_a / scale,
    /// 1 sum r sin x_a / scale.
    std::vector<float> targets;
    /// The components are divided by this: |v| of the settled bump under the stimulus (grid3d: of
    /// one axis; the three are equal by symmetry).
    double componentScale = 1.0;
    DatasetParams params;

    /// Sequences 0 .. trainSequences()-1 train, the rest validate (8:2, at least one each).
    int trainSequences() const;
    const float* input(int channel, int seq) const;
    const float* target(int channel, int seq) const;

    /// Runs the teacher (grid3d: TorusOdeStepper). progress(done, total) is called after each
    /// sequence; cancel stops early (then the result has fewer sequences: check `sequences`).
    static SurrogateDataset generate(const DatasetParams& p,
                                     const std::function<void(int, int)>& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);
    /// Writes the /surrogate_dataset group (inputs C x S x T, or C x S x T x A when A > 1; targets
    /// C x S x T x 2A; attributes). Throws h5::Error.
    void save(const std::string& path) const;
    /// Reads and checks shapes; throws h5::Error with a clear message on a bad file.
    static SurrogateDataset load(const std::string& path);

  private:
    static SurrogateDataset loadChecked(const std::string& path);
};

}  // namespace as::surrogate
