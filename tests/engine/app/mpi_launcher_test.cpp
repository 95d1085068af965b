// engine/app/mpi_launcher: MPI is wanted under a launcher's environment or with --mpi, not otherwise.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/app/mpi_launcher.hpp"

using namespace icbsim;

namespace {
app::EnvironmentLookup environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    const auto it = variables.find(name);
    return it == variables.end() ? nullptr : it->second.c_str();
  };
}
}  // namespace

TEST_CASE("MPI is initialised only under a launcher or with --mpi", "[app][mpi_launcher]") {
  const std::vector<std::string_view> run{"run", "scenario.yaml"};
  const std::vector<std::string_view> run_mpi{"run", "scenario.yaml", "--mpi"};
  CHECK_FALSE(app::started_by_mpi_launcher(environment({}), run));
  // A Slurm job step without PMI (e.g. one shard of an array) is not an MPI launch.
  CHECK_FALSE(app::started_by_mpi_launcher(environment({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}}), run));
  CHECK_FALSE(app::started_by_mpi_launcher(environment({{"OMPI_COMM_WORLD_SIZE", ""}}), run));
  CHECK(app::started_by_mpi_launcher(environment({{"OMPI_COMM_WORLD_SIZE", "3"}}), run));
  CHECK(app::started_by_mpi_launcher(environment({{"PMI_SIZE", "2"}}), run));
  CHECK(app::started_by_mpi_launcher(environment({{"PMI_RANK", "0"}}), run));
  CHECK(app::started_by_mpi_launcher(environment({{"PMIX_RANK", "1"}}), run));
  CHECK(app::started_by_mpi_launcher(environment({}), run_mpi));
}
