// Counter-based agent streams (Random123 Philox4x64): a pure function of the key, distinct for
// different steps, agents and purposes, uniform on (0, 1], usable with Boost distributions.
#include <catch2/catch.hpp>

#include <boost/random/poisson_distribution.hpp>

#include "engine/abm/counter_stream.hpp"

using icbsim::abm::CounterStream;
using icbsim::abm::StreamKey;

TEST_CASE("an agent stream depends only on its key", "[abm][random]") {
  const StreamKey key{42, 3};
  CounterStream a(key, 10, 5, 1), b(key, 10, 5, 1);
  for (int k = 0; k < 20; ++k) CHECK(a() == b());
  const auto first = [](CounterStream s) { return s(); };
  const auto base = first(CounterStream(key, 10, 5, 1));
  CHECK(first(CounterStream(key, 11, 5, 1)) != base);
  CHECK(first(CounterStream(key, 10, 6, 1)) != base);
  CHECK(first(CounterStream(key, 10, 5, 2)) != base);
  CHECK(first(CounterStream(StreamKey{43, 3}, 10, 5, 1)) != base);
  CHECK(first(CounterStream(StreamKey{42, 4}, 10, 5, 1)) != base);
}

TEST_CASE("uniform draws lie in the half-open unit interval with mean 1/2 and variance 1/12", "[abm][random]") {
  double sum = 0.0, sum2 = 0.0;
  const int n = 200000;
  for (int agent = 0; agent < n / 4; ++agent) {
    CounterStream s(StreamKey{1, 0}, 0, static_cast<std::uint64_t>(agent), 7);
    for (int k = 0; k < 4; ++k) {
      const double u = s.uniform();
      REQUIRE(u > 0.0);
      REQUIRE(u <= 1.0);
      sum += u;
      sum2 += u * u;
    }
  }
  const double mean = sum / n;
  CHECK(mean == Approx(0.5).margin(0.003));                     // 4.6 standard errors
  CHECK(sum2 / n - mean * mean == Approx(1.0 / 12).margin(0.002));
}

TEST_CASE("a Boost Poisson distribution driven by agent streams has the right mean", "[abm][random]") {
  double sum = 0.0;
  const int n = 20000;
  for (int k = 0; k < n; ++k) {
    CounterStream s(StreamKey{9, 0}, static_cast<std::uint64_t>(k), 0, 2);
    sum += boost::random::poisson_distribution<int, double>(2.5)(s);
  }
  CHECK(sum / n == Approx(2.5).margin(0.05));  // standard error 0.011
}
