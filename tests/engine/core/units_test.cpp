// Unit expressions: parsing, dimensions, conversion factors and number/unit splitting.
#include <catch2/catch.hpp>

#include "engine/core/units.hpp"

using icbsim::conversion_factor;
using icbsim::parse_unit;

TEST_CASE("time units convert to days", "[core][units]") {
  CHECK(conversion_factor(parse_unit("week"), parse_unit("day")) == 7.0);
  CHECK(conversion_factor(parse_unit("h"), parse_unit("day")) == Approx(1.0 / 24).epsilon(1e-15));
  CHECK(conversion_factor(parse_unit("year"), parse_unit("days")) == 365.25);
  CHECK(conversion_factor(parse_unit("1/h"), parse_unit("1/day")) == Approx(24.0).epsilon(1e-15));
}

TEST_CASE("compound units parse with products, quotients, powers and parentheses", "[core][units]") {
  CHECK(conversion_factor(parse_unit("cm^3/(g*day)"), parse_unit("mL/(g*day)")) == Approx(1.0).epsilon(1e-14));
  CHECK(conversion_factor(parse_unit("mg/L"), parse_unit("ug/mL")) == Approx(1.0).epsilon(1e-14));
  CHECK(conversion_factor(parse_unit("mL/h"), parse_unit("L/day")) == Approx(0.024).epsilon(1e-14));
  CHECK(conversion_factor(parse_unit("nM"), parse_unit("mol/L")) == Approx(1e-9).epsilon(1e-14));
  CHECK(conversion_factor(parse_unit("µm"), parse_unit("mm")) == Approx(1e-3).epsilon(1e-14));
  CHECK(conversion_factor(parse_unit("%"), parse_unit("")) == 0.01);
  CHECK(parse_unit("cells/day").dimension.to_string() == "cell/day");
  CHECK(parse_unit("1/(cell*day)").dimension.to_string() == "1/(day*cell)");
  CHECK(parse_unit("").dimension.to_string() == "dimensionless");
}

TEST_CASE("mismatched dimensions and unknown symbols are refused", "[core][units]") {
  CHECK_THROWS_WITH(conversion_factor(parse_unit("mg"), parse_unit("day")),
                    Catch::Contains("dimension g cannot be converted to day"));
  CHECK_THROWS_WITH(parse_unit("furlong"), Catch::Contains("unknown unit 'furlong'"));
  CHECK_THROWS_WITH(parse_unit("(day"), Catch::Contains("missing ')'"));
  CHECK_THROWS_WITH(parse_unit("cm^x"), Catch::Contains("integer exponent"));
}

TEST_CASE("numbers are split from their units", "[core][units]") {
  auto v = icbsim::split_number_and_unit("0.18 1/day");
  REQUIRE(v);
  CHECK(v->value == 0.18);
  CHECK(v->unit == "1/day");
  v = icbsim::split_number_and_unit("1e10");
  REQUIRE(v);
  CHECK(v->value == 1e10);
  CHECK(v->unit.empty());
  v = icbsim::split_number_and_unit("+3 weeks");
  REQUIRE(v);
  CHECK(v->value == 3);
  CHECK_FALSE(icbsim::split_number_and_unit("fast"));
  CHECK_FALSE(icbsim::split_number_and_unit("3weeks"));
}
