// Reads the scenario sections that measure tasks like trial patients: `tumour:` (which model
// output is the tumour and how it splits into lesions), `scans:` (the scan schedule) and
// `readout:` (response criteria and outcome rules). Located errors as everywhere.
#pragma once

#include <optional>

#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The readout plan of a scenario, or nothing when it has none of the three sections. `tumour:`
/// and `scans:` go together; `readout:` needs both.
std::optional<ReadoutPlan> read_readout_plan(const ConfigNode& root, const ModelInfo& model, const TimeSpan& time);

}  // namespace icbsim
