// Deep merge of scenario files named by `base:` (see scenario_base.hpp).
#include "engine/io/config/scenario_base.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

namespace icbsim {
namespace {

namespace fs = std::filesystem;

/// Line tables of every file read, so that merged map nodes show the right line under a caret.
using Sources = std::map<std::string, std::shared_ptr<const SourceText>>;

std::shared_ptr<const SourceText> source_for(const Sources& sources, const ConfigNode& node) {
  const auto it = sources.find(node.where().file);
  return it == sources.end() ? nullptr : it->second;
}

/// `over` merged onto `base`: maps key by key (base order, then keys new in `over`), anything else
/// replaced by `over`.
ConfigNode merge(const ConfigNode& base, const ConfigNode& over, const Sources& sources) {
  if (!base.is_map() || !over.is_map()) return over;
  ConfigNode out = ConfigNode::make(ConfigNode::Kind::kMap, over.where(), source_for(sources, over));
  for (const auto& [key, value] : base.entries("base")) {
    if (const ConfigNode* o = over.find(key))
      out.add_entry(key, over.key_node(key), merge(value, *o, sources));
    else
      out.add_entry(key, base.key_node(key), value);
  }
  for (const auto& [key, value] : over.entries("scenario"))
    if (base.find(key) == nullptr) out.add_entry(key, over.key_node(key), value);
  return out;
}

/// The map without its `base:` entry.
ConfigNode without_base(const ConfigNode& root, const Sources& sources) {
  ConfigNode out = ConfigNode::make(ConfigNode::Kind::kMap, root.where(), source_for(sources, root));
  for (const auto& [key, value] : root.entries("the scenario"))
    if (key != "base") out.add_entry(key, root.key_node(key), value);
  return out;
}

ConfigNode resolve(const std::string& text, const std::string& name, Sources& sources, std::vector<std::string>& chain);

ConfigNode read_base(const ConfigNode& path_node, const std::string& including, Sources& sources,
                     std::vector<std::string>& chain) {
  const std::string& relative = path_node.text("base (a scenario file)");
  if (relative.empty()) path_node.fail("base must name a file");
  fs::path path(relative);
  if (path.is_relative()) path = fs::path(including).parent_path() / path;
  const std::string shown = path.lexically_normal().string();
  std::error_code ec;
  const std::string key = fs::weakly_canonical(path, ec).string();
  for (const std::string& open : chain)
    if (open == key) path_node.fail("base file '" + shown + "' includes itself (a cycle of base: files)");
  std::ifstream in(path, std::ios::binary);
  if (!in) path_node.fail("cannot open base file '" + shown + "' (does it exist and is it readable?)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  chain.push_back(key);
  ConfigNode node = resolve(buffer.str(), shown, sources, chain);
  chain.pop_back();
  return node;
}

ConfigNode resolve(const std::string& text, const std::string& name, Sources& sources, std::vector<std::string>& chain) {
  ConfigNode root = parse_yaml_text(text, name);
  sources[name] = std::make_shared<const SourceText>(SourceText::of(text, name));
  if (!root.is_map()) return root;  // the loader reports what a scenario must be
  const ConfigNode* base = root.find("base");
  if (base == nullptr) return root;
  std::vector<const ConfigNode*> paths;
  if (base->is_sequence())
    for (const ConfigNode& item : base->items("base")) paths.push_back(&item);
  else
    paths.push_back(base);
  ConfigNode merged = ConfigNode::make(ConfigNode::Kind::kMap, root.where(), source_for(sources, root));
  for (const ConfigNode* p : paths) {
    const ConfigNode next = read_base(*p, name, sources, chain);
    if (!next.is_map()) next.fail("a base file must be a map of scenario keys");
    merged = merge(merged, next, sources);
  }
  return merge(merged, without_base(root, sources), sources);
}

}  // namespace

ConfigNode parse_scenario_with_bases(const std::string& text, const std::string& name) {
  Sources sources;
  std::error_code ec;
  std::vector<std::string> chain{fs::weakly_canonical(fs::path(name), ec).string()};
  return resolve(text, name, sources, chain);
}

ConfigNode parse_scenario_with_overrides(const std::string& text, const std::string& name, const std::string& overrides,
                                         const std::string& overrides_name) {
  Sources sources;
  std::error_code ec;
  std::vector<std::string> chain{fs::weakly_canonical(fs::path(name), ec).string()};
  const ConfigNode root = resolve(text, name, sources, chain);
  const ConfigNode over = parse_yaml_text(overrides, overrides_name);
  sources[overrides_name] = std::make_shared<const SourceText>(SourceText::of(overrides, overrides_name));
  if (!over.is_map()) over.fail("overrides must be a map of scenario keys");
  if (const ConfigNode* base = over.find("base")) base->fail("overrides cannot name base: files");
  if (!root.is_map()) return root;  // the loader reports what a scenario must be
  return merge(root, over, sources);
}

}  // namespace icbsim
