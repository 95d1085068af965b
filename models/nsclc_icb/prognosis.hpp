// Prognosis block of the NSCLC checkpoint model: the patient's shift of log overall-survival time
// that host factors and baseline covariates carry besides their effect on immunity. The model's
// dynamics do not use it; the readout's TGI-OS survival model does (readout.survival.prognosis).
#pragma once

#include <array>

#include "engine/core/parameter_spec.hpp"

namespace icbsim::models::nsclc {

struct PrognosisBlock {
  static constexpr std::array<ParameterSpec, 1> kParameters{{
      {"prognostic_log_time", "", 0.0, -5, 5,
       "shift of log overall-survival time from prognostic factors outside the tumour dynamics (0 = reference)",
       "definition: 0 for the reference patient of the TGI-OS model (Struemper 2025); host-factor overlays add "
       "their sourced prognostic weight (configs/host)"},
  }};
};

}  // namespace icbsim::models::nsclc
