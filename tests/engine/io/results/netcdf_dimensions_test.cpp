// Named dimensions: every axis of every dataset of a result file — spatial snapshots, scans,
// doses included — carries exactly one dimension scale; a dataset outside the layout is refused.
#include <catch2/catch.hpp>

#include <hdf5_hl.h>

#include <filesystem>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/object_list.hpp"
#include "engine/io/results/netcdf_dimensions.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;
using icbsim::testing::registry;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "netcdf_dimensions";
  fs::create_directories(dir);
  return dir / name;
}

/// Datasets of `path` with an axis that has no scale or more than one (scales themselves excepted).
std::vector<std::string> unlabelled_axes(const fs::path& path) {
  icbsim::h5::Id f = icbsim::h5::open_file_read(path.string());
  std::vector<std::string> out;
  for (const auto& [name, type] : icbsim::h5::list_objects(f.get())) {
    if (type != H5O_TYPE_DATASET) continue;
    icbsim::h5::Id ds(H5Dopen2(f.get(), name.c_str(), H5P_DEFAULT));
    if (H5DSis_scale(ds.get()) > 0) continue;
    const auto dims = icbsim::h5::dataset_dims(f.get(), "/" + name);
    for (unsigned axis = 0; axis < dims.size(); ++axis)
      if (H5DSget_num_scales(ds.get(), axis) != 1) out.push_back(name + " axis " + std::to_string(axis));
  }
  return out;
}

std::string scale_name(const fs::path& path, const std::string& dataset, unsigned axis) {
  icbsim::h5::Id f = icbsim::h5::open_file_read(path.string());
  icbsim::h5::Id ds(H5Dopen2(f.get(), dataset.c_str(), H5P_DEFAULT));
  std::string found;
  auto visit = [](hid_t, unsigned, hid_t scale, void* data) -> herr_t {
    char name[256];
    H5Iget_name(scale, name, sizeof name);
    *static_cast<std::string*>(data) = name;
    return 1;
  };
  H5DSiterate_scales(ds.get(), axis, nullptr, visit, &found);
  return found;
}

}  // namespace

TEST_CASE("every axis of a spatial result with snapshots, scans and doses is named", "[io][hdf5][netcdf]") {
  const fs::path path = scratch("spatial.h5");
  icbsim::testing::run_to_file(
      icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/spatial/small_cohort.yaml", registry()),
      path);
  CHECK(unlabelled_axes(path).empty());
  CHECK(scale_name(path, "/trajectories/tumour_visible", 0) == "/task");
  CHECK(scale_name(path, "/trajectories/tumour_visible", 1) == "/time");
  CHECK(scale_name(path, "/snapshots/task0/t14/fields/oxygen", 2) == "/snapshots/task0/t14/fields/x");
  icbsim::h5::Id f = icbsim::h5::open_file_read(path.string());
  CHECK(icbsim::h5::read_doubles(f.get(), "/task") == icbsim::h5::read_doubles(f.get(), "/tasks/id"));
}

TEST_CASE("a dataset outside the result layout is refused by name", "[io][hdf5][netcdf]") {
  const fs::path path = scratch("stray.h5");
  icbsim::h5::Id f = icbsim::h5::create_file(path.string());
  const std::vector<double> values{1.0, 2.0};
  icbsim::h5::write_doubles(f.get(), "stray", values);
  CHECK_THROWS_WITH(icbsim::results::label_dimensions(f.get()),
                    Catch::Contains("dataset /stray is not in the result layout"));
}
