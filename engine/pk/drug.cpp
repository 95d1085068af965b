// Drug regimen lookup and the drug catalogue.
#include "engine/pk/drug.hpp"

#include <algorithm>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"

namespace icbsim::pk {

const NamedRegimen& Drug::standard_regimen() const {
  if (regimens.empty()) throw Error("drug '" + name + "' has no regimen");
  return regimens.front();
}

const NamedRegimen& Drug::regimen(std::string_view wanted) const {
  std::vector<std::string_view> known;
  for (const NamedRegimen& r : regimens) {
    if (r.name == wanted) return r;
    known.push_back(r.name);
  }
  std::string list;
  for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
  throw Error("drug '" + name + "' has no regimen '" + std::string(wanted) + "'" + did_you_mean(wanted, known) +
              "; known regimens: " + list);
}

const PkModelSpec& Drug::pk_model(std::string_view model_name) const {
  if (pk.name == model_name) return pk;
  std::vector<std::string_view> known{pk.name};
  for (const PkModelSpec& m : alternative_pk) {
    if (m.name == model_name) return m;
    known.push_back(m.name);
  }
  std::string list;
  for (std::string_view k : known) list += (list.empty() ? "'" : ", '") + std::string(k) + "'";
  throw Error("drug '" + name + "' has no PK model '" + std::string(model_name) + "'" +
              did_you_mean(model_name, known) + "; known models: " + list);
}

std::string_view Drug::source_of(std::string_view key) const {
  for (const Provenance& p : provenance)
    if (p.key == key) return p.source;
  return {};
}

PatientCovariates on_regimen(PatientCovariates patient, const NamedRegimen& regimen) {
  for (Covariate c : regimen.implies) set_indicator(patient, c, true);
  return patient;
}

std::vector<DoseEvent> expand_regimen(const NamedRegimen& regimen, const PatientCovariates& patient,
                                      std::size_t target_state_index, double t_end) {
  std::vector<DoseEvent> events;
  for (const DosingSchedule& phase : regimen.phases) {
    const std::vector<DoseEvent> more = expand_schedule(phase, patient, target_state_index, t_end);
    events.insert(events.end(), more.begin(), more.end());
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const DoseEvent& a, const DoseEvent& b) { return a.time < b.time; });
  return events;
}

void DrugCatalogue::add(Drug drug) {
  if (find(drug.name)) throw Error("drug '" + drug.name + "' is defined twice in the catalogue");
  drugs_.push_back(std::move(drug));
}

const Drug* DrugCatalogue::find(std::string_view name) const {
  for (const Drug& d : drugs_)
    if (d.name == name) return &d;
  return nullptr;
}

const Drug& DrugCatalogue::get(std::string_view name) const {
  if (const Drug* d = find(name)) return *d;
  const std::vector<std::string_view> known = names();
  std::string list;
  for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
  throw Error("unknown drug '" + std::string(name) + "'" + did_you_mean(name, known) +
              "; known drugs: " + (list.empty() ? std::string("(none loaded)") : list));
}

std::vector<std::string_view> DrugCatalogue::names() const {
  std::vector<std::string_view> out;
  for (const Drug& d : drugs_) out.push_back(d.name);
  return out;
}

}  // namespace icbsim::pk
