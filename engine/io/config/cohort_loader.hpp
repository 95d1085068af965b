// Reads the scenario sections that make a cohort or a comparison: `phenotypes:` and `host:`
// (overlays every patient carries), `population:` (distributions, correlations, prevalences,
// inclusion criteria), `arms:` with `allocation:` and `ratio:`. Overlays are found by name in
// <configs>/phenotypes and <configs>/host.
#pragma once

#include "engine/core/model_registry.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// A distribution in `unit` (docs/cohorts.md); `extra_keys` are further keys the node may hold.
cohort::Distribution read_distribution(const ConfigNode& node, std::string_view unit, const std::string& name,
                                       std::vector<std::string_view> extra_keys = {});

/// Loads overlay `name` (a phenotype or a host factor) for the scenario's model.
Overlay find_overlay(const ConfigNode& name_node, const ModelRegistry& registry, const ModelInfo& model);

/// Fills scenario.overlays, population, population_factor, arms, allocation and ratio.
void read_cohort_sections(const ConfigNode& root, const ModelRegistry& registry, Scenario& scenario);

}  // namespace icbsim
