// The `spatial:` section of a scenario (docs/scenario.md, docs/models/nsclc_spatial.md "Spatial
// scenarios") -> Scenario::spatial, with located errors.
#pragma once

#include <vector>

#include "engine/core/model_registry.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// Reads `node` (the value of `spatial:`) into s.spatial. Call after the model, time, checkpoints,
/// cohort and sweep sections are read: it checks that the model has a spatial mode, that every
/// overlay the scenario uses (scenario-wide, population, arms) has changes for the mode's
/// parameter model, and refuses sweeps and checkpoints.
void read_spatial_section(const ConfigNode& node, const ConfigNode& root, const ModelRegistry& registry, Scenario& s);

/// Reads a `parameters:` map of `model` into `values` (unit-checked, range-checked). Defined in
/// scenario_loader.cpp, where the scenario's own `parameters:` are read the same way.
void read_model_parameters(const ConfigNode& section, const ModelInfo& model, std::vector<double>& values);

}  // namespace icbsim
