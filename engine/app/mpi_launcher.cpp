// Launcher detection from the environment the MPI launchers set for every rank.
#include "engine/app/mpi_launcher.hpp"

#include <cstdlib>
#include <vector>

namespace icbsim::app {

namespace {
constexpr const char* kLauncherVariables[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMI_RANK", "PMIX_RANK"};
}

bool started_by_mpi_launcher(const EnvironmentLookup& environment, std::span<const std::string_view> args) {
  for (const char* name : kLauncherVariables)
    if (const char* value = environment(name); value != nullptr && *value != '\0') return true;
  for (std::string_view a : args)
    if (a == "--mpi") return true;
  return false;
}

bool started_by_mpi_launcher(int argc, const char* const* argv) {
  std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return started_by_mpi_launcher([](const char* name) -> const char* { return std::getenv(name); }, args);
}

}  // namespace icbsim::app
