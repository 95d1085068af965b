// patient: and treatment: sections -> PatientCovariates and Treatment.
#include "engine/io/config/treatment_loader.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"
#include "engine/io/config/config_paths.hpp"
#include "engine/io/config/drug_catalogue_loader.hpp"
#include "engine/run/treatment_binding.hpp"

namespace icbsim {
namespace {

struct QuantityField {
  std::string_view name;
  std::string_view unit;
  std::optional<double> pk::PatientCovariates::*member;
};

constexpr QuantityField kQuantities[] = {
    {"weight", "kg", &pk::PatientCovariates::weight},
    {"height", "cm", &pk::PatientCovariates::height},
    {"age", "year", &pk::PatientCovariates::age},
    {"serum_creatinine", "umol/L", &pk::PatientCovariates::serum_creatinine},
    {"albumin", "g/L", &pk::PatientCovariates::albumin},
    {"egfr", "mL/min", &pk::PatientCovariates::egfr},
    {"crcl", "mL/min", &pk::PatientCovariates::crcl},
    {"sld", "mm", &pk::PatientCovariates::sld},
    {"ldh", "U/L", &pk::PatientCovariates::ldh},
    {"spdl1", "pg/mL", &pk::PatientCovariates::spdl1},
};

struct FlagField {
  std::string_view name;
  bool pk::PatientCovariates::*member;
};

constexpr FlagField kFlags[] = {
    {"first_line", &pk::PatientCovariates::first_line},
    {"ada_positive", &pk::PatientCovariates::ada_positive},
    {"prior_ipilimumab", &pk::PatientCovariates::prior_ipilimumab},
    {"elevated_liver_enzymes", &pk::PatientCovariates::elevated_liver_enzymes},
};

/// The drug named at `drug_node`; `entry` (the treatment entry, or null for the standard regimen)
/// may choose a regimen, a PK model or a custom schedule.
TreatmentItem read_drug(const ConfigNode& drug_node, const ConfigNode* entry, const pk::DrugCatalogue& catalogue,
                        const ModelInfo& model, std::vector<std::string>& taken, bool weight_given, bool height_given) {
  const std::string& name = drug_node.text("drug");
  const pk::Drug* drug = catalogue.find(name);
  if (drug == nullptr) {
    const auto names = catalogue.names();
    drug_node.fail("unknown drug '" + name + "'" + did_you_mean(name, names) + "; the catalogue (configs/drugs) has: " +
                   [&] {
                     std::string list;
                     for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
                     return list;
                   }());
  }
  TreatmentItem item;
  item.drug = *drug;
  item.pk = drug->pk;
  if (const ConfigNode* n = entry ? entry->find("pk_model") : nullptr) {
    try {
      item.pk = drug->pk_model(n->text("pk_model"));
    } catch (const Error& e) {
      n->fail(e.what());
    }
  }
  const bool custom = entry != nullptr && entry->find("dose") != nullptr;
  if (custom && entry->find("regimen")) entry->at("regimen").fail("give either a regimen or a schedule (dose: ...), not both");
  if (custom) {
    item.regimen = "custom";
    item.phases.push_back(read_dosing_schedule(*entry, name, /*check_keys=*/false));
  } else {
    const pk::NamedRegimen* regimen = &drug->standard_regimen();
    if (const ConfigNode* n = entry ? entry->find("regimen") : nullptr) {
      try {
        regimen = &drug->regimen(n->text("regimen"));
      } catch (const Error& e) {
        n->fail(e.what());
      }
    }
    item.regimen = regimen->name;
    item.phases = regimen->phases;
  }
  for (const auto& phase : item.phases) {
    const ConfigNode& where = custom ? entry->at("dose") : drug_node;
    if (phase.dose.basis == pk::DoseBasis::kPerKg && !weight_given)
      where.fail("a weight-based dose of " + name + " needs the patient's weight: add `patient: {weight: ...}`");
    if (phase.dose.basis == pk::DoseBasis::kCalvertAuc && !weight_given)
      where.fail("a Calvert-AUC dose of " + name + " needs the patient's weight (and age and serum creatinine): add "
                 "`patient: {weight: ...}`");
    if (phase.dose.basis == pk::DoseBasis::kPerM2 && !(weight_given && height_given))
      where.fail("a dose per body-surface area of " + name +
                 " needs the patient's weight and height: add `patient: {weight: ..., height: ...}`");
  }
  const auto slot = find_drug_slot(model, drug->drug_class, taken);
  if (!slot)
    drug_node.fail("model '" + std::string(model.name) + "' cannot receive " + std::string(pk::kDrugClassNames.name(drug->drug_class)) +
                   " drug '" + name + "': it has no free drug slot (a state such as 'a1' or '<slot>_a1')");
  item.slot = slot->prefix;
  item.target_state = slot->target_state;
  taken.push_back(slot->prefix);
  return item;
}

TreatmentItem read_item(const ConfigNode& node, const pk::DrugCatalogue& catalogue, const ModelInfo& model,
                        std::vector<std::string>& taken, bool weight_given, bool height_given) {
  std::vector<std::string_view> keys{"drug", "regimen", "pk_model"};
  for (std::string_view k : kScheduleKeys) keys.push_back(k);
  node.check_keys(keys, "a treatment entry");
  return read_drug(node.at("drug"), &node, catalogue, model, taken, weight_given, height_given);
}

}  // namespace

pk::PatientCovariates read_patient(const ConfigNode* node) {
  pk::PatientCovariates p;
  if (node == nullptr) return p;
  std::vector<std::string_view> keys{"sex", "race", "tumour", "ecog"};
  for (const auto& q : kQuantities) keys.push_back(q.name);
  for (const auto& f : kFlags) keys.push_back(f.name);
  node->check_keys(keys, "patient");
  for (const auto& q : kQuantities)
    if (const ConfigNode* n = node->find(q.name)) {
      const double v = n->as_quantity(q.unit, "patient." + std::string(q.name));
      if (!(v > 0)) n->fail("patient." + std::string(q.name) + " must be positive");
      p.*q.member = v;
    }
  for (const auto& f : kFlags)
    if (const ConfigNode* n = node->find(f.name)) p.*f.member = n->as_bool("patient." + std::string(f.name));
  if (const ConfigNode* n = node->find("sex")) p.sex = n->as_enum(pk::kSexNames, "patient.sex");
  if (const ConfigNode* n = node->find("race")) p.race = n->as_enum(pk::kRaceNames, "patient.race");
  if (const ConfigNode* n = node->find("tumour")) p.tumour = n->as_enum(pk::kTumourTypeNames, "patient.tumour");
  if (const ConfigNode* n = node->find("ecog")) {
    const auto v = n->as_unsigned("patient.ecog");
    if (v > 4) n->fail("patient.ecog must be 0 to 4");
    p.ecog = static_cast<int>(v);
  }
  return p;
}

std::optional<Treatment> read_treatment(const ConfigNode* node, const ConfigNode* patient_node, const ModelInfo& model,
                                        const pk::PatientCovariates& /*patient*/, std::vector<std::string> taken) {
  if (node == nullptr) return std::nullopt;
  node->check_keys({"drugs", "stop"}, "treatment");
  const pk::DrugCatalogue catalogue = load_drug_catalogue(config_root() + "/drugs");
  const bool weight_given = patient_node != nullptr && patient_node->find("weight") != nullptr;
  const bool height_given = patient_node != nullptr && patient_node->find("height") != nullptr;
  Treatment t;
  const ConfigNode& drugs = node->at("drugs");
  if (drugs.items("treatment.drugs").empty()) drugs.fail("treatment.drugs must list at least one drug");
  for (const ConfigNode& item : drugs.items("treatment.drugs"))
    t.items.push_back(read_item(item, catalogue, model, taken, weight_given, height_given));
  if (const ConfigNode* n = node->find("stop")) t.stop = n->as_enum(kStopRuleNames, "treatment.stop");
  return t;
}

TreatmentItem read_standard_item(const ConfigNode& drug_node, const ConfigNode* patient_node, const ModelInfo& model,
                                 std::vector<std::string> taken) {
  const pk::DrugCatalogue catalogue = load_drug_catalogue(config_root() + "/drugs");
  const bool weight_given = patient_node != nullptr && patient_node->find("weight") != nullptr;
  const bool height_given = patient_node != nullptr && patient_node->find("height") != nullptr;
  return read_drug(drug_node, nullptr, catalogue, model, taken, weight_given, height_given);
}

}  // namespace icbsim
