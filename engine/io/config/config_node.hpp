// ConfigNode: our own tree of a parsed YAML document, in which every node remembers its file, line
// and column. yaml-cpp stops here: the rest of the engine reads ConfigNodes, and every input error
// is raised through ConfigNode::fail so it cites file:line:column and shows the line with a caret.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/errors.hpp"

namespace icbsim {

/// The text of one input file, shared by all nodes parsed from it (for the caret display).
struct SourceText {
  std::string name;
  std::vector<std::string> lines;
  std::string line(int one_based) const;
  /// `text` split into lines (a trailing carriage return dropped from each).
  static SourceText of(const std::string& text, const std::string& name);
};

class ConfigNode {
 public:
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind() const noexcept { return kind_; }
  bool is_map() const noexcept { return kind_ == Kind::kMap; }
  bool is_sequence() const noexcept { return kind_ == Kind::kSequence; }
  bool is_scalar() const noexcept { return kind_ == Kind::kScalar; }
  const SourceLocation& where() const noexcept { return where_; }

  /// Throws ScenarioError at this node's location.
  [[noreturn]] void fail(const std::string& problem) const;

  // ---- maps ----------------------------------------------------------------------------
  /// Entries of a map in file order; fails if this is not a map. `what` names the section.
  const std::vector<std::pair<std::string, ConfigNode>>& entries(std::string_view what) const;
  /// The value under `key`, or nullptr; fails if this is not a map.
  const ConfigNode* find(std::string_view key) const;
  /// The value under `key`; fails naming the missing key when absent.
  const ConfigNode& at(std::string_view key) const;
  /// Fails on the first key not in `allowed`, suggesting the closest allowed one.
  void check_keys(std::initializer_list<std::string_view> allowed, std::string_view section) const;
  void check_keys(std::span<const std::string_view> allowed, std::string_view section) const;
  /// The node holding the key text of entry `key` (for errors about the key itself).
  const ConfigNode& key_node(std::string_view key) const;

  // ---- sequences -------------------------------------------------------------------------
  const std::vector<ConfigNode>& items(std::string_view what) const;

  // ---- scalars ---------------------------------------------------------------------------
  /// The scalar text; fails if this is not a scalar.
  const std::string& text(std::string_view what) const;
  std::string as_string(std::string_view what) const { return text(what); }
  /// A plain finite number without a unit.
  double as_number(std::string_view what) const;
  /// A finite number, converted into `unit` when the text carries one ("2 weeks" with unit "day"
  /// gives 14); a bare number is taken to be in `unit` already.
  double as_quantity(std::string_view unit, std::string_view what) const;
  /// A non-negative integer.
  unsigned long long as_unsigned(std::string_view what) const;
  bool as_bool(std::string_view what) const;
  /// A name from an EnumTable; fails listing the known names and the closest one.
  template <typename Table>
  auto as_enum(const Table& table, std::string_view what) const {
    const std::string& name = text(what);
    const auto value = table.parse(name);
    if (!value) fail_unknown_name(name, table.entries, what, table.names());
    return *value;
  }

  template <typename Entries>
  [[noreturn]] void fail_unknown_name(const std::string& name, const Entries& entries, std::string_view what,
                                      const std::string& known) const {
    std::vector<std::string_view> names;
    for (const auto& e : entries) names.push_back(e.second);
    fail_unknown(name, names, what, known);
  }
  [[noreturn]] void fail_unknown(const std::string& name, std::span<const std::string_view> names, std::string_view what,
                                 const std::string& known) const;

  // ---- construction (used by the YAML reader) ------------------------------------------------
  static ConfigNode make(Kind kind, SourceLocation where, std::shared_ptr<const SourceText> source);
  void set_scalar(std::string text) { scalar_ = std::move(text); }
  void add_item(ConfigNode node) { items_.push_back(std::move(node)); }
  void add_entry(std::string key, ConfigNode key_node, ConfigNode value);

 private:
  Kind kind_ = Kind::kNull;
  SourceLocation where_;
  std::shared_ptr<const SourceText> source_;
  std::string scalar_;
  std::vector<ConfigNode> items_;
  std::vector<std::pair<std::string, ConfigNode>> entries_;
  std::vector<ConfigNode> key_nodes_;
};

/// Parses a YAML file into a ConfigNode tree. Syntax errors, tabs in indentation, duplicate keys
/// and unreadable files are reported as ScenarioError with their location.
ConfigNode parse_yaml_file(const std::string& path);
/// Same, from text; `name` is used as the file name in messages.
ConfigNode parse_yaml_text(const std::string& text, const std::string& name);

}  // namespace icbsim
