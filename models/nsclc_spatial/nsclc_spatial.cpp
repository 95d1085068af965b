// The nsclc_spatial registry entry.
#include "models/nsclc_spatial/nsclc_spatial.hpp"

#include "engine/core/errors.hpp"
#include "models/nsclc_spatial/spatial_parameters.hpp"

namespace icbsim::models {
namespace {

TaskOutput refuse(const TaskInput&) {
  throw Error(
      "model 'nsclc_spatial' holds the parameters of the spatial tumour bed and runs only coupled to nsclc_icb as a "
      "spatial patient; use model nsclc_icb with a spatial section");
}

}  // namespace

ModelInfo NsclcSpatial::info() {
  return ModelInfo{kName,
                   kDescription,
                   kReference,
                   std::span<const VariableSpec>(),
                   std::span<const ParameterSpec>(spatial::kParameters),
                   std::span<const VariableSpec>(kObservables),
                   &refuse};
}

}  // namespace icbsim::models
