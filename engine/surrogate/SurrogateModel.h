#pragma once
// A trained surrogate: one SurrogateNet per channel of its case, the encoder and normalisation it
// was trained with, the teacher's settings and the training record. Stored as HDF5
// (/surrogate_model, docs/models/surrogate.md); load() checks every shape and value and refuses a
// mismatched or damaged file with an h5::Error naming what is wrong.
#include <memory>
#include <string>
#include <vector>

#include "cann/CannParams.h"
#include "surrogate/SurrogateDataset.h"
#include "surrogate/SurrogateNet.h"
#include "surrogate/SurrogateTrainer.h"
#include "surrogate/TrainParams.h"

namespace as::surrogate {

struct SurrogateModel {
    SurrogateCase which = SurrogateCase::Ring;
    TrainParams params;
    std::vector<std::string> channels;
    std::vector<std::unique_ptr<SurrogateNet<float>>> nets;  ///< one per channel
    std::vector<TrainResult> results;                        ///< one per channel (may be empty)
    double componentScale = 1.0;                             ///< targets were divided by this
    double inputStepMs = 1.0;  ///< one surrogate step stands for this much ODE time
    CannParams teacher;        ///< the ring teacher (ring, hd2d)
    TorusParams torus;         ///< the 3D torus teacher (grid3d)
    int axes() const { return caseAxes(which); }
    /// The teacher's internal dt (ms) and internal steps per input step.
    double teacherDt() const { return which == SurrogateCase::Grid3d ? torus.dt : teacher.dt; }
    int odeStepsPerInput() const;

    /// Fresh, untrained nets for every channel of the case (seeded from params.seed).
    static SurrogateModel create(SurrogateCase which, const TrainParams& params,
                                 const SurrogateDataset& data);
    void save(const std::string& path) const;
    static SurrogateModel load(const std::string& path);

  private:
    static SurrogateModel loadChecked(const std::string& path, const std::string& where);
};

}  // namespace as::surrogate
