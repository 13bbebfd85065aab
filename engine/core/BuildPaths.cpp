#include "core/BuildPaths.h"

namespace as {

std::string buildDataDir() {
    return AS_DATA_DIR;
}
std::string buildResourcesDir() {
    return AS_RESOURCES_DIR;
}

}  // namespace as
