// Reads resistance-phenotype and host-factor overlay files (configs/phenotypes/*.yaml,
// configs/host/*.yaml; format in docs/overlays.md) into icbsim::Overlay, validating every key,
// model, parameter, unit and value against the model registry with located errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/core/model_registry.hpp"
#include "engine/core/overlay.hpp"
#include "engine/io/config/config_node.hpp"

namespace icbsim {

/// Reads and validates one overlay file; its name (`phenotype:` or `host_factor:`) must equal the
/// file's stem. Throws ScenarioError citing file:line:column for any bad entry.
Overlay load_overlay_file(const std::string& path, const ModelRegistry& registry);

/// Reads and validates an overlay from a parsed document; `expected_name` ("" = any) is the name it
/// must carry.
Overlay read_overlay(const ConfigNode& root, const ModelRegistry& registry, std::string_view expected_name = "");

/// The overlay names (file stems of *.yaml files) in `folder`, sorted. Throws IoError when the
/// folder cannot be read.
std::vector<std::string> list_overlays(const std::string& folder);

}  // namespace icbsim
