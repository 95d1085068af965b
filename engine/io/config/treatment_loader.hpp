// Reads the scenario sections `patient:` (covariates for dosing and PK) and `treatment:` (drugs
// from the catalogue, schedules, the stopping rule) with located errors, checking that the model
// has a slot for every drug.
#pragma once

#include <optional>

#include "engine/core/model_info.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/pk/patient_covariates.hpp"
#include "engine/pk/treatment.hpp"

namespace icbsim {

/// The patient's covariates; unset ones keep the typical patient's values (docs/scenario.md).
pk::PatientCovariates read_patient(const ConfigNode* node);

/// The treatment section, or nothing when absent. Drugs come from `<configs>/drugs`.
/// `taken`: slots already used by another treatment given at the same time (a first line).
std::optional<Treatment> read_treatment(const ConfigNode* node, const ConfigNode* patient_node, const ModelInfo& model,
                                        const pk::PatientCovariates& patient, std::vector<std::string> taken = {});

/// The catalogue drug named at `drug_node` on its standard regimen, in a slot of `model` that is
/// not in `taken` (a sweep's drug axis).
TreatmentItem read_standard_item(const ConfigNode& drug_node, const ConfigNode* patient_node, const ModelInfo& model,
                                 std::vector<std::string> taken);

}  // namespace icbsim
