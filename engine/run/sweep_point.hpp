// What a sweep point changes in a task: model parameters (set or scaled), overlays carried, and
// the treatment (a drug's dose multiple, its interval, or the drug itself).
#pragma once

#include <vector>

#include <Eigen/Core>

#include "engine/core/model_info.hpp"
#include "engine/pk/treatment.hpp"
#include "engine/sweep/sweep_spec.hpp"

namespace icbsim {

/// Applies the parameter and overlay axes at `values` (one value per axis, in axis order).
void apply_point_parameters(const sweep::SweepSpec& spec, const Eigen::Ref<const Eigen::VectorXd>& values,
                            const ModelInfo& model, std::vector<double>& parameters);

/// The treatment with the dose, interval and drug axes at `values` applied.
Treatment apply_point_treatment(const sweep::SweepSpec& spec, const Eigen::Ref<const Eigen::VectorXd>& values,
                                Treatment treatment);

/// True when some axis changes treatments (so the planned doses differ between points).
bool sweep_changes_treatment(const sweep::SweepSpec& spec);

}  // namespace icbsim
