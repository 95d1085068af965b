// Timing for the benchmark programs: two pieces of work timed in alternating batches, so that
// machine load and frequency changes affect baseline and candidate alike; the median per call.
#pragma once

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

namespace icbsim::bench {

/// Median seconds per call of `a` and of `b` over `batches` alternating batches of `calls` calls.
template <typename A, typename B>
std::pair<double, double> median_seconds_per_call(A&& a, B&& b, int calls, int batches) {
  using Clock = std::chrono::steady_clock;
  std::vector<double> ta, tb;
  auto time = [&](auto&& f) {
    const auto start = Clock::now();
    for (int i = 0; i < calls; ++i) f();
    return std::chrono::duration<double>(Clock::now() - start).count() / calls;
  };
  for (int k = 0; k < batches; ++k) {
    ta.push_back(time(a));
    tb.push_back(time(b));
  }
  std::sort(ta.begin(), ta.end());
  std::sort(tb.begin(), tb.end());
  return {ta[ta.size() / 2], tb[tb.size() / 2]};
}

}  // namespace icbsim::bench
