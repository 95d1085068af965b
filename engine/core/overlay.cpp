// Applying resistance-phenotype and host-factor overlays to a model's parameters.
#include "engine/core/overlay.hpp"

#include <cmath>
#include <sstream>
#include <string_view>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"

namespace icbsim {
namespace {

std::string format_value(double v) {
  std::ostringstream out;
  out.precision(6);
  out << v;
  return out.str();
}

double changed(double current, const ParameterChange& change) {
  switch (change.op) {
    case ChangeOp::kScale: return current * change.value;
    case ChangeOp::kSet: return change.value;
    case ChangeOp::kAdd: return current + change.value;
  }
  return current;
}

}  // namespace

std::string Overlay::model_names() const {
  std::string names;
  for (const auto& [model, changes] : changes_by_model) names += (names.empty() ? "" : ", ") + model;
  return names;
}

void apply_overlay(const Overlay& overlay, const ModelInfo& model, std::vector<double>& parameters) {
  const std::string what = std::string(kOverlayKindNames.name(overlay.kind)) + " '" + overlay.name + "'";
  const auto found = overlay.changes_by_model.find(std::string(model.name));
  if (found == overlay.changes_by_model.end())
    throw Error(what + " has no changes for model '" + std::string(model.name) + "'; it covers: " +
                (overlay.changes_by_model.empty() ? std::string("no model") : overlay.model_names()));
  if (parameters.size() != model.parameters.size())
    throw Error(what + ": expected " + std::to_string(model.parameters.size()) + " parameters of model '" +
                std::string(model.name) + "', got " + std::to_string(parameters.size()));

  std::vector<double> result = parameters;
  for (const ParameterChange& change : found->second) {
    const int index = model.parameter_index(change.parameter);
    if (index < 0) {
      std::vector<std::string_view> names;
      for (const auto& p : model.parameters) names.push_back(p.name);
      throw Error(what + " changes unknown parameter '" + change.parameter + "' of model '" + std::string(model.name) +
                  "'" + did_you_mean(change.parameter, names));
    }
    const ParameterSpec& spec = model.parameters[static_cast<std::size_t>(index)];
    double& value = result[static_cast<std::size_t>(index)];
    const double next = changed(value, change);
    if (!std::isfinite(next) || next < spec.min || next > spec.max)
      throw Error(what + " moves parameter '" + change.parameter + "' of model '" + std::string(model.name) + "' from " +
                  format_value(value) + " to " + format_value(next) + ", outside its admissible range [" +
                  format_value(spec.min) + ", " + format_value(spec.max) + "]" +
                  (spec.unit.empty() ? "" : " " + std::string(spec.unit)));
    value = next;
  }
  parameters = std::move(result);
}

void apply_overlays(const std::vector<Overlay>& overlays, const ModelInfo& model, std::vector<double>& parameters) {
  std::vector<double> result = parameters;
  for (const Overlay& overlay : overlays) apply_overlay(overlay, model, result);
  parameters = std::move(result);
}

}  // namespace icbsim
