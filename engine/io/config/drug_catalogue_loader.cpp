// Drug catalogue files -> pk::Drug, with located errors and a source for every value.
#include "engine/io/config/drug_catalogue_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"
#include "engine/core/units.hpp"

namespace icbsim {
namespace {

/// The unit in which each dose basis is stored.
constexpr std::pair<pk::DoseBasis, std::string_view> kBasisUnits[] = {{pk::DoseBasis::kFlat, "mg"},
                                                                      {pk::DoseBasis::kPerKg, "mg/kg"},
                                                                      {pk::DoseBasis::kPerM2, "mg/m^2"},
                                                                      {pk::DoseBasis::kCalvertAuc, "mg*min/mL"}};

/// Parses an enum name through its table, failing at `node` with the accepted names.
template <typename E, std::size_t N>
E read_enum(const ConfigNode& node, const EnumTable<E, N>& table, std::string_view what) {
  const std::string& text = node.as_string(what);
  if (auto v = table.parse(text)) return *v;
  std::vector<std::string_view> names;
  for (const auto& entry : table.entries) names.push_back(entry.second);
  node.fail("unknown " + std::string(what) + " '" + text + "'" + did_you_mean(text, names) +
            "; expected one of: " + table.names());
}

/// Reads values that each need a source: either a scalar (the enclosing section's source applies)
/// or {value: ..., source: ...}. Records every value in the drug's provenance.
class SourcedReader {
 public:
  explicit SourcedReader(pk::Drug& drug) : drug_(drug) {}

  double quantity(const ConfigNode& node, std::string_view unit, const std::string& key,
                  const std::string& section_source) {
    const ConfigNode* value = &node;
    std::string source = section_source;
    if (node.is_map()) {
      node.check_keys({"value", "source"}, "'" + key + "'");
      value = &node.at("value");
      source = node.at("source").as_string("the source of '" + key + "'");
    }
    if (source.empty())
      node.fail("'" + key + "' needs a source: write {value: ..., source: ...} or give its section a 'source:'");
    drug_.provenance.push_back({key, source});
    return value->as_quantity(unit, "'" + key + "'");
  }

  double quantity_in(const ConfigNode& parent, std::string_view name, std::string_view unit, const std::string& prefix,
                     const std::string& section_source) {
    return quantity(parent.at(name), unit, prefix + std::string(name), section_source);
  }

 private:
  pk::Drug& drug_;
};

std::string section_source(const ConfigNode& section, std::string_view what) {
  const ConfigNode* s = section.find("source");
  if (!s) return {};
  const std::string text = s->as_string(what);
  if (text.empty()) s->fail(std::string(what) + " must not be empty");
  return text;
}

void require(bool ok, const ConfigNode& node, const std::string& problem) {
  if (!ok) node.fail(problem);
}

pk::CovariateEffect read_effect(const ConfigNode& node, SourcedReader& reader, const std::string& key,
                                const std::string& source) {
  node.check_keys({"parameter", "covariate", "form", "theta", "reference", "source"}, "a covariate effect");
  pk::CovariateEffect e;
  e.parameter = read_enum(node.at("parameter"), pk::kPkParameterNames, "PK parameter");
  e.covariate = read_enum(node.at("covariate"), pk::kCovariateNames, "covariate");
  e.form = read_enum(node.at("form"), pk::kEffectFormNames, "effect form");
  const std::string own_source = node.find("source") ? section_source(node, "the effect's source") : source;
  const std::string param_unit(pk::pk_parameter_unit(e.parameter));
  const std::string cov_unit(pk::covariate_unit(e.covariate));
  const bool indicator_form = pk::is_indicator_form(e.form);
  if (indicator_form != pk::is_indicator(e.covariate))
    node.at("covariate")
        .fail("form '" + std::string(pk::kEffectFormNames.name(e.form)) + "' needs " +
              (indicator_form ? "a 0/1 indicator" : "a continuous covariate") + ", but '" +
              std::string(pk::kCovariateNames.name(e.covariate)) + "' is " +
              (indicator_form ? "continuous" : "an indicator"));
  std::string theta_unit;  // θ's unit follows from the form
  switch (e.form) {
    case pk::EffectForm::kLinear: theta_unit = cov_unit.empty() ? "" : "1/(" + cov_unit + ")"; break;
    case pk::EffectForm::kAddLinear:
      theta_unit = param_unit.empty() ? (cov_unit.empty() ? "" : "1/(" + cov_unit + ")")
                                      : "(" + param_unit + ")" + (cov_unit.empty() ? "" : "/(" + cov_unit + ")");
      break;
    case pk::EffectForm::kAddIndicator:
    case pk::EffectForm::kSetIfIndicator: theta_unit = param_unit; break;
    default: break;
  }
  e.theta = reader.quantity(node.at("theta"), theta_unit, key + ".theta", own_source);
  if (indicator_form) {
    if (const ConfigNode* r = node.find("reference")) r->fail("an indicator effect takes no 'reference'");
  } else {
    e.reference = reader.quantity(node.at("reference"), cov_unit, key + ".reference", own_source);
    if ((e.form == pk::EffectForm::kPower && !(e.reference > 0.0)) ||
        (e.form == pk::EffectForm::kPowerOfLog && !(e.reference > 1.0)))
      node.at("reference")
          .fail("the reference of a " + std::string(pk::kEffectFormNames.name(e.form)) + " effect must be " +
                (e.form == pk::EffectForm::kPower ? "positive" : "greater than 1"));
  }
  return e;
}

pk::PkModelSpec read_pk_model(const ConfigNode& node, SourcedReader& reader, const std::string& prefix) {
  node.check_keys({"model", "source", "typical", "covariates"}, prefix);
  pk::PkModelSpec spec;
  spec.name = node.at("model").as_string(prefix + ".model");
  spec.source = section_source(node, prefix + ".source");
  const ConfigNode& typical = node.at("typical");
  typical.check_keys({"cl0", "vc", "q2", "v2", "q3", "v3", "emax", "t50", "hill", "vmax", "km"}, prefix + ".typical");
  (void)typical.at("cl0");
  (void)typical.at("vc");
  for (const auto& [key, value] : typical.entries(prefix + ".typical")) {
    const pk::PkParameter p = *pk::kPkParameterNames.parse(key);
    pk::field(spec.typical, p) =
        reader.quantity(value, pk::pk_parameter_unit(p), prefix + ".typical." + key, spec.source);
  }
  try {
    pk::validate(spec.typical);
  } catch (const Error& e) {
    typical.fail(prefix + ".typical: " + e.what());
  }
  if (const ConfigNode* list = node.find("covariates")) {
    const auto& items = list->items(prefix + ".covariates");
    for (std::size_t i = 0; i < items.size(); ++i)
      spec.effects.push_back(
          read_effect(items[i], reader, prefix + ".covariates[" + std::to_string(i) + "]", spec.source));
  }
  try {
    (void)pk::resolve(spec, pk::PatientCovariates{});
  } catch (const Error& e) {
    node.fail(std::string("the typical patient cannot be resolved: ") + e.what());
  }
  return spec;
}

pk::NamedRegimen read_regimen(const ConfigNode& node, const std::string& drug, const pk::PkModelSpec& pk_model) {
  node.check_keys({"name", "description", "source", "implies", "phases"}, "a regimen");
  pk::NamedRegimen r;
  r.name = node.at("name").as_string("regimen name");
  require(!r.name.empty(), node.at("name"), "the regimen name must not be empty");
  if (const ConfigNode* d = node.find("description")) r.description = d->as_string("regimen description");
  r.source = section_source(node, "the regimen's source");
  if (r.source.empty()) node.fail("regimen '" + r.name + "' needs a 'source:' (label, trial or publication)");
  if (const ConfigNode* implies = node.find("implies")) {
    for (const ConfigNode& item : implies->items("implies")) {
      const pk::Covariate c = read_enum(item, pk::kCovariateNames, "regimen covariate");
      pk::PatientCovariates probe;
      try {
        pk::set_indicator(probe, c, true);
      } catch (const Error& e) {
        item.fail(e.what());
      }
      r.implies.push_back(c);
    }
  }
  for (const ConfigNode& phase : node.at("phases").items("phases"))
    r.phases.push_back(read_dosing_schedule(phase, drug));
  require(!r.phases.empty(), node.at("phases"), "a regimen needs at least one phase");
  try {
    const pk::PatientCovariates typical = pk::on_regimen(pk::PatientCovariates{}, r);
    (void)pk::resolve(pk_model, typical);
    for (const auto& phase : r.phases) (void)pk::dose_mg(phase.dose, typical);
  } catch (const Error& e) {
    node.fail("regimen '" + r.name + "' for the typical patient: " + e.what());
  }
  return r;
}

pk::ExposureKill read_exposure_kill(const ConfigNode& node, SourcedReader& reader) {
  node.check_keys({"source", "tumour_kmax", "tumour_sensitivity", "lymphocyte_kmax", "lymphocyte_sensitivity"},
                  "exposure_kill");
  const std::string src = section_source(node, "exposure_kill.source");
  pk::ExposureKill k;
  k.tumour_kmax = reader.quantity_in(node, "tumour_kmax", "1/day", "exposure_kill.", src);
  k.tumour_sensitivity = reader.quantity_in(node, "tumour_sensitivity", "L/mg", "exposure_kill.", src);
  k.lymphocyte_kmax = reader.quantity_in(node, "lymphocyte_kmax", "1/day", "exposure_kill.", src);
  k.lymphocyte_sensitivity = reader.quantity_in(node, "lymphocyte_sensitivity", "L/mg", "exposure_kill.", src);
  for (double v : {k.tumour_kmax, k.tumour_sensitivity, k.lymphocyte_kmax, k.lymphocyte_sensitivity})
    require(v >= 0.0, node, "exposure_kill values must not be negative");
  return k;
}

pk::VaccineBoost read_vaccine(const ConfigNode& node, SourcedReader& reader) {
  node.check_keys({"source", "boost_max", "half_boost_amount"}, "vaccine");
  const std::string src = section_source(node, "vaccine.source");
  pk::VaccineBoost v;
  v.boost_max = reader.quantity_in(node, "boost_max", "", "vaccine.", src);
  v.half_boost_amount = reader.quantity_in(node, "half_boost_amount", "mg", "vaccine.", src);
  require(v.boost_max >= 0.0, node.at("boost_max"), "vaccine.boost_max must not be negative");
  require(v.half_boost_amount > 0.0, node.at("half_boost_amount"), "vaccine.half_boost_amount must be positive");
  return v;
}

pk::AdcPayload read_adc(const ConfigNode& node, SourcedReader& reader) {
  node.check_keys({"source", "payload", "drug_to_antibody_ratio", "payload_molecular_weight", "release_rate",
                   "bystander_fraction", "payload_pk"},
                  "adc");
  const std::string src = section_source(node, "adc.source");
  pk::AdcPayload a;
  a.payload = node.at("payload").as_string("adc.payload");
  a.drug_to_antibody_ratio = reader.quantity_in(node, "drug_to_antibody_ratio", "", "adc.", src);
  a.payload_molecular_weight = reader.quantity_in(node, "payload_molecular_weight", "g/mol", "adc.", src);
  a.release_rate = reader.quantity_in(node, "release_rate", "1/day", "adc.", src);
  a.bystander_fraction = reader.quantity_in(node, "bystander_fraction", "", "adc.", src);
  require(a.drug_to_antibody_ratio > 0.0, node.at("drug_to_antibody_ratio"),
          "adc.drug_to_antibody_ratio must be positive");
  require(a.payload_molecular_weight > 0.0, node.at("payload_molecular_weight"),
          "adc.payload_molecular_weight must be positive");
  require(a.release_rate >= 0.0, node.at("release_rate"), "adc.release_rate must not be negative");
  require(a.bystander_fraction >= 0.0 && a.bystander_fraction <= 1.0, node.at("bystander_fraction"),
          "adc.bystander_fraction must lie in [0, 1]");
  a.payload_pk = read_pk_model(node.at("payload_pk"), reader, "adc.payload_pk");
  return a;
}

/// A class-specific section: required for its class, refused for every other class.
const ConfigNode* class_section(const ConfigNode& root, std::string_view key, bool wanted,
                                std::string_view class_name) {
  const ConfigNode* n = root.find(key);
  if (wanted && !n)
    root.fail("a drug of class '" + std::string(class_name) + "' needs a '" + std::string(key) + ":' section");
  if (!wanted && n)
    root.key_node(key).fail("'" + std::string(key) + ":' does not apply to a drug of class '" +
                            std::string(class_name) + "'");
  return n;
}

}  // namespace

pk::DosingSchedule read_dosing_schedule(const ConfigNode& node, const std::string& drug, bool check_keys) {
  if (check_keys)
    node.check_keys({"dose", "every", "cycles", "max_duration", "infusion", "start", "days"}, "a dosing schedule");
  pk::DosingSchedule s;
  s.drug = drug;
  const ConfigNode& dose = node.at("dose");
  const std::string& text = dose.as_string("dose");
  const auto parsed = split_number_and_unit(text);
  if (!parsed || parsed->unit.empty())
    dose.fail("dose needs a number and a unit: mg, mg/kg, mg/m^2 or mg*min/mL (Calvert AUC), found '" + text + "'");
  bool matched = false;
  for (const auto& [basis, unit] : kBasisUnits) {
    try {
      const Unit from = parse_unit(parsed->unit);
      const Unit to = parse_unit(unit);
      if (from.dimension != to.dimension || parsed->unit == "%") continue;
      s.dose = pk::DoseSpec{parsed->value * conversion_factor(from, to), basis};
      matched = true;
      break;
    } catch (const std::invalid_argument& e) {
      dose.fail(std::string("dose: ") + e.what());
    }
  }
  if (!matched) dose.fail("dose unit '" + parsed->unit + "' is none of mg, mg/kg, mg/m^2 or mg*min/mL (Calvert AUC)");
  if (!(s.dose.amount > 0)) dose.fail("the dose must be positive, found '" + text + "'");
  if (const ConfigNode* n = node.find("every")) {
    s.interval = n->as_quantity("day", "every");
    if (!(s.interval > 0)) n->fail("the dosing interval 'every' must be positive");
  }
  if (const ConfigNode* n = node.find("cycles")) {
    s.cycles = static_cast<std::size_t>(n->as_unsigned("cycles"));
    if (s.cycles == 0) n->fail("cycles must be at least 1 (leave it out for no limit)");
  }
  if (const ConfigNode* n = node.find("max_duration")) s.max_duration = n->as_quantity("day", "max_duration");
  if (const ConfigNode* n = node.find("infusion")) {
    s.infusion = n->as_quantity("day", "infusion");
    if (s.infusion < 0) n->fail("the infusion duration must not be negative");
    if (s.interval > 0 && s.infusion > s.interval)
      n->fail("an infusion of " + n->text("infusion") + " is longer than the interval between doses (" +
              node.at("every").text("every") + ")");
  }
  if (const ConfigNode* n = node.find("start")) s.start = n->as_quantity("day", "start");
  if (const ConfigNode* n = node.find("days")) {
    s.days.clear();
    for (const ConfigNode& d : n->items("days")) s.days.push_back(d.as_quantity("day", "a dosing day offset"));
  }
  if (!node.find("every") && !(s.cycles == 1 && s.days.size() == 1))
    node.fail("a repeated schedule needs 'every:' (the dosing interval); give 'cycles: 1' for a single dose");
  try {
    pk::validate(s);
  } catch (const Error& e) {
    node.fail(e.what());
  }
  return s;
}

pk::Drug read_drug(const ConfigNode& root, std::string_view expected_name) {
  root.check_keys({"drug", "class", "description", "references", "molecular_weight", "target", "kd", "tumour_partition",
                   "pk", "alternative_pk", "regimens", "exposure_kill", "vaccine", "adc"},
                  "a drug file");
  pk::Drug d;
  SourcedReader reader(d);
  const ConfigNode& name = root.at("drug");
  d.name = name.as_string("drug");
  if (!expected_name.empty() && d.name != expected_name)
    name.fail("drug '" + d.name + "' must be defined in a file named '" + d.name + ".yaml' (this file is '" +
              std::string(expected_name) + ".yaml')");
  d.drug_class = read_enum(root.at("class"), pk::kDrugClassNames, "drug class");
  const std::string class_name(pk::kDrugClassNames.name(d.drug_class));
  if (const ConfigNode* n = root.find("description")) d.description = n->as_string("description");
  for (const ConfigNode& r : root.at("references").items("references"))
    d.references.push_back(r.as_string("a reference"));
  if (d.drug_class != pk::DrugClass::kVaccine || root.find("molecular_weight")) {
    d.molecular_weight = reader.quantity(root.at("molecular_weight"), "g/mol", "molecular_weight", "");
    require(d.molecular_weight > 0.0, root.at("molecular_weight"), "molecular_weight must be positive");
  }
  d.target = root.at("target").as_string("target");
  const bool binds = d.drug_class == pk::DrugClass::kAntiPd1 || d.drug_class == pk::DrugClass::kAntiPdl1 ||
                     d.drug_class == pk::DrugClass::kAntiCtla4 || d.drug_class == pk::DrugClass::kAdc;
  if (binds || root.find("kd")) {
    d.kd = reader.quantity(root.at("kd"), "nM", "kd", "");
    require(d.kd > 0.0, root.at("kd"), "kd must be positive");
    d.tumour_partition = reader.quantity(root.at("tumour_partition"), "", "tumour_partition", "");
    require(d.tumour_partition > 0.0 && d.tumour_partition <= 1.0, root.at("tumour_partition"),
            "tumour_partition must lie in (0, 1]");
  } else if (const ConfigNode* n = root.find("tumour_partition")) {
    n->fail("tumour_partition is used with kd (receptor occupancy); give kd too or leave it out");
  }
  d.pk = read_pk_model(root.at("pk"), reader, "pk");
  if (const ConfigNode* alternatives = root.find("alternative_pk")) {
    const auto& items = alternatives->items("alternative_pk");
    for (std::size_t i = 0; i < items.size(); ++i) {
      pk::PkModelSpec m = read_pk_model(items[i], reader, "alternative_pk[" + std::to_string(i) + "]");
      if (m.name == d.pk.name) items[i].at("model").fail("PK model '" + m.name + "' is defined twice");
      for (const auto& known : d.alternative_pk)
        if (known.name == m.name) items[i].at("model").fail("PK model '" + m.name + "' is defined twice");
      d.alternative_pk.push_back(std::move(m));
    }
  }
  for (const ConfigNode& r : root.at("regimens").items("regimens")) {
    pk::NamedRegimen regimen = read_regimen(r, d.name, d.pk);
    for (const auto& known : d.regimens)
      if (known.name == regimen.name) r.at("name").fail("regimen '" + regimen.name + "' is defined twice");
    d.regimens.push_back(std::move(regimen));
  }
  require(!d.regimens.empty(), root.at("regimens"), "a drug needs at least one regimen (the first is its standard)");
  if (const ConfigNode* n = class_section(root, "exposure_kill", d.drug_class == pk::DrugClass::kCytotoxic, class_name))
    d.exposure_kill = read_exposure_kill(*n, reader);
  if (const ConfigNode* n = class_section(root, "vaccine", d.drug_class == pk::DrugClass::kVaccine, class_name))
    d.vaccine = read_vaccine(*n, reader);
  if (const ConfigNode* n = class_section(root, "adc", d.drug_class == pk::DrugClass::kAdc, class_name))
    d.adc = read_adc(*n, reader);
  return d;
}

pk::Drug load_drug_file(const std::string& path) {
  const ConfigNode root = parse_yaml_file(path);
  return read_drug(root, std::filesystem::path(path).stem().string());
}

pk::DrugCatalogue load_drug_catalogue(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw IoError("drug catalogue folder '" + folder + "' does not exist");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  if (ec) throw IoError("cannot read the drug catalogue folder '" + folder + "': " + ec.message());
  if (files.empty()) throw IoError("drug catalogue folder '" + folder + "' holds no *.yaml file");
  std::sort(files.begin(), files.end());
  pk::DrugCatalogue catalogue;
  for (const fs::path& file : files) catalogue.add(load_drug_file(file.string()));
  return catalogue;
}

}  // namespace icbsim
