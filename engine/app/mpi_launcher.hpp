// Whether this process was started by an MPI launcher (mpirun/mpiexec, srun with PMI/PMIx) or
// asked for MPI with `--mpi`: only then does the executable initialise MPI, so that every other
// invocation starts without loading MPI's runtime.
#pragma once

#include <functional>
#include <span>
#include <string_view>

namespace icbsim::app {

/// Looks up an environment variable; null when unset.
using EnvironmentLookup = std::function<const char*(const char*)>;

/// True when one of the launchers' variables is set (OMPI_COMM_WORLD_SIZE: Open MPI's mpirun;
/// PMI_SIZE/PMI_RANK: MPICH's Hydra and srun --mpi=pmi2; PMIX_RANK: PMIx launchers, srun
/// --mpi=pmix) or `args` holds `--mpi`.
bool started_by_mpi_launcher(const EnvironmentLookup& environment, std::span<const std::string_view> args);

/// The same for this process's environment and `argc`/`argv`.
bool started_by_mpi_launcher(int argc, const char* const* argv);

}  // namespace icbsim::app
