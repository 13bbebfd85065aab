#pragma once
// Reads a sweep spec's JSON into a SweepSpec (SweepSpec::fromText/fromFile call it): every field is
// read through its JSON pointer, so that any error names the file, the line (JsonLineMap) and the
// field, e.g. "spec.json:5: params[0].values: must be a list of values or a range ...".
#include <string>

#include "SweepSpec.h"

namespace as::cli {

/// Throws CliError (exit 2) for a malformed spec.
SweepSpec readSweepSpec(const std::string& text, const std::string& name,
                        const std::string& baseDir);

}  // namespace as::cli
