// Connects drugs to a model: every model that can carry a drug of some class has a "slot" — a
// state `<slot>_a1` receiving doses and parameters `<slot>_<field>` (cl0, vc, ..., kd, mw, ...)
// filled from the drug catalogue for the patient. A single-drug model uses the bare names (A1, CL0,
// ...). Names are matched without regard to case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/model_info.hpp"
#include "engine/core/task.hpp"
#include "engine/pk/treatment.hpp"

namespace icbsim {

/// A place in the model for a drug: the slot prefix and the dose-receiving state.
struct DrugSlot {
  std::string prefix;
  std::size_t target_state = 0;
};

/// The slot prefixes a drug class may use, in order of preference ("" = single-drug model).
std::vector<std::string_view> slot_prefixes(pk::DrugClass drug_class);

/// The first free slot of the model for the class, skipping prefixes in `taken`; nothing when the
/// model cannot receive the drug.
std::optional<DrugSlot> find_drug_slot(const ModelInfo& model, pk::DrugClass drug_class,
                                       const std::vector<std::string>& taken);

/// Model parameters set by one drug: (parameter index, value) pairs, for the patient.
std::vector<std::pair<std::size_t, double>> drug_parameters(const ModelInfo& model, const TreatmentItem& item,
                                                            const pk::PatientCovariates& patient,
                                                            double first_dose_time);

/// Sets every drug's parameters and appends its doses (sorted by time) to the task.
void bind_treatment(const ModelInfo& model, const Treatment& treatment, const pk::PatientCovariates& patient,
                    TaskInput& task);

/// The patient with the indicators the treatment implies (regimens, combination partners).
pk::PatientCovariates patient_on_treatment(pk::PatientCovariates patient, const Treatment& treatment);

}  // namespace icbsim
