// Trial statistics of simulated arms: which statistics are proportions, every statistic's value
// (NE patients in the denominator), the median of an even number of growth rates, what has no
// value, and what StatisticsSink keeps of a task (its volumetric growth rate from the trajectory).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/calibrate/trial_statistics.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"

using namespace icbsim;
using namespace icbsim::calibrate;
using readout::Response;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TaskOutcome outcome(Response best, double growth_rate, std::size_t arm = 0) {
  TaskOutcome t;
  t.ok = true;
  t.arm = arm;
  t.best = best;
  t.pfs = {100.0, false};
  t.os = {100.0, false};
  t.growth_rate = growth_rate;
  return t;
}

}  // namespace

TEST_CASE("only the medians are times, every other statistic is a proportion", "[calibrate][statistics]") {
  for (const auto& [statistic, name] : kStatisticNames.entries) {
    INFO(name);
    const bool time = statistic == Statistic::kMedianPfs || statistic == Statistic::kMedianOs ||
                      statistic == Statistic::kMedianVdt;
    CHECK(is_proportion(statistic) == !time);
  }
}

TEST_CASE("best-response shares count NE patients in the denominator", "[calibrate][statistics]") {
  // 8 completed patients: 1 CR, 2 PR, 1 SD, 2 PD, 2 NE; and 3 failed tasks, which count nowhere.
  std::vector<TaskOutcome> tasks;
  for (Response r : {Response::kCR, Response::kPR, Response::kPR, Response::kSD, Response::kPD, Response::kPD,
                     Response::kNE, Response::kNE})
    tasks.push_back(outcome(r, 0.01));
  for (int i = 0; i < 3; ++i) tasks.push_back(TaskOutcome{});
  const std::vector<ArmStatistics> arms = arm_statistics(tasks, 1);
  REQUIRE(arms.size() == 1);
  const ArmStatistics& a = arms[0];
  CHECK(a.n == 8);
  CHECK(a.failed == 3);
  CHECK(a.best == std::array<std::size_t, 5>{1, 2, 1, 2, 2});
  CHECK(a.value(Statistic::kOrr) == 3.0 / 8);
  CHECK(a.value(Statistic::kDcr) == 4.0 / 8);
  CHECK(a.value(Statistic::kBestCr) == 1.0 / 8);
  CHECK(a.value(Statistic::kBestPr) == 2.0 / 8);
  CHECK(a.value(Statistic::kBestSd) == 1.0 / 8);
  CHECK(a.value(Statistic::kBestPd) == 2.0 / 8);  // not 2/6: NE stays in the denominator (ITT)
}

TEST_CASE("the doubling time comes from the median growth rate", "[calibrate][statistics]") {
  SECTION("an even count: the mean of the two middle rates; non-finite rates are left out") {
    const std::vector<TaskOutcome> tasks{outcome(Response::kPD, 0.04), outcome(Response::kPD, 0.01),
                                         outcome(Response::kPD, kNaN), outcome(Response::kPD, 0.03),
                                         outcome(Response::kPD, 0.02)};
    const ArmStatistics a = arm_statistics(tasks, 1)[0];
    CHECK(a.n == 5);  // the patient without a rate still counts in the proportions
    CHECK(a.median_growth_rate == Approx(0.025));
    CHECK(a.value(Statistic::kMedianVdt) == Approx(std::log(2.0) / 0.025));  // 27.7 days
  }
  SECTION("a median rate that is not growth has no doubling time") {
    const std::vector<TaskOutcome> tasks{outcome(Response::kPR, -0.01), outcome(Response::kSD, 0.0),
                                         outcome(Response::kPD, -0.02)};
    const ArmStatistics a = arm_statistics(tasks, 1)[0];
    CHECK(a.median_growth_rate == -0.01);
    CHECK(std::isnan(a.value(Statistic::kMedianVdt)));
  }
  SECTION("no rate at all") {
    const ArmStatistics a = arm_statistics({outcome(Response::kSD, kNaN)}, 1)[0];
    CHECK(std::isnan(a.median_growth_rate));
    CHECK(std::isnan(a.value(Statistic::kMedianVdt)));
  }
}

TEST_CASE("each arm has its own statistics and an empty arm has none", "[calibrate][statistics]") {
  std::vector<TaskOutcome> tasks{outcome(Response::kCR, 0.01, 2), outcome(Response::kPD, 0.01, 0)};
  tasks[0].pfs = {60.0, true};
  tasks[1].pfs = {30.0, true};
  const std::vector<ArmStatistics> arms = arm_statistics(tasks, 3);
  REQUIRE(arms.size() == 3);
  CHECK(arms[0].value(Statistic::kOrr) == 0.0);
  CHECK(arms[2].value(Statistic::kOrr) == 1.0);
  CHECK(arms[0].value(Statistic::kMedianPfs) == 30.0);
  CHECK(arms[2].value(Statistic::kMedianPfs) == 60.0);
  // Arm 1 has no patient: every statistic is NaN.
  CHECK(arms[1].n == 0);
  for (const auto& [statistic, name] : kStatisticNames.entries) {
    INFO(name);
    CHECK(std::isnan(arms[1].value(statistic)));
  }
  CHECK(arm_statistics({}, 0).empty());
}

TEST_CASE("the statistics sink keeps the readout and the volumetric growth rate of each task", "[calibrate][statistics]") {
  const ModelRegistry registry = models::builtin_registry();
  // The synthetic cohort: Kuznetsov T read as cells at 1e6 cells/mL, outputs weekly for 12 weeks.
  const Scenario s = load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/calibration/synthetic_cohort.yaml",
                                        registry);
  const Plan plan(s);
  const std::vector<double>& times = plan.output_times();
  REQUIRE(times.size() == 13);
  const std::size_t n_times = times.size();
  StatisticsSink sink(plan);
  REQUIRE(sink.outcomes().size() == plan.size());

  // Task 3: T grows from 2e6 to 1.6e7 cells (x8) in 84 days; E stays put.
  TaskOutput output;
  output.trajectories.assign(2 * n_times, 3.2e5);
  const std::size_t t_row = static_cast<std::size_t>(s.model->variable_index("T"));
  for (std::size_t k = 0; k < n_times; ++k)
    output.trajectories[t_row * n_times + k] = 2e6 * std::pow(8.0, static_cast<double>(k) / static_cast<double>(n_times - 1));
  readout::PatientReadout r;
  r.best_response = Response::kPD;
  r.pfs = {42.0, true};
  r.os = {84.0, false};
  TaskRecord record;
  record.task = 3;
  record.arm = 0;
  record.output = &output;
  record.readout = &r;
  sink.write_task(record);
  const TaskOutcome& t = sink.outcomes()[3];
  CHECK(t.ok);
  CHECK(t.best == Response::kPD);
  CHECK(t.pfs.time == 42.0);
  CHECK(t.pfs.event);
  CHECK_FALSE(t.os.event);
  // Diameters scale as T^(1/3): 3·ln(d1/d0)/84 = ln 8/84 per day, a doubling time of 28 days.
  CHECK(t.growth_rate == Approx(std::log(8.0) / 84.0));
  CHECK(std::log(2.0) / t.growth_rate == Approx(28.0));

  // A task that failed, or that has no readout, counts as failed.
  TaskRecord failed;
  failed.task = 4;
  failed.ok = false;
  sink.write_task(failed);
  CHECK_FALSE(sink.outcomes()[4].ok);
  CHECK(std::isnan(sink.outcomes()[4].growth_rate));
  TaskRecord no_readout = record;
  no_readout.task = 5;
  no_readout.readout = nullptr;
  sink.write_task(no_readout);
  CHECK_FALSE(sink.outcomes()[5].ok);

  // A tumour that vanished gives no growth rate, yet the task completed.
  std::fill(output.trajectories.begin() + static_cast<std::ptrdiff_t>(t_row * n_times),
            output.trajectories.begin() + static_cast<std::ptrdiff_t>((t_row + 1) * n_times), 0.0);
  record.task = 6;
  sink.write_task(record);
  CHECK(sink.outcomes()[6].ok);
  CHECK(std::isnan(sink.outcomes()[6].growth_rate));
}
