// Spatial output: a whole run writes /snapshots of its listed tasks and an XDMF file beside the
// .h5 whose every HDF5 reference exists with the stated dimensions; slices write no snapshots and
// their merge reproduces the whole run's /spatial rows.
#include <catch2/catch.hpp>

#include <omp.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/io/results/xdmf_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

fs::path run(const icbsim::Scenario& s, const std::string& name, icbsim::TaskRange range = {}) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "spatial_output";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  icbsim::testing::run_to_file(s, path, range);
  return path;
}

icbsim::Scenario small_cohort() {
  return icbsim::load_scenario_file((fs::path(ICBSIM_SOURCE_DIR) / "tests/data/spatial/small_cohort.yaml").string(),
                                    registry());
}

}  // namespace

TEST_CASE("xdmf_path puts the XDMF file beside the result file", "[io][spatial][xdmf]") {
  CHECK(icbsim::xdmf_path("out/run.h5") == "out/run.xmf");
  CHECK(icbsim::xdmf_path("run.hdf") == "run.hdf.xmf");
}

TEST_CASE("snapshots and an XDMF file referencing existing datasets are written", "[io][spatial][xdmf]") {
  const fs::path h5 = run(small_cohort(), "snapshots.h5");
  const fs::path xmf = fs::path(icbsim::xdmf_path(h5.string()));
  REQUIRE(fs::exists(xmf));
  icbsim::h5::Id f = icbsim::h5::open_file_read(h5.string());
  CHECK(icbsim::h5::list_group(f.get(), "/snapshots") == std::vector<std::string>{"task0"});
  CHECK(icbsim::h5::list_group(f.get(), "/snapshots/task0") == std::vector<std::string>{"t0", "t14"});
  CHECK(icbsim::h5::dataset_dims(f.get(), "/snapshots/task0/t14/fields/oxygen") == std::vector<hsize_t>{1, 30, 30});
  const auto position = icbsim::h5::dataset_dims(f.get(), "/snapshots/task0/t14/agents/position");
  REQUIRE(position.size() == 2);
  CHECK(position[0] > 100);
  CHECK(position[1] == 3);
  CHECK(icbsim::h5::dataset_dims(f.get(), "/snapshots/task0/t14/agents/type") == std::vector<hsize_t>{position[0]});
  const auto xyz = icbsim::h5::read_doubles(f.get(), "/snapshots/task0/t14/agents/position");
  for (const double v : xyz) CHECK((v > 0 && v < 30 * 20.0));

  const std::string xml = icbsim::testing::read_text(xmf);
  CHECK_THAT(xml, Catch::Contains("CollectionType=\"Temporal\"") && Catch::Contains("Polyvertex") &&
                      Catch::Contains("3DCoRectMesh"));
  // Every data item names an existing dataset of the file beside it, with the dimensions it states.
  const std::regex item("<DataItem Dimensions=\"([0-9 ]+)\"[^>]*Format=\"HDF\">([^:<]+):([^<]+)</DataItem>");
  std::size_t references = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), item); it != std::sregex_iterator(); ++it) {
    const std::string file = (*it)[2], path = (*it)[3];
    CHECK(file == h5.filename().string());
    REQUIRE(icbsim::h5::exists(f.get(), path));
    std::vector<hsize_t> stated;
    std::istringstream dims((*it)[1].str());
    for (hsize_t d; dims >> d;) stated.push_back(d);
    CHECK(icbsim::h5::dataset_dims(f.get(), path) == stated);
    ++references;
  }
  CHECK(references > 20);
}

TEST_CASE("slices of a spatial run write no snapshots and merge into the whole run's metrics", "[io][spatial][merge]") {
  const icbsim::Scenario s = small_cohort();
  const fs::path whole = run(s, "whole.h5");
  const fs::path a = run(s, "slice_a.h5", {0, 2}), b = run(s, "slice_b.h5", {2, 4});
  {
    icbsim::h5::Id fa = icbsim::h5::open_file_read(a.string());
    CHECK_FALSE(icbsim::h5::exists(fa.get(), "/snapshots"));
    CHECK_FALSE(fs::exists(icbsim::xdmf_path(a.string())));
  }
  const fs::path merged = whole.parent_path() / "merged.h5";
  icbsim::merge_results(merged.string(), {a.string(), b.string()}, registry());
  const auto w = icbsim::testing::datasets(whole);
  const auto m = icbsim::testing::datasets(merged);
  for (const std::string metric : {"spatial/cd8_density_core", "spatial/infiltration_class", "spatial/hypoxic_fraction",
                                   "trajectories/tumour_diameter", "outcomes/best_response"})
    CHECK(w.at(metric) == m.at(metric));
}
