// `base:` of a scenario: other (partial) scenario files deep-merged under it before validation,
// so trial scenarios can share one population description (docs/scenario.md, "Shared sections").
#pragma once

#include <string>

#include "engine/io/config/config_node.hpp"

namespace icbsim {

/// Parses scenario text and merges its `base:` files (a path or a list of paths, relative to the
/// file's folder; applied in order, each may have bases of its own) beneath it: maps merge key by
/// key, anything else in the later file replaces the earlier value. The result has no `base:` key;
/// every node keeps the file, line and column it came from. Throws ScenarioError for a missing or
/// unreadable base file, a base that is not a map, or a cycle of bases.
ConfigNode parse_scenario_with_bases(const std::string& text, const std::string& name);

/// As parse_scenario_with_bases, then `overrides` (a partial scenario: a map of scenario keys
/// without `base:`, e.g. the overrides of a run from Python) merged on top the same way; its nodes
/// cite `overrides_name`.
ConfigNode parse_scenario_with_overrides(const std::string& text, const std::string& name, const std::string& overrides,
                                         const std::string& overrides_name);

}  // namespace icbsim
