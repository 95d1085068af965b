// Loads and validates a scenario file (schema v1, docs/scenario.md) into a plain Scenario. Every
// check happens here, before any work starts; each failure is a ScenarioError naming
// file:line:column.
#pragma once

#include <string>

#include "engine/core/model_registry.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// Reads and validates the scenario at `path`.
Scenario load_scenario_file(const std::string& path, const ModelRegistry& registry);
/// Validates scenario text; `name` is the file name used in messages.
Scenario load_scenario_text(const std::string& text, const std::string& name, const ModelRegistry& registry);

/// Validates a scenario already parsed (e.g. assembled from several files); `text` is kept as the
/// scenario's source text.
Scenario load_scenario_node(const ConfigNode& root, const std::string& text, const std::string& name,
                            const ModelRegistry& registry);

/// Throws ScenarioError (located at `where` when known) if `path` cannot be created: its folder
/// is missing or not writable, or it names a folder.
void check_output_path(const std::string& path, const ConfigNode* where);

}  // namespace icbsim
