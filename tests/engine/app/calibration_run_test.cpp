// engine/app/calibration_run in-process: the evaluation budget override, one progress call per
// evaluation with the problem, the best evaluation, and the overlay and record written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/app/calibration_run.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/calibration_fixture.hpp"

namespace fs = std::filesystem;

TEST_CASE("a calibration run fits, reports each evaluation and writes its overlay and record", "[app][calibrate]") {
  const fs::path dir = icbsim::testing::tiny_calibration("calibration_run", "tiny", 20);
  std::size_t calls = 0;
  const icbsim::app::CalibrationRun run = icbsim::app::run_calibration(
      (dir / "tiny.yaml").string(), std::size_t{4}, icbsim::testing::registry(),
      [&](std::size_t index, const icbsim::calibrate::Evaluation&, const icbsim::calibrate::CalibrationProblem& p) {
        CHECK(index == calls);
        CHECK(p.parameters.size() == 1);
        ++calls;
      });
  CHECK(run.result.evaluations.size() == 4);  // the override, not the config's 20
  CHECK(calls == 4);
  for (const auto& e : run.result.evaluations) CHECK(run.best().objective <= e.objective);
  CHECK(fs::exists(dir / "fitted.yaml"));
  CHECK(fs::exists(dir / "out/fit.h5"));
  CHECK(icbsim::testing::read_text(dir / "fitted.yaml").find("Fitted by `icbsim calibrate") != std::string::npos);
}
