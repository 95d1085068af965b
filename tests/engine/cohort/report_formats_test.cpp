// engine/cohort/report_formats: the JSON, CSV and Markdown forms of a report built from constructed
// patients hold the report's own numbers (counts, rates, months, hazard ratios).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "engine/cohort/report_formats.hpp"
#include "engine/core/number_text.hpp"

using namespace icbsim::cohort;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using icbsim::readout::Response;
using icbsim::readout::SitcClass;

namespace {

TrialReport two_arms() {
  std::vector<TaskSummary> tasks;
  for (int i = 0; i < 10; ++i) {
    TaskSummary t;
    t.arm = static_cast<std::uint16_t>(i % 2);
    t.ok = true;
    t.best = i < 4 ? Response::kPR : Response::kPD;
    t.sitc = i < 4 ? SitcClass::kOngoingBenefit : SitcClass::kPrimaryResistance;
    t.pfs_days = 30.4375f * static_cast<float>(i + 1);
    t.pfs_event = true;
    t.os_days = t.pfs_days + 100;
    tasks.push_back(t);
  }
  return make_trial_report(tasks, {"drug \"A\"", "control"}, {});
}

}  // namespace

TEST_CASE("numbers are written in the shortest form that reads back to the same double", "[cohort][report]") {
  CHECK(icbsim::shortest(0.1) == "0.1");
  CHECK(icbsim::shortest(1e-300) == "1e-300");
  CHECK(icbsim::shortest(0.18) == "0.18");
  for (const double v : {1.0 / 3.0, 2.0 / 7.0, 123456.789e-7, 6.02214076e23})
    CHECK(std::strtod(icbsim::shortest(v).c_str(), nullptr) == v);
}

TEST_CASE("the report as JSON, CSV and Markdown carries the report's numbers", "[cohort][report]") {
  const TrialReport r = two_arms();
  REQUIRE(r.groups.size() == 2);
  const GroupStatistics& a = r.groups[0];
  const std::string json = report_json(r);
  // Quotes in names are escaped; counts, the ORR and its interval, medians in months.
  CHECK_THAT(json, Contains("{\"arm\": \"drug \\\"A\\\"\", \"group\": \"all\", \"n\": 5, \"failed\": 0"));
  CHECK_THAT(json, Contains("\"orr\": {\"successes\": 2, \"n\": 5, \"estimate\": 0.4, \"wilson\": [" +
                            icbsim::shortest(a.orr.wilson.lower) + ", " + icbsim::shortest(a.orr.wilson.upper) + "]}"));
  CHECK_THAT(json, Contains("\"pfs\": {\"median\": " + icbsim::shortest(*a.pfs.median / 30.4375)));
  CHECK_THAT(json, Contains("\"pfs_hr\": " + icbsim::shortest(r.comparisons[0].pfs_hr.hr)));
  const std::string csv = report_csv(r);
  CHECK_THAT(csv, StartsWith("arm,group,n,failed,CR,PR,SD,PD,NE,orr,"));
  CHECK_THAT(csv, Contains("\n\"drug \"\"A\"\"\",all,5,0,0,2,0,3,0,0.4,"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);  // header and one row per group
  const std::string markdown = report_markdown(r);
  CHECK_THAT(markdown, Contains("| control | all | 5 | 0 | 2 | 0 | 3 | 0 | 40.0 ("));
  CHECK_THAT(markdown, Contains("| arm | PFS HR (95% CI) |"));
}
