// ConfigNode: locations, duplicate keys, key checks and scalar conversions.
#include <catch2/catch.hpp>

#include "engine/io/config/config_node.hpp"

using icbsim::parse_yaml_text;

TEST_CASE("nodes remember their 1-based line and column", "[io][config]") {
  const auto root = parse_yaml_text("a: 1\nb:\n  c: [x, y]\n", "f.yaml");
  CHECK(root.at("a").where().line == 1);
  CHECK(root.at("a").where().column == 4);
  const auto& c = root.at("b").at("c");
  CHECK(c.where().line == 3);
  CHECK(c.items("c")[1].where().column == 10);
  CHECK(c.where().file == "f.yaml");
}

TEST_CASE("duplicate keys are rejected at the second key", "[io][config]") {
  REQUIRE_THROWS_WITH(parse_yaml_text("a: 1\nb: 2\na: 3\n", "f.yaml"),
                      Catch::StartsWith("f.yaml:3:1: duplicate key 'a'"));
}

TEST_CASE("unknown keys are named with a suggestion", "[io][config]") {
  const auto root = parse_yaml_text("rtoll: 1\n", "f.yaml");
  REQUIRE_THROWS_WITH(root.check_keys({"rtol", "atol"}, "solver"),
                      Catch::Contains("unknown key 'rtoll' in solver (did you mean 'rtol'?)"));
}

TEST_CASE("quantities convert units and reject wrong dimensions", "[io][config]") {
  const auto root = parse_yaml_text("a: 2 weeks\nb: 3\nc: 5 mg\nd: 1e400\ne: 50 %\n", "f.yaml");
  CHECK(root.at("a").as_quantity("day", "a") == 14.0);
  CHECK(root.at("b").as_quantity("day", "b") == 3.0);
  CHECK(root.at("e").as_quantity("", "e") == 0.5);
  REQUIRE_THROWS_WITH(root.at("c").as_quantity("day", "c"), Catch::Contains("dimension g cannot be converted to day"));
  REQUIRE_THROWS_WITH(root.at("d").as_number("d"), Catch::Contains("must be a finite number"));
  REQUIRE_THROWS_WITH(root.at("a").as_number("a"), Catch::Contains("plain number without a unit"));
}

TEST_CASE("unsigned integers and booleans are strict", "[io][config]") {
  const auto root = parse_yaml_text("a: 42\nb: 4.2\nc: yes\nd: maybe\n", "f.yaml");
  CHECK(root.at("a").as_unsigned("a") == 42);
  REQUIRE_THROWS_WITH(root.at("b").as_unsigned("b"), Catch::Contains("non-negative whole number"));
  CHECK(root.at("c").as_bool("c"));
  REQUIRE_THROWS_WITH(root.at("d").as_bool("d"), Catch::Contains("must be true or false"));
}
