// Name -> model lookup. Built-in models are added explicitly in models/register_builtin.cpp; a
// registry is an ordinary object (no global state), so tests can build their own.
#pragma once

#include <string_view>
#include <vector>

#include "engine/core/model_info.hpp"
#include "engine/core/spatial_mode.hpp"

namespace icbsim {

class ModelRegistry {
 public:
  /// Adds a model; throws icbsim::Error when the name is already taken.
  void add(const ModelInfo& info);
  /// The model called `name`, or nullptr.
  const ModelInfo* find(std::string_view name) const;
  /// The model called `name`; throws icbsim::Error listing the known names and the closest one.
  const ModelInfo& get(std::string_view name) const;
  const std::vector<ModelInfo>& models() const noexcept { return models_; }
  /// "a, b, c".
  std::string names() const;

  /// Adds the spatial mode of a registered model; throws icbsim::Error when the model is unknown
  /// or has one already.
  void add_spatial_mode(const SpatialMode& mode);
  /// The spatial mode of model `name`, or nullptr.
  const SpatialMode* find_spatial_mode(std::string_view name) const;
  /// The spatial mode whose lattice parameters model `name` holds, or nullptr. Such a model is
  /// parameters only: it runs as part of that mode, never as a scenario's model.
  const SpatialMode* spatial_mode_holding(std::string_view name) const;
  /// Models with a spatial mode, "a, b".
  std::string spatial_mode_names() const;

 private:
  std::vector<ModelInfo> models_;
  std::vector<SpatialMode> spatial_modes_;
};

}  // namespace icbsim
