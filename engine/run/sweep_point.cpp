// Axis by axis, in the order the scenario lists them.
#include "engine/run/sweep_point.hpp"

#include <cmath>

namespace icbsim {

using sweep::AxisKind;

void apply_point_parameters(const sweep::SweepSpec& spec, const Eigen::Ref<const Eigen::VectorXd>& values,
                            const ModelInfo& model, std::vector<double>& parameters) {
  for (std::size_t j = 0; j < spec.axes.size(); ++j) {
    const sweep::Axis& axis = spec.axes[j];
    const double v = values(static_cast<Eigen::Index>(j));
    if (axis.kind == AxisKind::kParameter) {
      parameters[axis.parameter] = axis.scale ? parameters[axis.parameter] * v : v;
    } else if (axis.kind == AxisKind::kOverlay && v >= 0.5) {
      apply_overlay(*axis.overlay, model, parameters);
    }
  }
}

Treatment apply_point_treatment(const sweep::SweepSpec& spec, const Eigen::Ref<const Eigen::VectorXd>& values,
                                Treatment treatment) {
  for (std::size_t j = 0; j < spec.axes.size(); ++j) {
    const sweep::Axis& axis = spec.axes[j];
    const double v = values(static_cast<Eigen::Index>(j));
    for (TreatmentItem& item : treatment.items) {
      if (item.drug.name != axis.drug) continue;
      if (axis.kind == AxisKind::kDose) {
        for (pk::DosingSchedule& phase : item.phases) phase.dose.amount *= v;
      } else if (axis.kind == AxisKind::kInterval) {
        for (pk::DosingSchedule& phase : item.phases) phase.interval = v;
      } else if (axis.kind == AxisKind::kDrug) {
        item = axis.alternatives[static_cast<std::size_t>(std::lround(v))];
        break;  // the replacement is another drug: later axes on the old name no longer apply
      }
    }
  }
  return treatment;
}

bool sweep_changes_treatment(const sweep::SweepSpec& spec) {
  for (const sweep::Axis& axis : spec.axes)
    if (axis.kind == AxisKind::kDose || axis.kind == AxisKind::kInterval || axis.kind == AxisKind::kDrug) return true;
  return false;
}

}  // namespace icbsim
