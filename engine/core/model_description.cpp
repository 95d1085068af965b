// Text, Markdown and JSON descriptions of a registered model.
#include "engine/core/model_description.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>
#include <sstream>
#include <string_view>
#include <vector>

#include "engine/core/number_text.hpp"

namespace icbsim {
namespace {

/// `text` broken at spaces into lines of at most `width` characters (a longer word stands alone).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char b[32];
  std::snprintf(b, sizeof b, "%.5g", v);
  return b;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

std::string json_number(double v) { return std::isfinite(v) ? shortest(v) : "null"; }

std::string markdown_cell(std::string_view s) {
  std::string out;
  for (const char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

void text_variables(std::ostringstream& out, const char* title, std::span<const VariableSpec> variables,
                    bool with_initial, std::size_t width) {
  if (variables.empty()) return;
  out << "\n" << title << "\n";
  for (const auto& v : variables) {
    char head[128];
    if (with_initial)
      std::snprintf(head, sizeof head, "  %-12s %-14s initial %-10s ", std::string(v.name).c_str(),
                    std::string(v.unit).c_str(), number(v.initial).c_str());
    else
      std::snprintf(head, sizeof head, "  %-12s %-14s ", std::string(v.name).c_str(), std::string(v.unit).c_str());
    const std::string indent(std::string_view(head).size(), ' ');
    const std::size_t room = width > indent.size() + 20 ? width - indent.size() : 20;
    const auto lines = wrap(v.description, room);
    for (std::size_t i = 0; i < lines.size(); ++i) out << (i == 0 ? std::string(head) : indent) << lines[i] << "\n";
  }
}

}  // namespace

std::string describe_text(const ModelInfo& m, std::size_t width) {
  std::ostringstream out;
  const std::size_t text_width = width > 4 ? width - 2 : width;
  out << m.name << "\n";
  for (const auto& line : wrap(m.description, text_width)) out << "  " << line << "\n";
  for (const auto& line : wrap("reference: " + std::string(m.reference), text_width)) out << "  " << line << "\n";
  text_variables(out, "state variables", m.variables, true, width);
  text_variables(out, "observables", m.observables, false, width);
  // A table when the meaning column keeps 30 characters; otherwise one block per parameter.
  std::size_t name_w = 4, unit_w = 4;
  for (const auto& p : m.parameters) {
    name_w = std::max(name_w, p.name.size());
    unit_w = std::max(unit_w, p.unit.size());
  }
  const std::size_t prefix = 2 + name_w + 1 + unit_w + 3 * 13 + 2;
  const bool table = prefix + 30 <= width;
  out << "\nparameters\n";
  if (table) {
    char head[256];
    std::snprintf(head, sizeof head, "  %-*s %-*s %12s %12s %12s  %s\n", static_cast<int>(name_w), "name",
                  static_cast<int>(unit_w), "unit", "default", "min", "max", "meaning [source]");
    out << head;
  }
  for (const auto& p : m.parameters) {
    const std::string meaning = std::string(p.description) + " [" + std::string(p.source) + "]";
    if (table) {
      char cells[256];
      std::snprintf(cells, sizeof cells, "  %-*s %-*s %12s %12s %12s  ", static_cast<int>(name_w),
                    std::string(p.name).c_str(), static_cast<int>(unit_w), std::string(p.unit).c_str(),
                    number(p.value).c_str(), number(p.min).c_str(), number(p.max).c_str());
      const std::string indent(prefix, ' ');
      const auto lines = wrap(meaning, width - prefix);
      for (std::size_t i = 0; i < lines.size(); ++i) out << (i == 0 ? std::string(cells) : indent) << lines[i] << "\n";
    } else {
      out << "  " << p.name << " [" << (p.unit.empty() ? "1" : std::string(p.unit)) << "] default " << number(p.value)
          << ", range " << number(p.min) << " to " << number(p.max) << "\n";
      for (const auto& line : wrap(meaning, width > 10 ? width - 6 : width)) out << "      " << line << "\n";
    }
  }
  return out.str();
}

std::string describe_markdown(const ModelInfo& m) {
  std::ostringstream out;
  out << "`" << m.name << "`: " << markdown_cell(m.description) << "\n\nReference: " << markdown_cell(m.reference)
      << "\n";
  auto variables = [&](const char* title, std::span<const VariableSpec> vs, bool with_initial) {
    if (vs.empty()) return;
    out << "\n"
        << title << "\n\n| name | unit |" << (with_initial ? " initial |" : "") << " meaning |\n|---|---|"
        << (with_initial ? "---:|" : "") << "---|\n";
    for (const auto& v : vs) {
      out << "| `" << v.name << "` | " << markdown_cell(v.unit) << " |";
      if (with_initial) out << " " << number(v.initial) << " |";
      out << " " << markdown_cell(v.description) << " |\n";
    }
  };
  variables("State variables", m.variables, true);
  variables("Observables", m.observables, false);
  out << "\nParameters\n\n| name | unit | default | min | max | meaning | source |\n|---|---|---:|---:|---:|---|---|\n";
  for (const auto& p : m.parameters)
    out << "| `" << p.name << "` | " << markdown_cell(p.unit) << " | " << number(p.value) << " | " << number(p.min)
        << " | " << number(p.max) << " | " << markdown_cell(p.description) << " | " << markdown_cell(p.source)
        << " |\n";
  return out.str();
}

std::string describe_json(const ModelInfo& m) {
  std::ostringstream out;
  out << "{\n  \"name\": " << json_string(m.name) << ",\n  \"description\": " << json_string(m.description)
      << ",\n  \"reference\": " << json_string(m.reference);
  auto variables = [&](const char* key, std::span<const VariableSpec> vs) {
    out << ",\n  \"" << key << "\": [";
    for (std::size_t i = 0; i < vs.size(); ++i)
      out << (i ? "," : "") << "\n    {\"name\": " << json_string(vs[i].name)
          << ", \"unit\": " << json_string(vs[i].unit) << ", \"initial\": " << json_number(vs[i].initial)
          << ", \"nonnegative\": " << (vs[i].nonnegative ? "true" : "false")
          << ", \"description\": " << json_string(vs[i].description) << "}";
    out << "\n  ]";
  };
  variables("variables", m.variables);
  variables("observables", m.observables);
  out << ",\n  \"parameters\": [";
  for (std::size_t i = 0; i < m.parameters.size(); ++i) {
    const ParameterSpec& p = m.parameters[i];
    out << (i ? "," : "") << "\n    {\"name\": " << json_string(p.name) << ", \"unit\": " << json_string(p.unit)
        << ", \"default\": " << json_number(p.value) << ", \"min\": " << json_number(p.min)
        << ", \"max\": " << json_number(p.max) << ", \"description\": " << json_string(p.description)
        << ", \"source\": " << json_string(p.source) << "}";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

}  // namespace icbsim
