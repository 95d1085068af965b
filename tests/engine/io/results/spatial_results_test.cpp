// spatial_results: /spatial metric datasets [task, time] (numbers with units; classes as an HDF5 enum
// with "none" for a failed task), a missing row refused by check_complete, and a snapshot group
// /snapshots/task<k>/t<day> with its attributes, agent datasets and [z, y, x] fields — written from
// a hand-built SpatialSpec and TaskOutput, without running a model.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/spatial_results.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::pair<std::string_view, int> kLevels[] = {{"desert", 0}, {"excluded", 1}, {"inflamed", 2}};
const icbsim::SpatialMetricSpec kMetrics[] = {
    {{"cd8_density_core", "1/mm^2", 0, false, "CD8 density in the core"}, {}},
    {{"infiltration_class", "", 0, false, "infiltration class"}, kLevels}};

icbsim::SpatialSpec spec() {
  icbsim::SpatialSpec s;
  s.mode.model = "nsclc_icb";
  s.mode.parameters_model = "nsclc_spatial";
  s.mode.metrics = kMetrics;
  return s;
}

fs::path file_path(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "spatial_results";
  fs::create_directories(dir);
  return dir / name;
}

/// A snapshot of a 3 x 2 x 1 lattice with two agents and one field.
icbsim::SpatialSnapshot snapshot(double t) {
  icbsim::SpatialSnapshot s;
  s.time = t;
  s.voxels = {3, 2, 1};
  s.voxel_um = 20.0;
  s.positions = {10, 10, 10, 50, 30, 10};
  s.types = {0, 1};
  s.type_names = {"tumour", "cd8"};
  s.agent_reals = {{"pdl1", "", {1.5, 0.0}}};
  s.agent_ints = {{"state", "", {0, 1}}};
  s.fields = {{"oxygen", "uM", {1, 2, 3, 4, 5, 6}}};
  return s;
}

}  // namespace

TEST_CASE("spatial metrics are written per task and time, classes as an enum with none", "[io][spatial][spatial_results]") {
  const fs::path path = file_path("metrics.h5");
  const icbsim::SpatialSpec s = spec();
  {
    icbsim::h5::Id file = icbsim::h5::create_file(path.string());
    icbsim::SpatialResults results(file.get(), s, 2, 3);
    CHECK(results.active());
    icbsim::TaskOutput out;
    // [metric][time]: densities 10, 20, 30; classes inflamed, excluded, desert.
    out.spatial_metrics = {10.0, 20.0, 30.0, 2.0, 1.0, 0.0};
    results.write(0, 0, &out);
    results.write(1, 1, nullptr);  // a failed task
    results.check_complete();
    CHECK(results.snapshots().empty());
    results.close();
  }
  icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  std::vector<hsize_t> dims;
  const std::vector<double> density = icbsim::h5::read_doubles(file.get(), "/spatial/cd8_density_core", &dims);
  CHECK(dims == std::vector<hsize_t>{2, 3});
  REQUIRE(density.size() == 6);
  CHECK(density[0] == 10.0);
  CHECK(density[2] == 30.0);
  for (std::size_t j = 3; j < 6; ++j) CHECK(std::isnan(density[j]));  // missing values of the failed task
  CHECK(icbsim::h5::read_enum_names(file.get(), "/spatial/infiltration_class") ==
        std::vector<std::string>{"inflamed", "excluded", "desert", "none", "none", "none"});
  CHECK(icbsim::h5::read_enum_codes(file.get(), "/spatial/infiltration_class") == std::vector<int>{2, 1, 0, -1, -1, -1});
  icbsim::h5::Id ds(H5Dopen2(file.get(), "/spatial/cd8_density_core", H5P_DEFAULT));
  CHECK(icbsim::h5::read_string_attribute(ds.get(), "units") == "1/mm^2");
  CHECK(!icbsim::h5::exists(file.get(), "/snapshots"));
}

TEST_CASE("a spatial row never written is reported by check_complete", "[io][spatial][spatial_results]") {
  const fs::path path = file_path("incomplete.h5");
  const icbsim::SpatialSpec s = spec();
  icbsim::h5::Id file = icbsim::h5::create_file(path.string());
  icbsim::SpatialResults results(file.get(), s, 2, 3);
  results.write(0, 0, nullptr);
  CHECK_THROWS_AS(results.check_complete(), icbsim::IoError);
  results.close();
}

TEST_CASE("snapshots are written under task and time with agents and fields", "[io][spatial][spatial_results]") {
  const fs::path path = file_path("snapshots.h5");
  const icbsim::SpatialSpec s = spec();
  {
    icbsim::h5::Id file = icbsim::h5::create_file(path.string());
    icbsim::SpatialResults results(file.get(), s, 1, 1);
    icbsim::TaskOutput out;
    out.spatial_metrics = {1.0, 2.0};
    out.snapshots = {snapshot(0.0), snapshot(0.25)};
    results.write(0, 7, &out);  // local row 0 is global task 7
    REQUIRE(results.snapshots().size() == 2);
    CHECK(results.snapshots()[1].group == "/snapshots/task7/t0.25");
    CHECK(results.snapshots()[1].task == 7);
    CHECK(results.snapshots()[1].agents == 2);
    CHECK(results.snapshots()[1].fields == std::vector<std::string>{"oxygen"});
    results.check_complete();
    results.close();
  }
  icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  CHECK(icbsim::h5::list_group(file.get(), "/snapshots/task7") == std::vector<std::string>{"t0", "t0.25"});
  const std::string at = "/snapshots/task7/t0.25";
  icbsim::h5::Id group(H5Gopen2(file.get(), at.c_str(), H5P_DEFAULT));
  CHECK(icbsim::h5::read_double_attribute(group.get(), "time") == 0.25);
  CHECK(icbsim::h5::read_double_attribute(group.get(), "voxel_um") == 20.0);
  std::vector<hsize_t> dims;
  CHECK(icbsim::h5::read_doubles(file.get(), at + "/agents/position", &dims) ==
        std::vector<double>{10, 10, 10, 50, 30, 10});
  CHECK(dims == std::vector<hsize_t>{2, 3});
  CHECK(icbsim::h5::dataset_dims(file.get(), at + "/agents/type") == std::vector<hsize_t>{2});
  CHECK(icbsim::h5::read_doubles(file.get(), at + "/agents/pdl1") == std::vector<double>{1.5, 0.0});
  CHECK(icbsim::h5::dataset_dims(file.get(), at + "/agents/state") == std::vector<hsize_t>{2});
  // Fields per voxel as [z, y, x]: 1 x 2 x 3.
  CHECK(icbsim::h5::read_doubles(file.get(), at + "/fields/oxygen", &dims) == std::vector<double>{1, 2, 3, 4, 5, 6});
  CHECK(dims == std::vector<hsize_t>{1, 2, 3});
  icbsim::h5::Id type(H5Dopen2(file.get(), (at + "/agents/type").c_str(), H5P_DEFAULT));
  CHECK(icbsim::h5::read_string_attribute(type.get(), "names") == "0 tumour, 1 cd8");
}
