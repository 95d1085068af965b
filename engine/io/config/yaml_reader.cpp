// Converts yaml-cpp's tree into ConfigNodes, re-throwing yaml-cpp's syntax errors and our own
// checks (tabs, duplicate keys, non-scalar keys) as located ScenarioErrors.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "engine/io/config/config_node.hpp"

namespace icbsim {
namespace {

SourceLocation location(const YAML::Mark& mark, const std::string& name) {
  if (mark.is_null()) return SourceLocation{name, 0, 0};
  return SourceLocation{name, mark.line + 1, mark.column + 1};
}

void reject_tabs(const SourceText& source) {
  for (std::size_t i = 0; i < source.lines.size(); ++i) {
    const std::string& l = source.lines[i];
    for (std::size_t c = 0; c < l.size() && (l[c] == ' ' || l[c] == '\t'); ++c)
      if (l[c] == '\t')
        throw ScenarioError(SourceLocation{source.name, static_cast<int>(i + 1), static_cast<int>(c + 1)},
                            "tab character in indentation (YAML indents with spaces only)", l);
  }
}

/// Limits of a YAML document: nesting depth and nodes after aliases are expanded (an alias that
/// refers to its own ancestor never ends; aliases of aliases grow exponentially).
constexpr std::size_t kMaxYamlDepth = 256;
constexpr std::size_t kMaxYamlNodes = 5'000'000;

/// The nodes on the way from the root to the node being converted, and how many were converted.
struct ConvertState {
  std::vector<YAML::Node> ancestors;
  std::size_t nodes = 0;
};

ConfigNode convert(const YAML::Node& node, const std::shared_ptr<const SourceText>& source, ConvertState& state) {
  const SourceLocation where = location(node.Mark(), source->name);
  auto fail = [&](const std::string& problem) { throw ScenarioError(where, problem, source->line(where.line)); };
  if (++state.nodes > kMaxYamlNodes)
    fail("the document expands to more than " + std::to_string(kMaxYamlNodes) + " values (aliases repeated too often)");
  if (state.ancestors.size() >= kMaxYamlDepth)
    fail("values nested more than " + std::to_string(kMaxYamlDepth) + " levels deep");
  for (const YAML::Node& ancestor : state.ancestors)
    if (ancestor.is(node)) fail("this alias refers to a value that contains it (an alias cannot include itself)");
  struct Enter {  // the node is an ancestor while its children are converted
    ConvertState& state;
    Enter(ConvertState& s, const YAML::Node& n) : state(s) { state.ancestors.push_back(n); }
    ~Enter() { state.ancestors.pop_back(); }
    Enter(const Enter&) = delete;
    Enter& operator=(const Enter&) = delete;
  };
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return ConfigNode::make(ConfigNode::Kind::kNull, where, source);
    case YAML::NodeType::Scalar: {
      ConfigNode n = ConfigNode::make(ConfigNode::Kind::kScalar, where, source);
      n.set_scalar(node.Scalar());
      return n;
    }
    case YAML::NodeType::Sequence: {
      const Enter enter(state, node);
      ConfigNode n = ConfigNode::make(ConfigNode::Kind::kSequence, where, source);
      for (const auto& item : node) n.add_item(convert(item, source, state));
      return n;
    }
    case YAML::NodeType::Map: {
      const Enter enter(state, node);
      ConfigNode n = ConfigNode::make(ConfigNode::Kind::kMap, where, source);
      std::set<std::string> seen;
      for (const auto& kv : node) {
        ConfigNode key = convert(kv.first, source, state);
        if (!key.is_scalar()) key.fail("a key must be a single value");
        const std::string k = kv.first.Scalar();
        if (!seen.insert(k).second) key.fail("duplicate key '" + k + "'");
        n.add_entry(k, std::move(key), convert(kv.second, source, state));
      }
      return n;
    }
  }
  return ConfigNode::make(ConfigNode::Kind::kNull, where, source);
}

}  // namespace

ConfigNode parse_yaml_text(const std::string& text, const std::string& name) {
  const auto source = std::make_shared<const SourceText>(SourceText::of(text, name));
  reject_tabs(*source);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const SourceLocation where = location(e.mark, name);
    throw ScenarioError(where, "YAML syntax error: " + e.msg, source->line(where.line));
  }
  if (root.IsNull() || !root.IsDefined())
    throw ScenarioError(SourceLocation{name, 0, 0}, "the file is empty: expected a map of keys");
  ConvertState state;
  return convert(root, source, state);
}

ConfigNode parse_yaml_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw ScenarioError(SourceLocation{path, 0, 0}, "this is a folder, not a YAML file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(SourceLocation{path, 0, 0}, "cannot open the file (does it exist and is it readable?)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_yaml_text(buffer.str(), path);
}

}  // namespace icbsim
