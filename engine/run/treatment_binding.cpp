// Drug slots, parameter binding from the catalogue, and dose expansion.
#include "engine/run/treatment_binding.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "engine/core/errors.hpp"

namespace icbsim {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string slot_name(std::string_view prefix, std::string_view field) {
  return prefix.empty() ? std::string(field) : std::string(prefix) + "_" + std::string(field);
}

std::optional<std::size_t> find_index(std::span<const ParameterSpec> specs, std::string_view name) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (same_name(specs[i].name, name)) return i;
  return std::nullopt;
}

std::optional<std::size_t> find_index(std::span<const VariableSpec> specs, std::string_view name) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (same_name(specs[i].name, name)) return i;
  return std::nullopt;
}

std::vector<DoseEvent> doses_of(const TreatmentItem& item, const pk::PatientCovariates& patient, double t_end) {
  std::vector<DoseEvent> events;
  for (const auto& phase : item.phases) {
    auto more = pk::expand_schedule(phase, patient, item.target_state, t_end);
    events.insert(events.end(), more.begin(), more.end());
  }
  return events;
}

/// Indicators that the presence of a drug in the treatment sets for the other drugs' PK models.
constexpr std::pair<std::string_view, pk::Covariate> kPartnerIndicators[] = {
    {"nivolumab", pk::Covariate::kWithNivolumab},
    {"ipilimumab", pk::Covariate::kWithIpilimumab},
    {"durvalumab", pk::Covariate::kWithDurvalumab},
    {"tremelimumab", pk::Covariate::kWithTremelimumab},
};

}  // namespace

std::vector<std::string_view> slot_prefixes(pk::DrugClass drug_class) {
  using pk::DrugClass;
  switch (drug_class) {
    case DrugClass::kAntiPd1: return {"pd1", ""};
    case DrugClass::kAntiPdl1: return {"pdl1", ""};
    case DrugClass::kAntiCtla4: return {"ctla4", ""};
    case DrugClass::kCytotoxic: return {"cyto1", "cyto2", ""};
    case DrugClass::kVaccine: return {"vaccine", ""};
    case DrugClass::kAdc: return {"adc", ""};
  }
  return {""};
}

std::optional<DrugSlot> find_drug_slot(const ModelInfo& model, pk::DrugClass drug_class,
                                       const std::vector<std::string>& taken) {
  for (std::string_view prefix : slot_prefixes(drug_class)) {
    if (std::find(taken.begin(), taken.end(), prefix) != taken.end()) continue;
    if (const auto state = find_index(model.variables, slot_name(prefix, "a1")))
      return DrugSlot{std::string(prefix), *state};
  }
  return std::nullopt;
}

std::vector<std::pair<std::size_t, double>> drug_parameters(const ModelInfo& model, const TreatmentItem& item,
                                                            const pk::PatientCovariates& patient,
                                                            double first_dose_time) {
  const pk::Drug& drug = item.drug;
  const pk::PkParameters pk = pk::resolve(item.pk, patient);
  std::vector<std::pair<std::string, double>> values;
  for (const auto& [field, name] : pk::kPkParameterNames.entries) values.emplace_back(name, pk::field(pk, field));
  values.emplace_back("t_first_dose", first_dose_time);
  if (drug.kd > 0) {
    values.emplace_back("kd", drug.kd);
    values.emplace_back("mw", drug.molecular_weight);
    values.emplace_back("partition", drug.tumour_partition);
  }
  if (drug.exposure_kill) {
    values.emplace_back("tumour_kmax", drug.exposure_kill->tumour_kmax);
    values.emplace_back("tumour_sensitivity", drug.exposure_kill->tumour_sensitivity);
    values.emplace_back("lymphocyte_kmax", drug.exposure_kill->lymphocyte_kmax);
    values.emplace_back("lymphocyte_sensitivity", drug.exposure_kill->lymphocyte_sensitivity);
  }
  if (drug.vaccine) {
    values.emplace_back("boost_max", drug.vaccine->boost_max);
    values.emplace_back("half_boost_amount", drug.vaccine->half_boost_amount);
  }
  if (drug.adc) values.emplace_back("bystander_fraction", drug.adc->bystander_fraction);

  std::vector<std::pair<std::size_t, double>> bound;
  for (const auto& [field, value] : values)
    if (const auto index = find_index(model.parameters, slot_name(item.slot, field))) bound.emplace_back(*index, value);
  return bound;
}

pk::PatientCovariates patient_on_treatment(pk::PatientCovariates patient, const Treatment& treatment) {
  for (const TreatmentItem& item : treatment.items) {
    for (const auto& regimen : item.drug.regimens)
      if (regimen.name == item.regimen) patient = pk::on_regimen(patient, regimen);
    // Combination partners: a covariate model may depend on another drug being given (Sanghavi 2020,
    // Hwang 2022, Zhang 2019).
    for (const auto& [name, indicator] : kPartnerIndicators)
      if (item.drug.name == name) pk::set_indicator(patient, indicator, true);
    if (item.drug.drug_class == pk::DrugClass::kCytotoxic) pk::set_indicator(patient, pk::Covariate::kWithChemotherapy, true);
  }
  return patient;
}

void bind_treatment(const ModelInfo& model, const Treatment& treatment, const pk::PatientCovariates& patient,
                    TaskInput& task) {
  const pk::PatientCovariates on_treatment = patient_on_treatment(patient, treatment);
  for (const TreatmentItem& item : treatment.items) {
    const std::vector<DoseEvent> events = doses_of(item, on_treatment, task.t_end);
    double first = std::numeric_limits<double>::infinity();
    for (const DoseEvent& d : events) first = std::min(first, d.time);
    if (events.empty()) first = 0.0;
    for (const auto& [index, value] : drug_parameters(model, item, on_treatment, first)) {
      const ParameterSpec& spec = model.parameters[index];
      if (!(value >= spec.min && value <= spec.max))
        throw Error("drug '" + item.drug.name + "' gives parameter '" + std::string(spec.name) + "' the value " +
                    std::to_string(value) + ", outside its admissible range");
      task.parameters[index] = value;
    }
    task.doses.insert(task.doses.end(), events.begin(), events.end());
  }
  std::stable_sort(task.doses.begin(), task.doses.end(),
                   [](const DoseEvent& a, const DoseEvent& b) { return a.time < b.time; });
}

}  // namespace icbsim
