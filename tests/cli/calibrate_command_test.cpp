// `icbsim calibrate` end to end on a tiny config: exit codes, the fitted overlay (usable as a
// scenario `base:`), the HDF5 record of every evaluation, and a located error for a bad config.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/io/h5/hdf5_handle.hpp"
#include "tests/support/calibration_fixture.hpp"
#include "tests/support/run_icbsim.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {
using icbsim::testing::read_text;
using Result = icbsim::testing::CommandResult;

Result run(const std::string& args) { return icbsim::testing::run_icbsim(args); }

/// The tiny calibration of the synthetic cohort, six evaluations.
fs::path tiny_calibration(const std::string& name) {
  return icbsim::testing::tiny_calibration("icbsim_calibrate_cli", name, 6);
}
}  // namespace

TEST_CASE("icbsim calibrate writes the fitted overlay and the record of every evaluation", "[calibrate][cli]") {
  const fs::path dir = tiny_calibration("fit");
  const Result fit = run("calibrate " + (dir / "tiny.yaml").string());
  INFO(fit.output);
  REQUIRE(fit.exit_code == 0);
  CHECK(fit.output.find("evaluation 6  objective") != std::string::npos);
  CHECK(fit.output.find("cohort all median_vdt") != std::string::npos);

  const std::string overlay = read_text(dir / "fitted.yaml");
  CHECK(overlay.rfind("# Fitted by `icbsim calibrate", 0) == 0);
  CHECK(overlay.find("    a: {median: ") != std::string::npos);
  CHECK(overlay.find(" 1/day}") != std::string::npos);

  // The overlay is a scenario fragment: a scenario can list it under base:.
  std::ofstream(dir / "refit.yaml") << "base: [cohort.yaml, fitted.yaml]\n";
  const Result validate = run("validate " + (dir / "refit.yaml").string());
  INFO(validate.output);
  CHECK(validate.exit_code == 0);

  const icbsim::h5::Id file = icbsim::h5::open_file_read((dir / "out/fit.h5").string());
  std::vector<hsize_t> dims;
  const auto values = icbsim::h5::read_doubles(file.get(), "/evaluations/values", &dims);
  REQUIRE(dims.size() == 2);
  CHECK(dims[0] == 6);
  CHECK(dims[1] == 1);
  CHECK(icbsim::h5::read_doubles(file.get(), "/evaluations/objective").size() == 6);
  CHECK(icbsim::h5::read_doubles(file.get(), "/final/values").size() == 1);
  CHECK(icbsim::h5::read_strings(file.get(), "/parameters/name").at(0) == "a.median");
  CHECK(icbsim::h5::read_string_attribute(file.get(), "config").find("patients: 40") != std::string::npos);
  CHECK(icbsim::h5::read_string_attribute(file.get(), "optimiser").rfind("NLopt 2.", 0) == 0);
  CHECK(icbsim::h5::read_double_attribute(file.get(), "seed") == 3.0);
}

TEST_CASE("icbsim calibrate reports a bad config with its location and exit code 2", "[calibrate][cli]") {
  const fs::path dir = tiny_calibration("bad");
  std::ofstream(dir / "bad.yaml") << "icbsim_calibration: 1\nscenarios: {cohort: {file: missing.yaml}}\n";
  const Result r = run("calibrate " + (dir / "bad.yaml").string());
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("missing.yaml") != std::string::npos);
}
