// The one place where built-in models are registered by name.
#include "models/register_builtin.hpp"

#include "engine/ode/model_entry.hpp"
#include "models/de_pillis2005.hpp"
#include "models/kirschner_panetta1998.hpp"
#include "models/kuznetsov1994.hpp"
#include "models/nikolopoulou2018.hpp"
#include "models/nsclc_icb/nsclc_icb.hpp"
#include "models/nsclc_spatial/hybrid_runner.hpp"
#include "models/nsclc_spatial/nsclc_spatial.hpp"
#include "models/pk_compartmental.hpp"

namespace icbsim::models {

void register_builtin(ModelRegistry& registry) {
  registry.add(model_entry<Kuznetsov1994>());
  registry.add(model_entry<DePillis2005>());
  registry.add(model_entry<KirschnerPanetta1998>());
  registry.add(model_entry<Nikolopoulou2018>());
  registry.add(model_entry<PkCompartmental>());
  registry.add(model_entry<NsclcIcb>());
  registry.add(NsclcSpatial::info());
  registry.add_spatial_mode(spatial::hybrid_mode());  // spatial: scenarios of nsclc_icb
}

ModelRegistry builtin_registry() {
  ModelRegistry registry;
  register_builtin(registry);
  return registry;
}

}  // namespace icbsim::models
