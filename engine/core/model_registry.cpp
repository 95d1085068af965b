// Model registry and the index lookups of ModelInfo.
#include "engine/core/model_registry.hpp"

#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"

namespace icbsim {

int ModelInfo::variable_index(std::string_view n) const {
  for (std::size_t i = 0; i < variables.size(); ++i)
    if (variables[i].name == n) return static_cast<int>(i);
  return -1;
}

int ModelInfo::parameter_index(std::string_view n) const {
  for (std::size_t i = 0; i < parameters.size(); ++i)
    if (parameters[i].name == n) return static_cast<int>(i);
  return -1;
}

void ModelRegistry::add(const ModelInfo& info) {
  if (find(info.name) != nullptr) throw Error("model '" + std::string(info.name) + "' is registered twice");
  models_.push_back(info);
}

const ModelInfo* ModelRegistry::find(std::string_view name) const {
  for (const auto& m : models_)
    if (m.name == name) return &m;
  return nullptr;
}

std::string ModelRegistry::names() const {
  std::string out;
  for (const auto& m : models_) {
    if (!out.empty()) out += ", ";
    out += m.name;
  }
  return out;
}

const ModelInfo& ModelRegistry::get(std::string_view name) const {
  if (const ModelInfo* m = find(name)) return *m;
  std::vector<std::string_view> candidates;
  for (const auto& m : models_) candidates.push_back(m.name);
  throw Error("unknown model '" + std::string(name) + "'" + did_you_mean(name, candidates) +
              "; known models: " + names());
}

void ModelRegistry::add_spatial_mode(const SpatialMode& mode) {
  get(mode.model);
  get(mode.parameters_model);
  if (find_spatial_mode(mode.model) != nullptr)
    throw Error("model '" + std::string(mode.model) + "' has two spatial modes");
  spatial_modes_.push_back(mode);
}

const SpatialMode* ModelRegistry::find_spatial_mode(std::string_view name) const {
  for (const auto& m : spatial_modes_)
    if (m.model == name) return &m;
  return nullptr;
}

const SpatialMode* ModelRegistry::spatial_mode_holding(std::string_view name) const {
  for (const auto& m : spatial_modes_)
    if (m.parameters_model == name) return &m;
  return nullptr;
}

std::string ModelRegistry::spatial_mode_names() const {
  std::string out;
  for (const auto& m : spatial_modes_) out += (out.empty() ? "" : ", ") + std::string(m.model);
  return out;
}

}  // namespace icbsim
