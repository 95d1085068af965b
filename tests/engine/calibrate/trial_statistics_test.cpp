// Trial statistics of simulated arms: which statistics are proportions, times or ratios, every
// statistic's value (NE patients in the denominator), the median of an even number of growth rates,
// hazard ratios, landmark survival and restricted means, TPS strata, what has no value, and what
// StatisticsSink keeps of a task (its volumetric growth rate from the trajectory, its TPS).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/calibrate/trial_statistics.hpp"
#include "engine/core/errors.hpp"
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

TEST_CASE("calibration statistics: medians and restricted means are times, hazard ratios ratios, the rest proportions",
          "[calibrate][statistics]") {
  for (const auto& [statistic, name] : kStatisticNames.entries) {
    INFO(name);
    const std::string n(name);
    const bool time = n.rfind("median_", 0) == 0 || n.rfind("rmst_", 0) == 0;
    const bool ratio = n.rfind("hr_", 0) == 0;
    CHECK(statistic_kind(statistic) == (time    ? StatisticKind::kTime
                                        : ratio ? StatisticKind::kRatio
                                                : StatisticKind::kProportion));
    CHECK(is_proportion(statistic) == (!time && !ratio));
    CHECK(needs_comparator(statistic) == ratio);
    CHECK(needs_time(statistic) == (n.rfind("landmark_", 0) == 0 || n.rfind("rmst_", 0) == 0));
  }
  CHECK(kStatisticNames.parse("landmark_os") == Statistic::kLandmarkOs);
  CHECK(kStatisticNames.parse("rmst_pfs") == Statistic::kRmstPfs);
  CHECK(kStatisticNames.parse("hr_pfs") == Statistic::kHrPfs);
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
    StatisticQuery q{statistic, 1, std::nullopt, std::nullopt, std::nullopt};
    if (needs_comparator(statistic)) q.against = 0;
    if (needs_time(statistic)) q.at = 10.0;
    CHECK(std::isnan(statistic_value(tasks, 3, q)));
    if (!needs_comparator(statistic) && !needs_time(statistic))
      CHECK(std::isnan(arms[1].value(statistic)));
    else
      CHECK_THROWS_AS(arms[1].value(statistic), Error);  // they need the task outcomes
  }
  CHECK(arm_statistics({}, 0).empty());
}

namespace {

/// n patients of an arm whose PFS and OS are the n quantiles (i + 1/2)/n of an exponential
/// distribution with `rate` [1/day]: every time an event, no censoring.
void exponential_arm(std::vector<TaskOutcome>& tasks, std::size_t arm, double rate, int n, double tps_pct = kNaN) {
  for (int i = 0; i < n; ++i) {
    const double time = -std::log(1.0 - (i + 0.5) / n) / rate;
    TaskOutcome t = outcome(Response::kSD, kNaN, arm);
    t.pfs = {time, true};
    t.os = {time, true};
    t.tps_pct = tps_pct;
    tasks.push_back(t);
  }
}

StatisticQuery hazard_ratio(Statistic s, std::size_t arm, std::size_t against) {
  StatisticQuery q;
  q.statistic = s;
  q.arm = arm;
  q.against = against;
  return q;
}

StatisticQuery at_time(Statistic s, std::size_t arm, double at) {
  StatisticQuery q;
  q.statistic = s;
  q.arm = arm;
  q.at = at;
  return q;
}

}  // namespace

TEST_CASE("calibration statistics: hr_os and hr_pfs are Cox hazard ratios of the arm against its comparator",
          "[calibrate][statistics]") {
  SECTION("exponential times with rates 0.02 and 0.01 per day: HR near 2, and exactly its inverse the other way") {
    std::vector<TaskOutcome> tasks;
    exponential_arm(tasks, 0, 0.01, 400);
    exponential_arm(tasks, 1, 0.02, 400);
    const double hr = statistic_value(tasks, 2, hazard_ratio(Statistic::kHrOs, 1, 0));
    CHECK(hr == Approx(2.0).epsilon(0.01));
    CHECK(statistic_value(tasks, 2, hazard_ratio(Statistic::kHrOs, 0, 1)) == Approx(1.0 / hr).epsilon(1e-9));
    CHECK(statistic_value(tasks, 2, hazard_ratio(Statistic::kHrPfs, 1, 0)) == hr);  // same times
  }
  SECTION("the Freireich remission data: placebo against 6-MP has HR 4.817 (Efron ties)") {
    // Kleinbaum & Klein, "Survival Analysis" 3rd ed. ch. 3 (as tests/engine/readout/survival_test.cpp).
    const double mp_events[] = {6, 6, 6, 7, 10, 13, 16, 22, 23};
    const double mp_censored[] = {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35};
    const double placebo[] = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};
    std::vector<TaskOutcome> tasks;
    const auto add = [&](std::size_t arm, double weeks, bool event) {
      TaskOutcome t = outcome(Response::kPD, kNaN, arm);
      t.pfs = {weeks, event};
      t.os = {1000.0, false};  // nobody dies: no OS hazard ratio
      tasks.push_back(t);
    };
    for (double w : mp_events) add(2, w, true);
    for (double w : mp_censored) add(2, w, false);
    for (double w : placebo) add(0, w, true);
    CHECK(statistic_value(tasks, 3, hazard_ratio(Statistic::kHrPfs, 0, 2)) == Approx(4.817).margin(5e-4));
    CHECK(std::isnan(statistic_value(tasks, 3, hazard_ratio(Statistic::kHrOs, 0, 2))));
    // Arm 1 is empty, and a failed task counts nowhere.
    CHECK(std::isnan(statistic_value(tasks, 3, hazard_ratio(Statistic::kHrPfs, 1, 2))));
    const double before = statistic_value(tasks, 3, hazard_ratio(Statistic::kHrPfs, 0, 2));
    TaskOutcome failed;
    failed.arm = 0;
    failed.pfs = {0.5, true};
    tasks.push_back(failed);
    CHECK(statistic_value(tasks, 3, hazard_ratio(Statistic::kHrPfs, 0, 2)) == before);
  }
}

TEST_CASE("calibration statistics: landmark survival and restricted mean of the Kaplan-Meier curve",
          "[calibrate][statistics]") {
  // OS: events at 2, 5, 8 and a censoring at 4 -> S = 1, 3/4 from day 2, 3/8 from day 5, 0 from day 8.
  // PFS: events at 1 and 3, censored at 6 and 7 -> S = 3/4 from day 1, 1/2 from day 3, never 0.
  std::vector<TaskOutcome> tasks;
  const double os[] = {5, 2, 8, 4};
  const bool os_event[] = {true, true, true, false};
  const double pfs[] = {1, 3, 6, 7};
  const bool pfs_event[] = {true, true, false, false};
  for (int i = 0; i < 4; ++i) {
    TaskOutcome t = outcome(Response::kSD, kNaN, 1);
    t.os = {os[i], os_event[i]};
    t.pfs = {pfs[i], pfs_event[i]};
    tasks.push_back(t);
  }
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kLandmarkOs, 1, 1.0)) == 1.0);
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kLandmarkOs, 1, 3.0)) == 0.75);
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kLandmarkOs, 1, 5.0)) == 0.375);  // the drop on the day counts
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kLandmarkOs, 1, 20.0)) == 0.0);   // all dead by day 8
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kLandmarkPfs, 1, 4.0)) == 0.5);
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kLandmarkPfs, 1, 7.0)) == 0.5);
  // Beyond the last follow-up (day 7) with S = 1/2 the curve is unknown.
  CHECK(std::isnan(statistic_value(tasks, 2, at_time(Statistic::kLandmarkPfs, 1, 7.5))));
  CHECK(std::isnan(statistic_value(tasks, 2, at_time(Statistic::kRmstPfs, 1, 7.5))));
  // Areas: OS to day 6 = 2·1 + 3·3/4 + 1·3/8; to day 20 = 2 + 2.25 + 3·3/8 (S = 0 after day 8);
  // PFS to day 7 = 1·1 + 2·3/4 + 4·1/2.
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kRmstOs, 1, 6.0)) == Approx(4.625));
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kRmstOs, 1, 20.0)) == Approx(5.375));
  CHECK(statistic_value(tasks, 2, at_time(Statistic::kRmstPfs, 1, 7.0)) == Approx(4.5));
  // Arm 0 has nobody.
  CHECK(std::isnan(statistic_value(tasks, 2, at_time(Statistic::kLandmarkOs, 0, 3.0))));
  CHECK(std::isnan(statistic_value(tasks, 2, at_time(Statistic::kRmstOs, 0, 3.0))));
}

TEST_CASE("calibration statistics: a TPS stratum keeps the patients of both arms whose measured TPS lies in it",
          "[calibrate][statistics]") {
  // Comparator arm 0: rate 0.01/day at any TPS. Arm 1: rate 0.005/day at TPS 60 %, 0.01/day at 10 %.
  std::vector<TaskOutcome> tasks;
  exponential_arm(tasks, 0, 0.01, 200, 60.0);
  exponential_arm(tasks, 0, 0.01, 200, 10.0);
  exponential_arm(tasks, 1, 0.005, 200, 60.0);
  exponential_arm(tasks, 1, 0.01, 200, 10.0);
  // Two arm-1 responders: one at TPS exactly 50 % (in `min: 50 %`), one never assayed (in no stratum).
  TaskOutcome at_cut = outcome(Response::kCR, kNaN, 1), unassayed = outcome(Response::kPR, kNaN, 1);
  at_cut.tps_pct = 50.0;
  tasks.push_back(at_cut);
  tasks.push_back(unassayed);
  const TpsRange high{50.0, std::nullopt}, low{std::nullopt, 50.0}, none{95.0, std::nullopt};
  CHECK(high.contains(50.0));
  CHECK_FALSE(low.contains(50.0));  // max is exclusive
  CHECK_FALSE(high.contains(kNaN));
  CHECK_FALSE(low.contains(kNaN));
  CHECK(TpsRange{1.0, 50.0}.contains(1.0));

  StatisticQuery hr = hazard_ratio(Statistic::kHrOs, 1, 0);
  const double all = statistic_value(tasks, 2, hr);
  hr.tps = high;
  const double in_high = statistic_value(tasks, 2, hr);
  hr.tps = low;
  const double in_low = statistic_value(tasks, 2, hr);
  CHECK(in_high == Approx(0.5).epsilon(0.01));
  CHECK(in_low == Approx(1.0).margin(1e-9));  // identical times in both arms
  CHECK(all > in_high);
  CHECK(all < in_low);

  StatisticQuery orr;
  orr.statistic = Statistic::kOrr;
  orr.arm = 1;
  CHECK(statistic_value(tasks, 2, orr) == Approx(2.0 / 402));
  orr.tps = high;
  CHECK(statistic_value(tasks, 2, orr) == Approx(1.0 / 201));  // the responder at 50 %, not the unassayed one
  orr.tps = low;
  CHECK(statistic_value(tasks, 2, orr) == 0.0);

  // Median OS of arm 1 at TPS >= 50 %: 200 quantiles at 0.005/day and one patient censored at day
  // 100, after 79 deaths. S = (122/201)(1 − j/121) after j more deaths first reaches 0.5 at j = 22:
  // the median is the 101st death, −ln(1 − 100.5/200)/0.005 = 139.6 days (ln 2/0.005 = 138.6).
  StatisticQuery median;
  median.statistic = Statistic::kMedianOs;
  median.arm = 1;
  median.tps = high;
  CHECK(statistic_value(tasks, 2, median) == Approx(-std::log(1.0 - 100.5 / 200) / 0.005).epsilon(1e-12));

  // A stratum without patients: every statistic is NaN, nothing throws.
  for (const auto& [statistic, name] : kStatisticNames.entries) {
    INFO(name);
    StatisticQuery q{statistic, 1, std::nullopt, std::nullopt, none};
    if (needs_comparator(statistic)) q.against = 0;
    if (needs_time(statistic)) q.at = 100.0;
    CHECK(std::isnan(statistic_value(tasks, 2, q)));
  }
}

TEST_CASE("calibration statistics do not depend on the order of the tasks", "[calibrate][statistics]") {
  // Whatever order the threads finish in, the sink holds tasks by id; the statistics must not even
  // depend on the order of the outcomes.
  std::vector<TaskOutcome> tasks;
  exponential_arm(tasks, 0, 0.01, 150);
  exponential_arm(tasks, 1, 0.007, 150);
  for (std::size_t i = 0; i < tasks.size(); ++i) tasks[i].tps_pct = i % 2 == 0 ? 30.0 : 70.0;
  for (std::size_t i = 0; i < tasks.size(); i += 3) tasks[i].os.event = false;  // ties and censoring
  for (std::size_t i = 0; i < tasks.size(); i += 7) tasks[i].pfs.time = std::round(tasks[i].pfs.time / 42.0) * 42.0;
  std::vector<StatisticQuery> queries{hazard_ratio(Statistic::kHrOs, 1, 0), hazard_ratio(Statistic::kHrPfs, 1, 0),
                                      at_time(Statistic::kLandmarkOs, 1, 100.0),
                                      at_time(Statistic::kRmstPfs, 0, 200.0)};
  queries.push_back(queries[0]);
  queries.back().tps = TpsRange{std::nullopt, 50.0};
  std::vector<double> before;
  for (const StatisticQuery& q : queries) before.push_back(statistic_value(tasks, 2, q));
  std::mt19937 shuffle(3);
  std::shuffle(tasks.begin(), tasks.end(), shuffle);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    INFO(i);
    REQUIRE(std::isfinite(before[i]));
    CHECK(statistic_value(tasks, 2, queries[i]) == before[i]);  // bit for bit
  }
}

TEST_CASE("calibration statistics refuse a query that does not fit its statistic", "[calibrate][statistics]") {
  std::vector<TaskOutcome> tasks;
  exponential_arm(tasks, 0, 0.01, 10);
  StatisticQuery q = hazard_ratio(Statistic::kHrOs, 0, 0);  // against itself
  CHECK_THROWS_AS(statistic_value(tasks, 2, q), Error);
  q.against = 2;  // no such arm
  CHECK_THROWS_AS(statistic_value(tasks, 2, q), Error);
  q.against.reset();  // hr without a comparator
  CHECK_THROWS_AS(statistic_value(tasks, 2, q), Error);
  CHECK_THROWS_AS(statistic_value(tasks, 2, at_time(Statistic::kOrr, 0, 10.0)), Error);
  CHECK_THROWS_AS(statistic_value(tasks, 2, at_time(Statistic::kRmstOs, 2, 10.0)), Error);
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
  r.tps_pct = 62.5;
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
  CHECK(t.tps_pct == 62.5);
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
  CHECK(std::isnan(sink.outcomes()[4].tps_pct));
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
