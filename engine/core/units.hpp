// Physical units: parsing unit expressions ("1/(cell*day)", "mg/m^2", "2 weeks") into a scale
// factor and a dimension, and converting values between units of the same dimension.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace icbsim {

/// Exponents of the base dimensions: time, length, mass, cells, amount of substance, activity
/// (IU), molecules.
struct Dimension {
  std::array<int, 7> exponent{};
  friend bool operator==(const Dimension&, const Dimension&) = default;
  std::string to_string() const;
};

/// A unit: value_in_base = value * factor, base units being day, metre, gram, cell, mole, IU,
/// molecule.
struct Unit {
  double factor = 1.0;
  Dimension dimension;
};

/// Parses a unit expression such as "1/day", "cells", "cm^3/(g*day)", "mg/kg", "%" or "" (the
/// dimensionless unit). Throws std::invalid_argument naming the offending symbol.
Unit parse_unit(std::string_view text);

/// Factor converting a value in `from` into `to`; throws std::invalid_argument when their
/// dimensions differ.
double conversion_factor(const Unit& from, const Unit& to);

/// A number read from text, with the unit text that followed it (empty when none).
struct NumberWithUnit {
  double value = 0.0;
  std::string unit;
};

/// Splits "0.18 1/day" into 0.18 and "1/day"; returns nothing when the text does not start with a
/// number.
std::optional<NumberWithUnit> split_number_and_unit(std::string_view text);

}  // namespace icbsim
