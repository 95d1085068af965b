// The HDF5 record of a calibration: free parameters, targets, every evaluation (values, simulated
// statistics with NaN kept, objective, failures), the best evaluation under /final, the root
// attributes; written through a temporary file, with IoError when it cannot be.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>

#include <icbsim/build_info.hpp>

#include "engine/calibrate/objective.hpp"
#include "engine/calibrate/optimiser.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/calibration/calibration_record.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

using namespace icbsim;

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Two free parameters, three targets (one with a TPS stratum, a hazard ratio against another arm in
/// a TPS range, a restricted mean at a time), no scenarios (the record needs none).
CalibrationConfig config() {
  CalibrationConfig c;
  c.path = "configs/calibration/test.yaml";
  c.text = "icbsim_calibration: 1\n# the text as read\n";
  c.seed = 17;
  c.patients = 250;
  calibrate::FreeParameter median, cv;
  median.label = "a.median";
  median.unit = "1/day";
  median.group = "fitted.yaml";
  median.lower = 0.002;
  median.upper = 0.05;
  median.start = 0.02;
  cv.label = "a.cv";
  cv.group = "other.yaml";
  cv.lower = 0.1;
  cv.upper = 2.0;
  cv.start = 0.25;
  c.problem.parameters = {median, cv};
  calibrate::Target orr, hr, rmst;
  orr.label = "trial pembrolizumab orr TPS >= 50 %";
  orr.statistic = calibrate::Statistic::kOrr;
  orr.tps = calibrate::TpsRange{50.0, std::nullopt};
  orr.value = 0.448;
  orr.scale = 0.025;
  orr.source = "Reck 2016";
  hr.label = "trial pembrolizumab hr_pfs vs chemotherapy TPS 1 % to < 50 %";
  hr.statistic = calibrate::Statistic::kHrPfs;
  hr.against = 1;
  hr.against_arm = "chemotherapy";
  hr.tps = calibrate::TpsRange{1.0, 50.0};
  hr.value = 0.5;
  hr.scale = 0.05;
  hr.source = "Reck 2016";
  rmst.label = "trial pembrolizumab rmst_os at 12 months";
  rmst.statistic = calibrate::Statistic::kRmstOs;
  rmst.at = 365.25;
  rmst.value = 300.0;
  rmst.scale = 10.0;
  rmst.source = "synthetic";
  c.problem.targets = {orr, hr, rmst};
  c.problem.optimiser.algorithm = calibrate::Algorithm::kNelderMead;
  return c;
}

calibrate::CalibrationResult result() {
  calibrate::CalibrationResult r;
  r.evaluations = {
      {{0.02, 0.25}, {0.40, 300.0, 70.0}, 4.0, 0, ""},
      {{0.03, 0.5}, {0.45, kNaN, 69.5}, 1e6, 2, ""},  // a median not reached
      {{0.025, 0.3}, {0.44, 310.0, 69.0}, 0.11, 0, ""},
      {{0.05, -1.0}, {kNaN, kNaN, kNaN}, 1e9, 0, "cv must be > 0"},
  };
  r.best = 2;
  r.optimiser.status = "stopped after 4 evaluations";
  return r;
}

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "calibration_record" / name;
  fs::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("the calibration record holds parameters targets evaluations and the best one", "[calibrate][io][hdf5]") {
  const fs::path path = fresh("whole") / "out" / "fit.h5";  // the folders do not exist yet
  write_calibration_record(path.string(), config(), result(), 12.5);
  REQUIRE(fs::exists(path));
  CHECK_FALSE(fs::exists(path.string() + ".tmp"));
  const h5::Id file = h5::open_file_read(path.string());
  const hid_t f = file.get();

  CHECK(h5::read_strings(f, "/parameters/name") == std::vector<std::string>{"a.median", "a.cv"});
  CHECK(h5::read_strings(f, "/parameters/unit") == std::vector<std::string>{"1/day", ""});
  CHECK(h5::read_strings(f, "/parameters/overlay") == std::vector<std::string>{"fitted.yaml", "other.yaml"});
  CHECK(h5::read_doubles(f, "/parameters/lower") == std::vector<double>{0.002, 0.1});
  CHECK(h5::read_doubles(f, "/parameters/upper") == std::vector<double>{0.05, 2.0});
  CHECK(h5::read_doubles(f, "/parameters/start") == std::vector<double>{0.02, 0.25});

  CHECK(h5::read_strings(f, "/targets/label") ==
        std::vector<std::string>{"trial pembrolizumab orr TPS >= 50 %",
                                 "trial pembrolizumab hr_pfs vs chemotherapy TPS 1 % to < 50 %",
                                 "trial pembrolizumab rmst_os at 12 months"});
  CHECK(h5::read_strings(f, "/targets/statistic") == std::vector<std::string>{"orr", "hr_pfs", "rmst_os"});
  CHECK(h5::read_strings(f, "/targets/source") == std::vector<std::string>{"Reck 2016", "Reck 2016", "synthetic"});
  CHECK(h5::read_doubles(f, "/targets/value") == std::vector<double>{0.448, 0.5, 300.0});
  CHECK(h5::read_doubles(f, "/targets/scale") == std::vector<double>{0.025, 0.05, 10.0});
  // The qualifiers: comparator arm (empty: none), time [day] and TPS range [%] (NaN: none).
  CHECK(h5::read_strings(f, "/targets/against") == std::vector<std::string>{"", "chemotherapy", ""});
  const std::vector<double> at = h5::read_doubles(f, "/targets/at");
  REQUIRE(at.size() == 3);
  CHECK(std::isnan(at[0]));
  CHECK(std::isnan(at[1]));
  CHECK(at[2] == 365.25);
  const std::vector<double> tps_min = h5::read_doubles(f, "/targets/tps_min");
  const std::vector<double> tps_max = h5::read_doubles(f, "/targets/tps_max");
  REQUIRE(tps_min.size() == 3);
  REQUIRE(tps_max.size() == 3);
  CHECK(tps_min[0] == 50.0);
  CHECK(std::isnan(tps_max[0]));  // open above
  CHECK(tps_min[1] == 1.0);
  CHECK(tps_max[1] == 50.0);
  CHECK(std::isnan(tps_min[2]));  // no stratum
  CHECK(std::isnan(tps_max[2]));
  {
    const h5::Id targets(H5Gopen2(f, "targets", H5P_DEFAULT));
    CHECK_THAT(h5::read_string_attribute(targets.get(), "units"), Catch::Contains("tps_min, tps_max in %"));
  }

  std::vector<hsize_t> dims;
  const std::vector<double> values = h5::read_doubles(f, "/evaluations/values", &dims);
  CHECK(dims == std::vector<hsize_t>{4, 2});
  CHECK(values == std::vector<double>{0.02, 0.25, 0.03, 0.5, 0.025, 0.3, 0.05, -1.0});
  const std::vector<double> simulated = h5::read_doubles(f, "/evaluations/simulated", &dims);
  CHECK(dims == std::vector<hsize_t>{4, 3});
  REQUIRE(simulated.size() == 12);
  CHECK(simulated[3] == 0.45);
  CHECK(std::isnan(simulated[4]));  // a statistic that does not exist stays NaN
  CHECK(simulated[5] == 69.5);
  CHECK(simulated[7] == 310.0);
  CHECK(h5::read_doubles(f, "/evaluations/objective") == std::vector<double>{4.0, 1e6, 0.11, 1e9});
  CHECK(h5::read_doubles(f, "/evaluations/failed_tasks") == std::vector<double>{0, 2, 0, 0});
  CHECK(h5::read_strings(f, "/evaluations/error") == std::vector<std::string>{"", "", "", "cv must be > 0"});

  // /final is evaluation 2, not the last one.
  CHECK(h5::read_doubles(f, "/final/values") == std::vector<double>{0.025, 0.3});
  CHECK(h5::read_doubles(f, "/final/simulated") == std::vector<double>{0.44, 310.0, 69.0});
  const h5::Id final_group(H5Gopen2(f, "final", H5P_DEFAULT));
  CHECK(h5::read_double_attribute(final_group.get(), "objective") == 0.11);
  CHECK(h5::read_double_attribute(final_group.get(), "evaluation") == 2.0);

  CHECK(h5::read_string_attribute(f, "config") == config().text);
  CHECK(h5::read_string_attribute(f, "config_path") == "configs/calibration/test.yaml");
  CHECK(h5::read_string_attribute(f, "optimiser") == calibrate::optimiser_description(calibrate::Algorithm::kNelderMead));
  CHECK(h5::read_string_attribute(f, "optimiser_status") == "stopped after 4 evaluations");
  CHECK_THAT(h5::read_string_attribute(f, "objective_definition"),
             Catch::Contains("((simulated - value) / scale)^2") &&
                 Catch::Contains(std::to_string(calibrate::kMissingPenalty)));
  CHECK(h5::read_double_attribute(f, "seed") == 17.0);
  CHECK(h5::read_double_attribute(f, "patients") == 250.0);
  CHECK(h5::read_double_attribute(f, "wall_seconds") == 12.5);
  CHECK(h5::read_string_attribute(f, "icbsim_version") == build_info::kVersion);
}

TEST_CASE("a calibration record replaces an older one and refuses an unwritable place", "[calibrate][io][hdf5]") {
  const fs::path dir = fresh("replace");
  fs::create_directories(dir);
  const fs::path path = dir / "fit.h5";
  std::ofstream(path) << "not an HDF5 file";
  calibrate::CalibrationResult r = result();
  r.best = 0;
  write_calibration_record(path.string(), config(), r, 1.0);
  {
    const h5::Id file = h5::open_file_read(path.string());
    CHECK(h5::read_doubles(file.get(), "/final/values") == std::vector<double>{0.02, 0.25});
  }
  // The folder is a regular file: the temporary file cannot be created.
  std::ofstream(dir / "a_file") << "x";
  CHECK_THROWS_AS(write_calibration_record((dir / "a_file" / "fit.h5").string(), config(), r, 1.0), IoError);
  CHECK_FALSE(fs::exists(dir / "a_file" / "fit.h5"));
}

TEST_CASE("a calibration record without evaluations is refused and leaves no file", "[calibrate][io][hdf5]") {
  const fs::path dir = fresh("empty");
  fs::create_directories(dir);
  const fs::path path = dir / "fit.h5";
  calibrate::CalibrationResult r = result();
  r.evaluations.clear();
  CHECK_THROWS_AS(write_calibration_record(path.string(), config(), r, 1.0), IoError);
  CHECK(fs::is_empty(dir));  // neither the record nor its temporary file
}
