// Dimension scales of the h5 layer: a bare netCDF dimension, scale names, attaching, and removing
// the scale attributes of a copied object.
#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

#include "engine/io/h5/dimension_scales.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

namespace fs = std::filesystem;

TEST_CASE("a bare dimension is a named scale of zeros that datasets attach to", "[io][h5][netcdf]") {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "dimension_scales";
  fs::create_directories(dir);
  icbsim::h5::Id f = icbsim::h5::create_file((dir / "scales.h5").string());
  icbsim::h5::create_bare_dimension(f.get(), "/dose", 5);
  const std::vector<double> values{1, 2, 3, 4, 5};
  icbsim::h5::write_doubles(f.get(), "time", values);
  icbsim::h5::Id dose(H5Dopen2(f.get(), "/dose", H5P_DEFAULT));
  icbsim::h5::Id time(H5Dopen2(f.get(), "/time", H5P_DEFAULT));
  CHECK(icbsim::h5::scale_name(dose.get()).starts_with(icbsim::h5::kNotAVariable));
  CHECK(icbsim::h5::scale_name(time.get()).empty());  // not a scale (yet)
  CHECK(icbsim::h5::read_doubles(f.get(), "/dose") == std::vector<double>(5, 0.0));
  icbsim::h5::write_doubles(f.get(), "amount", values);
  icbsim::h5::Id amount(H5Dopen2(f.get(), "/amount", H5P_DEFAULT));
  icbsim::h5::attach_scale(amount.get(), dose.get(), 0);
  CHECK(H5Aexists(amount.get(), "DIMENSION_LIST") > 0);
  icbsim::h5::remove_scale_attributes(amount.get());
  CHECK(H5Aexists(amount.get(), "DIMENSION_LIST") == 0);
  icbsim::h5::make_scale(time.get(), "time");
  icbsim::h5::make_scale(time.get(), "again");  // already a scale: kept as it is
  CHECK(icbsim::h5::scale_name(time.get()) == "time");
  icbsim::h5::remove_scale_attributes(time.get());
  for (auto name : icbsim::h5::kScaleAttributes) CHECK(H5Aexists(time.get(), std::string(name).c_str()) == 0);
  CHECK(icbsim::h5::is_scale_attribute("REFERENCE_LIST"));
  CHECK_FALSE(icbsim::h5::is_scale_attribute("units"));
}
