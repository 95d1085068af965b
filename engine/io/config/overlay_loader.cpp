// Overlay files -> icbsim::Overlay, with located errors for every bad key, model, parameter and value.
#include "engine/io/config/overlay_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"

namespace icbsim {
namespace {

constexpr std::string_view kTopKeys[] = {"phenotype", "host_factor", "group", "description", "source", "prevalence",
                                         "changes"};
constexpr std::string_view kChangeKeys[] = {"parameter", "scale", "set", "add", "rationale", "source"};

std::string format_number(double v) {
  if (v == kUnbounded) return "inf";
  if (v == -kUnbounded) return "-inf";
  std::ostringstream out;
  out.precision(6);
  out << v;
  return out.str();
}

std::string format_range(const ParameterSpec& spec) {
  return "[" + format_number(spec.min) + ", " + format_number(spec.max) + "]" +
         (spec.unit.empty() ? "" : " " + std::string(spec.unit));
}

/// A required, non-empty text value.
std::string required_text(const ConfigNode& parent, std::string_view key, std::string_view what) {
  const ConfigNode& node = parent.at(key);
  const std::string text = node.as_string(what);
  if (text.empty()) node.fail(std::string(what) + " must not be empty");
  return text;
}

Prevalence read_prevalence(const ConfigNode& node) {
  node.check_keys({"value", "source"}, "prevalence");
  Prevalence p;
  const ConfigNode& value = node.at("value");
  p.value = value.as_quantity("", "prevalence value");
  if (p.value < 0.0 || p.value > 1.0) value.fail("prevalence value must lie in [0, 1] (or 0-100 %)");
  p.source = required_text(node, "source", "prevalence source");
  return p;
}

ParameterChange read_change(const ConfigNode& node, const ModelInfo& model) {
  node.check_keys(std::span<const std::string_view>(kChangeKeys), "a parameter change");
  ParameterChange change;
  const ConfigNode& name_node = node.at("parameter");
  change.parameter = name_node.as_string("parameter name");
  const int index = model.parameter_index(change.parameter);
  if (index < 0) {
    std::vector<std::string_view> names;
    for (const auto& p : model.parameters) names.push_back(p.name);
    name_node.fail("model '" + std::string(model.name) + "' has no parameter '" + change.parameter + "'" +
                   did_you_mean(change.parameter, names));
  }
  const ParameterSpec& spec = model.parameters[static_cast<std::size_t>(index)];

  const ConfigNode* op_node = nullptr;
  for (const auto& [op, op_name] : kChangeOpNames.entries) {
    const ConfigNode* candidate = node.find(op_name);
    if (!candidate) continue;
    if (op_node)
      node.key_node(op_name).fail("a change takes exactly one of scale, set, add; '" + change.parameter +
                                  "' has both '" + std::string(kChangeOpNames.name(change.op)) + "' and '" +
                                  std::string(op_name) + "'");
    op_node = candidate;
    change.op = op;
  }
  if (!op_node) node.fail("the change of '" + change.parameter + "' needs exactly one of scale, set, add");

  const std::string what = std::string(kChangeOpNames.name(change.op)) + " of '" + change.parameter + "'";
  if (change.op == ChangeOp::kScale) {
    change.value = op_node->as_quantity("", what);
    if (change.value < 0.0) op_node->fail(what + " must not be negative (a factor)");
  } else {
    change.value = op_node->as_quantity(spec.unit, what);
    if (change.op == ChangeOp::kSet && (change.value < spec.min || change.value > spec.max))
      op_node->fail(what + " = " + op_node->text(what) + " is outside its admissible range " + format_range(spec));
  }
  change.rationale = required_text(node, "rationale", "the rationale of the change of '" + change.parameter + "'");
  if (const ConfigNode* s = node.find("source")) {
    const std::string text = s->as_string("the source of the change of '" + change.parameter + "'");
    if (text.empty()) s->fail("the source of the change of '" + change.parameter + "' must not be empty");
    change.rationale += " [" + text + "]";
  }
  return change;
}

}  // namespace

Overlay read_overlay(const ConfigNode& root, const ModelRegistry& registry, std::string_view expected_name) {
  root.entries("an overlay file");
  root.check_keys(std::span<const std::string_view>(kTopKeys), "an overlay file");
  Overlay overlay;

  const ConfigNode* phenotype = root.find("phenotype");
  const ConfigNode* host = root.find("host_factor");
  if (phenotype && host)
    root.key_node("host_factor").fail("an overlay is either a 'phenotype' or a 'host_factor', not both");
  if (!phenotype && !host) root.fail("missing required key 'phenotype' (or 'host_factor')");
  const ConfigNode& name_node = phenotype ? *phenotype : *host;
  overlay.kind = phenotype ? OverlayKind::kPhenotype : OverlayKind::kHost;
  const std::string kind_name(kOverlayKindNames.name(overlay.kind));
  overlay.name = name_node.as_string(kind_name + " name");
  if (overlay.name.empty()) name_node.fail(kind_name + " name must not be empty");
  if (!expected_name.empty() && overlay.name != expected_name)
    name_node.fail(kind_name + " '" + overlay.name + "' must be named like its file, '" + std::string(expected_name) + "'");

  const ConfigNode& group = root.at("group");
  overlay.group = group.as_string("group");
  if (std::find(std::begin(kOverlayGroups), std::end(kOverlayGroups), overlay.group) == std::end(kOverlayGroups))
    group.fail("unknown group '" + overlay.group + "'" + did_you_mean(overlay.group, kOverlayGroups) +
               "; expected one of: tumour, microenvironment, host");
  if ((overlay.kind == OverlayKind::kHost) != (overlay.group == "host"))
    group.fail(overlay.kind == OverlayKind::kHost ? "a host_factor belongs to group 'host'"
                                                  : "a phenotype belongs to group 'tumour' or 'microenvironment'");
  overlay.description = required_text(root, "description", "description");
  overlay.source = required_text(root, "source", "source");
  if (const ConfigNode* p = root.find("prevalence")) overlay.prevalence = read_prevalence(*p);

  const ConfigNode& changes = root.at("changes");
  if (changes.entries("changes").empty()) changes.fail("changes must name at least one model");
  std::vector<std::string_view> model_names;
  for (const auto& m : registry.models()) model_names.push_back(m.name);
  for (const auto& [model_name, list] : changes.entries("changes")) {
    const ModelInfo* model = registry.find(model_name);
    if (!model)
      changes.key_node(model_name)
          .fail("unknown model '" + model_name + "'" + did_you_mean(model_name, model_names) +
                "; known: " + registry.names());
    const auto& items = list.items("the changes of model '" + model_name + "'");
    if (items.empty()) list.fail("the changes of model '" + model_name + "' must not be empty");
    std::set<std::string> seen;
    std::vector<ParameterChange>& out = overlay.changes_by_model[model_name];
    for (const ConfigNode& item : items) {
      ParameterChange change = read_change(item, *model);
      if (!seen.insert(change.parameter).second)
        item.at("parameter").fail("parameter '" + change.parameter + "' is changed twice for model '" + model_name + "'");
      out.push_back(std::move(change));
    }
  }
  return overlay;
}

Overlay load_overlay_file(const std::string& path, const ModelRegistry& registry) {
  const ConfigNode root = parse_yaml_file(path);
  return read_overlay(root, registry, std::filesystem::path(path).stem().string());
}

std::vector<std::string> list_overlays(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw IoError("overlay folder '" + folder + "' does not exist");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  if (ec) throw IoError("cannot read the overlay folder '" + folder + "': " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace icbsim
