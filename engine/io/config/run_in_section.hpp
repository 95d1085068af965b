// The `run_in:` section of a scenario (docs/scenario.md "Run-in") -> Scenario::run_in, with located
// errors, and its resolved form for the scenario written back into result files.
#pragma once

#include <yaml-cpp/emitter.h>

#include "engine/io/config/config_node.hpp"
#include "engine/run/run_in.hpp"

namespace icbsim {

/// Reads `node` (the value of `run_in:`) for `model`: held and scaled state names, period, rounds.
RunInSpec read_run_in_section(const ConfigNode& node, const ModelInfo& model);

/// Writes `run_in:` with every field filled in.
void write_run_in_section(const RunInSpec& spec, const ModelInfo& model, YAML::Emitter& out);

}  // namespace icbsim
