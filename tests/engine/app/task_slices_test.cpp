// engine/app/task_slices: slices cover every task once, fall on chunk boundaries when they can,
// and the --tasks / --shard spellings are read or refused with their message.
#include <catch2/catch.hpp>

#include <cstddef>

#include "engine/app/task_slices.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/h5/chunk_rows.hpp"

using namespace icbsim;

TEST_CASE("slices of a task list are contiguous, cover it once and fall on chunk boundaries", "[app][slices]") {
  for (const std::size_t total : {std::size_t{0}, std::size_t{5}, std::size_t{1000}, std::size_t{100000}}) {
    for (const std::size_t count : {std::size_t{1}, std::size_t{3}, std::size_t{16}}) {
      std::size_t next = 0;
      for (std::size_t i = 0; i < count; ++i) {
        const TaskRange r = app::slice_of(i, count, total);
        CHECK(r.begin == next);
        CHECK(r.end >= r.begin);
        next = r.end;
        if (total >= count * h5::kTaskChunkRows && i + 1 < count) CHECK(r.end % h5::kTaskChunkRows == 0);
      }
      CHECK(next == total);
    }
  }
  // Fewer tasks than slices times a chunk: near-equal slices instead.
  CHECK(app::slice_of(1, 4, 10).begin == 2);
  CHECK(app::slice_of(1, 4, 10).end == 5);
}

TEST_CASE("task ranges and shards are read from their command-line spelling", "[app][slices]") {
  const TaskRange r = app::parse_task_range("10:20");
  CHECK(r.begin == 10);
  CHECK(r.end == 20);
  const app::ShardIndex s = app::parse_shard("3/16");
  CHECK(s.index == 3);
  CHECK(s.count == 16);
  CHECK_THROWS_WITH(app::parse_task_range("10-20"), Catch::Contains("--tasks expects BEGIN:END"));
  CHECK_THROWS_WITH(app::parse_shard("3"), Catch::Contains("--shard expects I/N"));
  CHECK_THROWS_WITH(app::parse_shard("4/4"), Catch::Contains("needs 0 <= I < N"));
  CHECK_THROWS_AS(app::parse_shard("0/0"), ScenarioError);
}
