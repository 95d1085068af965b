// Recursive-descent parser of unit expressions over a fixed symbol table.
#include "engine/core/units.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace icbsim {
namespace {

enum Base { kTime, kLength, kMass, kCell, kSubstance, kActivity, kMolecule };

Unit base(Base b, double factor) {
  Unit u;
  u.factor = factor;
  u.dimension.exponent[b] = 1;
  return u;
}

Unit multiply(const Unit& a, const Unit& b) {
  Unit u;
  u.factor = a.factor * b.factor;
  for (std::size_t i = 0; i < u.dimension.exponent.size(); ++i)
    u.dimension.exponent[i] = a.dimension.exponent[i] + b.dimension.exponent[i];
  return u;
}

Unit power(const Unit& a, int n) {
  Unit u;
  u.factor = std::pow(a.factor, n);
  for (std::size_t i = 0; i < u.dimension.exponent.size(); ++i) u.dimension.exponent[i] = a.dimension.exponent[i] * n;
  return u;
}

Unit divide(const Unit& a, const Unit& b) { return multiply(a, power(b, -1)); }

std::optional<Unit> lookup_symbol(std::string_view s) {
  constexpr double kDaysPerHour = 1.0 / 24.0;
  const Unit litre = power(base(kLength, 0.1), 3);  // 1 L = (0.1 m)^3
  const Unit molar = divide(base(kSubstance, 1.0), litre);
  struct Entry {
    std::string_view name;
    Unit unit;
  };
  const Entry table[] = {
      {"day", base(kTime, 1.0)}, {"days", base(kTime, 1.0)}, {"d", base(kTime, 1.0)},
      {"h", base(kTime, kDaysPerHour)}, {"hr", base(kTime, kDaysPerHour)}, {"hour", base(kTime, kDaysPerHour)},
      {"hours", base(kTime, kDaysPerHour)}, {"min", base(kTime, kDaysPerHour / 60)},
      {"minute", base(kTime, kDaysPerHour / 60)}, {"minutes", base(kTime, kDaysPerHour / 60)},
      {"s", base(kTime, kDaysPerHour / 3600)}, {"sec", base(kTime, kDaysPerHour / 3600)},
      {"second", base(kTime, kDaysPerHour / 3600)}, {"seconds", base(kTime, kDaysPerHour / 3600)},
      {"week", base(kTime, 7.0)}, {"weeks", base(kTime, 7.0)}, {"wk", base(kTime, 7.0)},
      {"month", base(kTime, 365.25 / 12)}, {"months", base(kTime, 365.25 / 12)},
      {"year", base(kTime, 365.25)}, {"years", base(kTime, 365.25)}, {"yr", base(kTime, 365.25)},
      {"m", base(kLength, 1.0)}, {"cm", base(kLength, 1e-2)}, {"mm", base(kLength, 1e-3)},
      {"um", base(kLength, 1e-6)}, {"µm", base(kLength, 1e-6)}, {"nm", base(kLength, 1e-9)},
      {"L", litre}, {"l", litre}, {"dL", multiply(litre, Unit{0.1, {}})}, {"mL", multiply(litre, Unit{1e-3, {}})},
      {"ml", multiply(litre, Unit{1e-3, {}})}, {"uL", multiply(litre, Unit{1e-6, {}})},
      {"µL", multiply(litre, Unit{1e-6, {}})},
      {"kg", base(kMass, 1e3)}, {"g", base(kMass, 1.0)}, {"mg", base(kMass, 1e-3)}, {"ug", base(kMass, 1e-6)},
      {"µg", base(kMass, 1e-6)}, {"ng", base(kMass, 1e-9)}, {"pg", base(kMass, 1e-12)},
      {"cell", base(kCell, 1.0)}, {"cells", base(kCell, 1.0)},
      {"mol", base(kSubstance, 1.0)}, {"mmol", base(kSubstance, 1e-3)}, {"umol", base(kSubstance, 1e-6)},
      {"µmol", base(kSubstance, 1e-6)}, {"nmol", base(kSubstance, 1e-9)}, {"pmol", base(kSubstance, 1e-12)},
      {"M", molar}, {"mM", multiply(molar, Unit{1e-3, {}})}, {"uM", multiply(molar, Unit{1e-6, {}})},
      {"µM", multiply(molar, Unit{1e-6, {}})}, {"nM", multiply(molar, Unit{1e-9, {}})},
      {"pM", multiply(molar, Unit{1e-12, {}})},
      {"Da", divide(base(kMass, 1.0), base(kSubstance, 1.0))},
      {"kDa", divide(base(kMass, 1e3), base(kSubstance, 1.0))},
      {"IU", base(kActivity, 1.0)}, {"U", base(kActivity, 1.0)}, {"mU", base(kActivity, 1e-3)},
      {"molecule", base(kMolecule, 1.0)}, {"molecules", base(kMolecule, 1.0)},
      {"%", Unit{0.01, {}}}, {"percent", Unit{0.01, {}}}, {"fold", Unit{1.0, {}}},
  };
  for (const auto& e : table)
    if (e.name == s) return e.unit;
  return std::nullopt;
}

class UnitParser {
 public:
  explicit UnitParser(std::string_view text) : text_(text) {}

  Unit parse() {
    skip_space();
    if (pos_ == text_.size()) return Unit{};
    Unit u = expression();
    skip_space();
    if (pos_ != text_.size()) fail("unexpected '" + std::string(text_.substr(pos_, 1)) + "'");
    return u;
  }

 private:
  Unit expression() {
    Unit u = term();
    for (;;) {
      skip_space();
      if (pos_ == text_.size()) return u;
      const char c = text_[pos_];
      if (c == '*' || c == '.') {
        ++pos_;
        u = multiply(u, term());
      } else if (c == '/') {
        ++pos_;
        u = divide(u, term());
      } else if (text_.compare(pos_, 2, "·") == 0) {
        pos_ += 2;
        u = multiply(u, term());
      } else {
        return u;
      }
    }
  }

  Unit term() {
    Unit u = factor();
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '^') {
      ++pos_;
      skip_space();
      int n = 0;
      const char* first = text_.data() + pos_;
      auto [ptr, ec] = std::from_chars(first, text_.data() + text_.size(), n);
      if (ec != std::errc()) fail("expected an integer exponent after '^'");
      pos_ += static_cast<std::size_t>(ptr - first);
      u = power(u, n);
    } else if (text_.compare(pos_, 2, "²") == 0) {
      pos_ += 2;
      u = power(u, 2);
    } else if (text_.compare(pos_, 2, "³") == 0) {
      pos_ += 2;
      u = power(u, 3);
    }
    return u;
  }

  Unit factor() {
    skip_space();
    if (pos_ == text_.size()) fail("unit expression ends too early");
    const char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      Unit u = expression();
      skip_space();
      if (pos_ == text_.size() || text_[pos_] != ')') fail("missing ')'");
      ++pos_;
      return u;
    }
    if (c >= '0' && c <= '9') {
      double v = 0;
      const char* first = text_.data() + pos_;
      auto [ptr, ec] = std::from_chars(first, text_.data() + text_.size(), v);
      if (ec != std::errc()) fail("bad number");
      pos_ += static_cast<std::size_t>(ptr - first);
      return Unit{v, {}};
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (ch == '*' || ch == '/' || ch == '^' || ch == '(' || ch == ')' || ch == ' ' || ch == '.') break;
      if (text_.compare(pos_, 2, "·") == 0 || text_.compare(pos_, 2, "²") == 0 || text_.compare(pos_, 2, "³") == 0) break;
      ++pos_;
    }
    const std::string_view symbol = text_.substr(start, pos_ - start);
    if (symbol.empty()) fail("expected a unit symbol");
    if (auto u = lookup_symbol(symbol)) return *u;
    fail("unknown unit '" + std::string(symbol) + "'");
  }

  void skip_space() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw std::invalid_argument("cannot read unit '" + std::string(text_) + "': " + why);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string Dimension::to_string() const {
  static constexpr std::string_view kNames[] = {"day", "m", "g", "cell", "mol", "IU", "molecule"};
  std::string num, den;
  for (std::size_t i = 0; i < exponent.size(); ++i) {
    const int e = exponent[i];
    if (e == 0) continue;
    std::string& side = e > 0 ? num : den;
    if (!side.empty()) side += '*';
    side += kNames[i];
    if (std::abs(e) != 1) {
      side += '^';
      side += std::to_string(std::abs(e));
    }
  }
  if (num.empty() && den.empty()) return "dimensionless";
  if (num.empty()) num.push_back('1');
  if (den.empty()) return num;
  return den.find('*') == std::string::npos ? num + "/" + den : num + "/(" + den + ")";
}

Unit parse_unit(std::string_view text) { return UnitParser(text).parse(); }

double conversion_factor(const Unit& from, const Unit& to) {
  if (!(from.dimension == to.dimension))
    throw std::invalid_argument("dimension " + from.dimension.to_string() + " cannot be converted to " +
                                to.dimension.to_string());
  return from.factor / to.factor;
}

std::optional<NumberWithUnit> split_number_and_unit(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::size_t skip = (text.front() == '+') ? 1 : 0;  // from_chars rejects a leading '+'
  double value = 0;
  const char* first = text.data() + skip;
  auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) return NumberWithUnit{HUGE_VAL, {}};
  if (ec != std::errc()) return std::nullopt;
  std::string_view rest = text.substr(static_cast<std::size_t>(ptr - text.data()));
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '%') return std::nullopt;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return NumberWithUnit{value, std::string(rest)};
}

}  // namespace icbsim
