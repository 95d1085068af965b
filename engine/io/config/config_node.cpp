// ConfigNode accessors with located errors.
#include "engine/io/config/config_node.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/core/spelling.hpp"
#include "engine/core/units.hpp"

namespace icbsim {

std::string SourceText::line(int one_based) const {
  if (one_based < 1 || static_cast<std::size_t>(one_based) > lines.size()) return {};
  return lines[static_cast<std::size_t>(one_based - 1)];
}

SourceText SourceText::of(const std::string& text, const std::string& name) {
  SourceText source;
  source.name = name;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    source.lines.push_back(line);
  }
  return source;
}

ConfigNode ConfigNode::make(Kind kind, SourceLocation where, std::shared_ptr<const SourceText> source) {
  ConfigNode n;
  n.kind_ = kind;
  n.where_ = std::move(where);
  n.source_ = std::move(source);
  return n;
}

void ConfigNode::add_entry(std::string key, ConfigNode key_node, ConfigNode value) {
  entries_.emplace_back(std::move(key), std::move(value));
  key_nodes_.push_back(std::move(key_node));
}

void ConfigNode::fail(const std::string& problem) const {
  throw ScenarioError(where_, problem, source_ ? source_->line(where_.line) : std::string{});
}

namespace {
std::string_view kind_name(ConfigNode::Kind k) {
  switch (k) {
    case ConfigNode::Kind::kNull: return "nothing";
    case ConfigNode::Kind::kScalar: return "a single value";
    case ConfigNode::Kind::kSequence: return "a list";
    case ConfigNode::Kind::kMap: return "a map of keys";
  }
  return "?";
}

bool looks_non_finite(std::string_view t) {
  std::string lower;
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view s : {".nan", ".inf", "-.inf", "+.inf", "nan", "inf", "-inf", "+inf", "infinity", "-infinity"})
    if (lower == s) return true;
  return false;
}
}  // namespace

const std::vector<std::pair<std::string, ConfigNode>>& ConfigNode::entries(std::string_view what) const {
  if (kind_ != Kind::kMap) fail(std::string(what) + " must be a map of keys, found " + std::string(kind_name(kind_)));
  return entries_;
}

const ConfigNode* ConfigNode::find(std::string_view key) const {
  if (kind_ != Kind::kMap) fail("expected a map of keys, found " + std::string(kind_name(kind_)));
  for (const auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

const ConfigNode& ConfigNode::at(std::string_view key) const {
  if (const ConfigNode* n = find(key)) return *n;
  fail("missing required key '" + std::string(key) + "'");
}

const ConfigNode& ConfigNode::key_node(std::string_view key) const {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].first == key) return key_nodes_[i];
  return *this;
}

void ConfigNode::check_keys(std::initializer_list<std::string_view> allowed, std::string_view section) const {
  check_keys(std::span<const std::string_view>(allowed.begin(), allowed.size()), section);
}

void ConfigNode::check_keys(std::span<const std::string_view> allowed, std::string_view section) const {
  for (std::size_t i = 0; i < entries(section).size(); ++i) {
    const std::string& key = entries_[i].first;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    key_nodes_[i].fail("unknown key '" + key + "' in " + std::string(section) + did_you_mean(key, allowed) +
                       "; allowed keys: " + list);
  }
}

const std::vector<ConfigNode>& ConfigNode::items(std::string_view what) const {
  if (kind_ != Kind::kSequence) fail(std::string(what) + " must be a list, found " + std::string(kind_name(kind_)));
  return items_;
}

const std::string& ConfigNode::text(std::string_view what) const {
  if (kind_ != Kind::kScalar) fail(std::string(what) + " must be a single value, found " + std::string(kind_name(kind_)));
  return scalar_;
}

double ConfigNode::as_number(std::string_view what) const {
  const std::string& t = text(what);
  if (looks_non_finite(t)) fail(std::string(what) + " must be a finite number, found '" + t + "'");
  const auto parsed = split_number_and_unit(t);
  if (!parsed) fail(std::string(what) + " must be a number, found '" + t + "'");
  if (!parsed->unit.empty()) fail(std::string(what) + " must be a plain number without a unit, found '" + t + "'");
  if (!std::isfinite(parsed->value)) fail(std::string(what) + " must be a finite number, found '" + t + "'");
  return parsed->value;
}

double ConfigNode::as_quantity(std::string_view unit, std::string_view what) const {
  const std::string& t = text(what);
  if (looks_non_finite(t)) fail(std::string(what) + " must be a finite number, found '" + t + "'");
  const auto parsed = split_number_and_unit(t);
  if (!parsed) fail(std::string(what) + " must be a number (optionally with a unit), found '" + t + "'");
  if (!std::isfinite(parsed->value)) fail(std::string(what) + " must be a finite number, found '" + t + "'");
  if (parsed->unit.empty()) return parsed->value;
  try {
    const Unit from = parse_unit(parsed->unit);
    const Unit to = parse_unit(unit);
    const double v = parsed->value * conversion_factor(from, to);
    if (!std::isfinite(v)) fail(std::string(what) + " overflows when converted to " + std::string(unit));
    return v;
  } catch (const std::invalid_argument& e) {
    fail(std::string(what) + ": " + e.what() + " (expected a value in " + (unit.empty() ? "no unit" : std::string(unit)) + ")");
  }
}

unsigned long long ConfigNode::as_unsigned(std::string_view what) const {
  const std::string& t = text(what);
  unsigned long long v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size())
    fail(std::string(what) + " must be a non-negative whole number, found '" + t + "'");
  return v;
}

void ConfigNode::fail_unknown(const std::string& name, std::span<const std::string_view> names, std::string_view what,
                              const std::string& known) const {
  fail("unknown " + std::string(what) + " '" + name + "'" + did_you_mean(name, names) + "; known: " + known);
}

bool ConfigNode::as_bool(std::string_view what) const {
  const std::string& t = text(what);
  if (t == "true" || t == "yes" || t == "on") return true;
  if (t == "false" || t == "no" || t == "off") return false;
  fail(std::string(what) + " must be true or false, found '" + t + "'");
}

}  // namespace icbsim
