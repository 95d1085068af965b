// Tumour growth rates and the Champiat 2017 / Ferrara 2018 hyperprogression rules.
#include "engine/readout/hyperprogression.hpp"

#include <cmath>
#include <limits>

#include "engine/core/errors.hpp"
#include "engine/readout/calendar.hpp"

namespace icbsim::readout {

double tumour_growth_rate(const SldSample& from, const SldSample& to) {
  if (!(from.sld_mm > 0.0) || !(to.sld_mm > 0.0) || !std::isfinite(from.sld_mm) ||
      !std::isfinite(to.sld_mm))
    throw Error("tumour growth rate: SLD must be finite and > 0 mm");
  if (!std::isfinite(from.time) || !std::isfinite(to.time) || !(to.time > from.time))
    throw Error("tumour growth rate: the second sample must come after the first");
  const double months = (to.time - from.time) / kDaysPerMonth;
  const double tg = 3.0 * std::log(to.sld_mm / from.sld_mm) / months;
  return 100.0 * std::expm1(tg);
}

HyperprogressionResult assess_hyperprogression(const HyperprogressionInput& input,
                                               HyperprogressionDefinition definition) {
  HyperprogressionResult r;
  r.definition = definition;
  r.tgr_pre = tumour_growth_rate(input.pre_baseline, input.baseline);
  r.tgr_on = tumour_growth_rate(input.baseline, input.first_evaluation);
  r.delta_tgr = r.tgr_on - r.tgr_pre;
  r.tgr_ratio = r.tgr_pre > 0.0 ? r.tgr_on / r.tgr_pre : std::numeric_limits<double>::quiet_NaN();
  bool accelerated = false;
  switch (definition) {
    case HyperprogressionDefinition::kChampiat2017:
      accelerated = r.tgr_pre > 0.0 ? r.tgr_ratio >= kChampiatTgrRatio : r.tgr_on > 0.0;
      break;
    case HyperprogressionDefinition::kFerrara2018:
      accelerated = r.delta_tgr > kFerraraDeltaTgr;
      break;
  }
  r.hyperprogression = input.pd_at_first_evaluation && accelerated;
  return r;
}

}  // namespace icbsim::readout
