// Agent storage: ids in creation order, named columns, daughters copying their parent, stable
// compaction, and columns declared too late or twice.
#include <catch2/catch.hpp>

#include "engine/abm/agent_store.hpp"
#include "engine/core/errors.hpp"

using icbsim::abm::AgentStore;

TEST_CASE("agents keep ids and column values through compaction", "[abm][agents]") {
  AgentStore store;
  const auto level = store.add_real_column("level");
  const auto count = store.add_int_column("count");
  for (std::uint32_t k = 0; k < 6; ++k) {
    const std::size_t i = store.add(static_cast<std::uint8_t>(k % 2), 10 + k);
    store.real(level, i) = 0.5 * k;
    store.integer(count, i) = static_cast<std::int32_t>(k);
  }
  store.kill(1);
  store.kill(4);
  store.remove_dead();
  REQUIRE(store.size() == 4);
  const std::uint64_t expected[] = {0, 2, 3, 5};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(store.id(i) == expected[i]);
    CHECK(store.voxel(i) == 10 + expected[i]);
    CHECK(store.real(level, i) == 0.5 * static_cast<double>(expected[i]));
    CHECK(store.integer(count, i) == static_cast<std::int32_t>(expected[i]));
  }
  CHECK(store.next_id() == 6);
  CHECK(store.real_names() == std::vector<std::string>{"level"});
}

TEST_CASE("a daughter copies its parent's columns and gets a new id", "[abm][agents]") {
  AgentStore store;
  const auto level = store.add_real_column("level");
  const std::size_t parent = store.add(3, 7);
  store.real(level, parent) = 2.5;
  const std::size_t daughter = store.add(icbsim::abm::PendingAgent{3, 8, static_cast<std::uint32_t>(parent)});
  CHECK(store.real(level, daughter) == 2.5);
  CHECK(store.id(daughter) == 1);
  CHECK(store.voxel(daughter) == 8);
  const std::size_t orphan = store.add(icbsim::abm::PendingAgent{3, 9});
  CHECK(store.real(level, orphan) == 0.0);
}

TEST_CASE("columns are declared once and before any agent", "[abm][agents]") {
  AgentStore store;
  store.add_real_column("a");
  CHECK_THROWS_WITH(store.add_int_column("a"), Catch::Contains("declared twice"));
  store.add(0, 0);
  CHECK_THROWS_WITH(store.add_real_column("b"), Catch::Contains("after agents were added"));
}
