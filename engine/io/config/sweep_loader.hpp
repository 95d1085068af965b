// Reads a scenario's `sweep:` section (docs/sensitivity.md) into Scenario::sweep, with located
// errors: unknown designs, axes, parameters, overlays and drugs, outputs the scenario cannot give.
#pragma once

#include "engine/core/model_registry.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// Fills scenario.sweep from `node`; the rest of the scenario (model, readout, treatments, arms,
/// population) must already be read.
void read_sweep_section(const ConfigNode& node, const ConfigNode& root, const ModelRegistry& registry, Scenario& scenario);

}  // namespace icbsim
