// Writes a Scenario back as YAML with every default filled in (the `scenario_resolved` attribute
// of each result file). Loading that text gives the same Scenario.
#pragma once

#include <string>

#include "engine/run/scenario.hpp"

namespace icbsim {

std::string resolved_scenario_yaml(const Scenario& scenario);

}  // namespace icbsim
