// The objective and the arm statistics it compares.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/calibrate/objective.hpp"

using namespace icbsim;
using namespace icbsim::calibrate;

TEST_CASE("the objective sums squared standardised differences", "[calibrate]") {
  std::vector<Target> targets(2);
  targets[0].value = 0.448;
  targets[0].scale = 0.025;
  targets[1].statistic = Statistic::kMedianPfs;
  targets[1].value = 313.5;
  targets[1].scale = 39.0;
  CHECK(target_term(targets[0], 0.398) == Approx(4.0));
  CHECK(target_term(targets[1], 313.5) == 0.0);
  const std::vector<double> simulated{0.473, 235.5};
  CHECK(objective(targets, simulated) == Approx(1.0 + 4.0));
  const std::vector<double> missing{0.448, std::numeric_limits<double>::quiet_NaN()};
  CHECK(objective(targets, missing) == kMissingPenalty);
  CHECK_THROWS(objective(targets, std::vector<double>{0.1}));
}

TEST_CASE("arm statistics: ITT proportions, Kaplan-Meier medians, median doubling time", "[calibrate]") {
  std::vector<TaskOutcome> tasks;
  const readout::Response best[] = {readout::Response::kCR, readout::Response::kPR, readout::Response::kPR,
                                    readout::Response::kSD, readout::Response::kPD};
  for (int i = 0; i < 5; ++i) {
    TaskOutcome t;
    t.ok = true;
    t.best = best[i];
    t.pfs = {10.0 * (i + 1), true};
    t.os = {100.0, false};
    t.growth_rate = std::log(2.0) / (100.0 * (i + 1));  // doubling times 100 ... 500 days
    tasks.push_back(t);
  }
  TaskOutcome failed;
  failed.arm = 1;
  tasks.push_back(failed);
  const auto arms = arm_statistics(tasks, 2);
  REQUIRE(arms.size() == 2);
  CHECK(arms[0].n == 5);
  CHECK(arms[1].failed == 1);
  CHECK(arms[0].value(Statistic::kOrr) == Approx(0.6));
  CHECK(arms[0].value(Statistic::kDcr) == Approx(0.8));
  CHECK(arms[0].value(Statistic::kBestCr) == Approx(0.2));
  CHECK(arms[0].value(Statistic::kBestPd) == Approx(0.2));
  CHECK(arms[0].value(Statistic::kMedianPfs) == Approx(30.0));     // S drops to 0.4 at 30 days
  CHECK(std::isnan(arms[0].value(Statistic::kMedianOs)));          // all censored: not reached
  CHECK(arms[0].value(Statistic::kMedianVdt) == Approx(300.0));    // median growth rate -> VDT
  CHECK(std::isnan(arms[1].value(Statistic::kOrr)));               // nobody completed
}
