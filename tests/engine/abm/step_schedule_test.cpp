// Step schedule: operations run in order at their frequency, print in order, and are unique.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/abm/step_schedule.hpp"
#include "engine/core/errors.hpp"

using icbsim::abm::OperationKind;
using icbsim::abm::StepSchedule;

TEST_CASE("operations run in order at their frequency", "[abm][schedule]") {
  StepSchedule schedule;
  std::vector<std::string> log;
  schedule.add({"agents", OperationKind::kAgents, 1, [&](std::uint64_t s) { log.push_back("a" + std::to_string(s)); }});
  schedule.add({"fields", OperationKind::kDomain, 2, [&](std::uint64_t s) { log.push_back("f" + std::to_string(s)); }});
  for (std::uint64_t s = 0; s < 4; ++s) schedule.run(s);
  CHECK(log == std::vector<std::string>{"a0", "f0", "a1", "a2", "f2", "a3"});
  CHECK(schedule.describe() == "1. agents (agents, every step)\n2. fields (domain, every 2 steps)\n");
  CHECK_THROWS_WITH(schedule.add({"fields", OperationKind::kDomain, 1, [](std::uint64_t) {}}),
                    Catch::Contains("scheduled twice"));
  CHECK_THROWS_AS(schedule.add({"never", OperationKind::kDomain, 0, [](std::uint64_t) {}}), icbsim::Error);
}
