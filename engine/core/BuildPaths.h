#pragma once
// Where the engine, the app and the tests look for data by default: <repo>/data (MNIST, fetched by
// scripts/fetch-mnist.sh) and <repo>/resources (shipped models, example digits, sweep recipes).
// The paths are compiled into BuildPaths.cpp alone, so no other file's object code depends on
// where the checkout lives (ccache hits across checkouts and worktrees).
#include <string>

namespace as {

/// <repo>/data of the build.
std::string buildDataDir();
/// <repo>/resources of the build.
std::string buildResourcesDir();

}  // namespace as
