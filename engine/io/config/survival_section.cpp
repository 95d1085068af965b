// readout.survival: the TGI-OS model, the parameter carrying the prognostic shift, the background hazard.
#include "engine/io/config/survival_section.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "engine/core/number_text.hpp"
#include "engine/core/spelling.hpp"

namespace icbsim {
namespace {

/// Index of the model parameter named at `node`, or a located error with suggestions.
std::size_t parameter_of(const ConfigNode& node, const ModelInfo& model, const std::string& what) {
  const std::string& parameter = node.text(what);
  const int index = model.parameter_index(parameter);
  if (index < 0) {
    std::vector<std::string_view> names;
    for (const auto& p : model.parameters) names.push_back(p.name);
    node.fail(what + ": model '" + std::string(model.name) + "' has no parameter '" + parameter + "'" +
              did_you_mean(parameter, names));
  }
  return static_cast<std::size_t>(index);
}

}  // namespace

std::optional<readout::TgiOsModel> read_survival_section(const ConfigNode& node, const ModelInfo& model) {
  if (!node.is_map()) node.fail("readout.survival must be a map (model:, prognosis:, background_hazard:)");
  node.check_keys({"model", "prognosis", "background_hazard", "covariates"}, "readout.survival");
  const ConfigNode& kind = node.at("model");
  const std::string& name = kind.text("readout.survival.model");
  if (name == "lethal_sld") {
    for (const char* key : {"prognosis", "background_hazard", "covariates"})
      if (node.find(key))
        node.key_node(key).fail(std::string("readout.survival.") + key + " applies to model tgi_os only");
    return std::nullopt;
  }
  if (name != "tgi_os")
    kind.fail("readout.survival.model must be tgi_os or lethal_sld, found '" + name + "'" +
              did_you_mean(name, std::vector<std::string_view>{"tgi_os", "lethal_sld"}));
  readout::TgiOsModel os;
  if (const ConfigNode* n = node.find("prognosis"))
    os.prognosis_parameter = parameter_of(*n, model, "readout.survival.prognosis");
  if (const ConfigNode* n = node.find("covariates")) {
    for (const ConfigNode& item : n->items("readout.survival.covariates")) {
      item.check_keys({"parameter", "per_unit"}, "a survival covariate");
      readout::TgiOsModel::Covariate c;
      c.parameter = parameter_of(item.at("parameter"), model, "readout.survival.covariates parameter");
      const ConfigNode* effect = item.find("per_unit");
      if (!effect)
        item.fail("survival covariate '" + item.at("parameter").text("parameter") +
                  "' has no effect defined: give per_unit, its effect on log survival time per unit");
      c.per_unit = effect->as_number("readout.survival.covariates per_unit");
      if (!std::isfinite(c.per_unit)) effect->fail("a survival covariate's per_unit must be a finite number");
      os.covariates.push_back(c);
    }
  }
  if (const ConfigNode* n = node.find("background_hazard")) {
    os.background_per_day = n->as_quantity("1/day", "readout.survival.background_hazard");
    if (!(os.background_per_day >= 0) || !(os.background_per_day < 1))
      n->fail("readout.survival.background_hazard must lie in [0, 1) 1/day");
  }
  return os;
}

void write_survival_section(const std::optional<readout::TgiOsModel>& survival, const ModelInfo& model,
                            YAML::Emitter& out) {
  out << YAML::Key << "survival" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "model" << YAML::Value
      << (survival ? "tgi_os" : "lethal_sld");
  if (survival) {
    if (survival->prognosis_parameter)
      out << YAML::Key << "prognosis" << YAML::Value
          << std::string(model.parameters[*survival->prognosis_parameter].name);
    out << YAML::Key << "background_hazard" << YAML::Value << shortest(survival->background_per_day) + " 1/day";
    if (!survival->covariates.empty()) {
      out << YAML::Key << "covariates" << YAML::Value << YAML::BeginSeq;
      for (const auto& c : survival->covariates)
        out << YAML::BeginMap << YAML::Key << "parameter" << YAML::Value
            << std::string(model.parameters[c.parameter].name) << YAML::Key << "per_unit" << YAML::Value
            << shortest(c.per_unit) << YAML::EndMap;
      out << YAML::EndSeq;
    }
  }
  out << YAML::EndMap;
}

}  // namespace icbsim
