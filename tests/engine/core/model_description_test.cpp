// engine/core/model_description: the text form stays within the width, the Markdown form has one
// row per declaration, the JSON form every field; unbounded maxima are "inf" and null.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>

#include "engine/core/model_description.hpp"
#include "tests/support/builtin_registry.hpp"

using Catch::Matchers::Contains;
using icbsim::testing::registry;

TEST_CASE("a model description wraps to the width and lists every parameter", "[core][describe]") {
  const icbsim::ModelInfo& m = registry().get("nsclc_icb");
  for (const std::size_t width : {std::size_t{80}, std::size_t{120}}) {
    std::istringstream lines(icbsim::describe_text(m, width));
    std::string line;
    std::size_t longest = 0;
    while (std::getline(lines, line)) longest = std::max(longest, line.size());
    CHECK(longest <= width);
  }
  const std::string markdown = icbsim::describe_markdown(m);
  for (const auto& p : m.parameters) CHECK_THAT(markdown, Contains("| `" + std::string(p.name) + "` |"));
  const icbsim::ModelInfo& k = registry().get("kuznetsov1994");
  CHECK_THAT(icbsim::describe_markdown(k),
             Contains("| `n` | 1/(cell*day) | 1.101e-07 | 0 | inf | tumour killing by effectors | Kuznetsov 1994;"));
  const std::string json = icbsim::describe_json(k);
  CHECK_THAT(json, Contains("{\"name\": \"a\", \"unit\": \"1/day\", \"default\": 0.18, \"min\": 0, \"max\": null,"));
  CHECK_THAT(json, Contains("{\"name\": \"E\", \"unit\": \"cells\", \"initial\": 320000, \"nonnegative\": true,"));
}
