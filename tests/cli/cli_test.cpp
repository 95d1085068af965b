// The icbsim executable end to end: exit codes, the quickstart run, and that bad input leaves no
// output file behind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <icbsim/build_info.hpp>

#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_icbsim.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {
using icbsim::testing::read_text;
using icbsim::testing::run_icbsim;
using icbsim::testing::run_command;
fs::path fresh_folder(const std::string& name) { return icbsim::testing::fresh_folder("icbsim_cli_tests", name); }

#ifndef ICBSIM_TEST_NO_MPI
/// `mpirun -n 3 icbsim`: one OpenMP thread per rank and yielding MPI waits, as three ranks share two
/// cores with other tests.
std::string mpirun_three() {
  return "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1 mpirun -n 3 --oversubscribe "
         "--mca mpi_yield_when_idle 1 " +
         std::string(ICBSIM_EXE);
}
#endif
}  // namespace

// engine/cli/run_epilogue.cpp: the line before a run, the summary after it, -q printing the path.
TEST_CASE("icbsim run with no scenario runs the built-in quickstart", "[cli]") {
  const fs::path dir = fresh_folder("quickstart");
  const auto r = run_icbsim("run -o " + (dir / "q.h5").string());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "q.h5"));
  CHECK(r.output.find("model         kuznetsov1994") != std::string::npos);
  CHECK(r.output.find("tasks         1 (0 failed)") != std::string::npos);
  // First the one line of what runs; no per-task table without --show-tasks.
  CHECK(r.output.rfind("run <built-in quickstart: configs/scenarios/quickstart.yaml>: model kuznetsov1994, 1 task, ",
                       0) == 0);
  CHECK(r.output.find("-> " + (dir / "q.h5").string() + "\n") != std::string::npos);
  CHECK(r.output.find("task 0") == std::string::npos);
  const auto quiet = run_icbsim("run -q -o " + (dir / "quiet.h5").string());
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.output == (dir / "quiet.h5").string() + "\n");  // -q: the output path only
}

// engine/cli/summary_command.cpp
TEST_CASE("icbsim summary reproduces the run's summary from the file alone", "[cli]") {
  const fs::path dir = fresh_folder("summary");
  const auto run = run_icbsim("run -o " + (dir / "q.h5").string());
  REQUIRE(run.exit_code == 0);
  const auto summary = run_icbsim("summary " + (dir / "q.h5").string());
  CHECK(summary.exit_code == 0);
  // After its first line the run prints the summary, then its wall time; the summary command
  // prints the same table.
  CHECK(run.output.substr(run.output.find('\n') + 1).rfind(summary.output, 0) == 0);
  CHECK(run_icbsim("summary " + (dir / "missing.h5").string()).exit_code == 3);
}

TEST_CASE("a per-patient readout is printed and icbsim summary reproduces it from the file", "[cli][readout]") {
  const fs::path dir = fresh_folder("readout");
  const std::string fixture = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_readout.yaml";
  const auto run = run_icbsim("run " + fixture + " --show-tasks -o " + (dir / "r.h5").string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("readout of task 0") != std::string::npos);
  CHECK(run.output.find("best response       SD") != std::string::npos);
  CHECK(run.output.find("SITC class") != std::string::npos);
  const auto summary = run_icbsim("summary --show-tasks " + (dir / "r.h5").string());
  CHECK(summary.exit_code == 0);
  CHECK(run.output.substr(run.output.find('\n') + 1).rfind(summary.output, 0) == 0);
  CHECK(run_icbsim("summary " + (dir / "r.h5").string()).output.find("readout of task 0") == std::string::npos);
}

// engine/cli/progress.cpp: without a terminal, progress is a plain line (at least at the end).
TEST_CASE("a cohort run reports its progress on stderr", "[cli]") {
  const fs::path dir = fresh_folder("progress");
  const auto r = run_icbsim("run " + std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml -o " +
                            (dir / "c.h5").string());
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("progress: 120/120 tasks (100.0%)") != std::string::npos);
  // -q: no progress, only the output path.
  CHECK(run_icbsim("run " + std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml -q -o " +
                   (dir / "q.h5").string())
            .output == (dir / "q.h5").string() + "\n");
}

// engine/cli/merge_command.cpp: shards by --shard I/N merge back into the whole run.
TEST_CASE("icbsim run --shard and icbsim merge", "[cli][merge]") {
  const fs::path dir = fresh_folder("shards");
  const std::string fixture = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml";
  std::string shards;
  for (int i = 0; i < 3; ++i) {
    const std::string shard = (dir / ("s" + std::to_string(i) + ".h5")).string();
    REQUIRE(run_icbsim("run " + fixture + " -q --shard " + std::to_string(i) + "/3 -o " + shard).exit_code == 0);
    shards += " " + shard;
  }
  const auto merged = run_icbsim("merge " + (dir / "m.h5").string() + shards);
  INFO(merged.output);
  CHECK(merged.exit_code == 0);
  CHECK(merged.output.find("merged 3 shard(s), 120 tasks (0 failed)") != std::string::npos);
  CHECK(run_icbsim("run " + fixture + " --shard 3/3 -o " + (dir / "x.h5").string()).exit_code == 2);
  CHECK(run_icbsim("summary " + (dir / "m.h5").string()).output.find("trial report") != std::string::npos);
}

#ifndef ICBSIM_TEST_NO_MPI
// engine/cli/mpi_session.cpp: three MPI ranks write the same datasets as one process.
TEST_CASE("mpirun -n 3 icbsim run gives the single-process datasets", "[cli][mpi]") {
  const fs::path dir = fresh_folder("mpi");
  const std::string fixture = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml";
  REQUIRE(run_icbsim("run " + fixture + " -q -o " + (dir / "one.h5").string()).exit_code == 0);
  const auto three = run_command(mpirun_three() + " run " + fixture + " -q -o " + (dir / "three.h5").string());
  INFO(three.output);
  REQUIRE(three.exit_code == 0);
  CHECK(icbsim::testing::datasets(dir / "one.h5") == icbsim::testing::datasets(dir / "three.h5"));
  CHECK_FALSE(fs::exists((dir / "three.h5").string() + ".rank1.h5"));  // shards removed after the merge
}
#endif

// icbsim sweep: three MPI ranks and four merged shards give the single-process sweep, analysis
// included; a scenario without a sweep: section is refused.
TEST_CASE("icbsim sweep in one process on MPI ranks and in merged shards", "[cli][sweep]") {
  const fs::path dir = fresh_folder("sweep");
  const std::string fixture = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/sweeps/kuznetsov_cohort_sweep.yaml";
  const auto one = run_icbsim("sweep " + fixture + " -o " + (dir / "one.h5").string());
  INFO(one.output);
  REQUIRE(one.exit_code == 0);
  CHECK(one.output.find("sensitivity (/sweep/sensitivity)") != std::string::npos);
  CHECK(one.output.find("PRCC") != std::string::npos);
  std::string shards;
  for (int i = 0; i < 4; ++i) {
    const std::string shard = (dir / ("s" + std::to_string(i) + ".h5")).string();
    REQUIRE(run_icbsim("sweep " + fixture + " -q --shard " + std::to_string(i) + "/4 -o " + shard).exit_code == 0);
    shards += " " + shard;
  }
  REQUIRE(run_icbsim("merge " + (dir / "merged.h5").string() + shards).exit_code == 0);
  const auto whole = icbsim::testing::datasets(dir / "one.h5");
  REQUIRE(whole.count("sweep/sensitivity/reference/final:T/prcc") == 1);
  CHECK(whole == icbsim::testing::datasets(dir / "merged.h5"));
#ifndef ICBSIM_TEST_NO_MPI
  const auto three = run_command(mpirun_three() + " sweep " + fixture + " -q -o " + (dir / "three.h5").string());
  INFO(three.output);
  REQUIRE(three.exit_code == 0);
  CHECK(whole == icbsim::testing::datasets(dir / "three.h5"));
#endif
  const auto refused = run_icbsim("sweep " + std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml -o " +
                                  (dir / "x.h5").string());
  CHECK(refused.exit_code == 2);
  CHECK(refused.output.find("has no sweep: section") != std::string::npos);
}

namespace {
/// A 20,000-patient Kuznetsov cohort (long enough to interrupt after a second).
fs::path long_cohort(const fs::path& dir) {
  std::string scenario = read_text(std::string(ICBSIM_SOURCE_DIR) + "/benchmarks/scenarios/kuznetsov_cohort_1m.yaml");
  scenario.replace(scenario.find("size: 1000000"), 13, "size: 20000");
  const fs::path yaml = dir / "cohort.yaml";
  std::ofstream(yaml) << scenario;
  return yaml;
}
}  // namespace

// SIGINT: tasks in flight finish, the finished parts are kept in OUT.parts/, and --resume
// completes the run to the datasets of an uninterrupted one.
TEST_CASE("SIGINT keeps the finished tasks and --resume completes the run", "[cli][resume]") {
  const fs::path dir = fresh_folder("resume");
  const std::string yaml = long_cohort(dir).string();
  const std::string out = (dir / "run.h5").string();
  const auto interrupted =
      run_icbsim("run -q " + yaml + " -o " + out + " --part-size 4096 2>&1 & pid=$!; sleep 1; kill -INT $pid; wait $pid");
  INFO(interrupted.output);
  if (fs::exists(dir / "run.h5.parts")) {  // a very fast machine may finish within 1 s
    CHECK_FALSE(fs::exists(out));
    CHECK(interrupted.output.find("--resume") != std::string::npos);
    CHECK(run_icbsim("run -q " + yaml + " -o " + out).exit_code == 2);  // refuses to start over silently
    const auto resumed = run_icbsim("run -q " + yaml + " -o " + out + " --part-size 4096 --resume");
    INFO(resumed.output);
    CHECK(resumed.exit_code == 0);
    CHECK_FALSE(fs::exists(dir / "run.h5.parts"));
  }
  REQUIRE(run_icbsim("run -q " + yaml + " -o " + (dir / "whole.h5").string() + " --part-size 100000").exit_code == 0);
  CHECK(icbsim::testing::datasets(out) == icbsim::testing::datasets(dir / "whole.h5"));
}

// SIGKILL: nothing runs at exit, yet the parts finished before it survive and --resume completes
// the run to the datasets of an uninterrupted one.
TEST_CASE("a killed run resumed gives the datasets of an uninterrupted run", "[cli][resume]") {
  const fs::path dir = fresh_folder("killed");
  const std::string yaml = long_cohort(dir).string();
  const std::string out = (dir / "run.h5").string();
  run_icbsim("run -q " + yaml + " -o " + out + " --part-size 2048 2>&1 & pid=$!; sleep 1; kill -KILL $pid; wait $pid");
  if (!fs::exists(out)) {  // a very fast machine may finish within 1 s
    REQUIRE(fs::exists(dir / "run.h5.parts"));
    const auto resumed = run_icbsim("run -q " + yaml + " -o " + out + " --part-size 2048 --resume");
    INFO(resumed.output);
    CHECK(resumed.exit_code == 0);
  }
  REQUIRE(run_icbsim("run -q " + yaml + " -o " + (dir / "whole.h5").string() + " --part-size 100000").exit_code == 0);
  CHECK(icbsim::testing::datasets(out) == icbsim::testing::datasets(dir / "whole.h5"));
}

TEST_CASE("every shipped scenario in configs/scenarios and configs/trials validates and runs", "[cli][smoke]") {
  const fs::path dir = fresh_folder("shipped");
  const std::string folder = GENERATE(as<std::string>{}, "configs/scenarios", "configs/trials");
  for (const auto& entry : fs::directory_iterator(fs::path(ICBSIM_SOURCE_DIR) / folder)) {
    if (entry.path().extension() != ".yaml") continue;
    INFO(entry.path());
    const auto v = run_icbsim("validate " + entry.path().string());
    CHECK(v.exit_code == 0);
    // The first few tasks of each (cohorts are large; every task runs the same code); a scenario
    // of fewer tasks (--tasks past its end is refused) runs whole.
    const std::string run = "run " + entry.path().string() + " -q -o " + (dir / entry.path().stem()).string() + ".h5";
    auto r = run_icbsim(run + " --tasks 0:4");
    if (r.exit_code == 2 && r.output.find("goes past the scenario's") != std::string::npos) r = run_icbsim(run);
    INFO(r.output);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("exit codes: 2 for bad input, 1 for failed tasks, 0 for help and version", "[cli]") {
  const fs::path dir = fresh_folder("codes");
  const auto version = run_icbsim("--version");
  CHECK(version.exit_code == 0);
  // Version, commit and the versions of the libraries the build uses.
  CHECK(version.output.rfind("icbsim " + std::string(icbsim::build_info::kVersion) + " (commit ", 0) == 0);
  for (const char* library : {"Eigen 3.", "Boost 1.", "HDF5 1.", "yaml-cpp 0.", "CLI11 2.", "NLopt 2.", "OpenMP "})
    CHECK(version.output.find(library) != std::string::npos);
  CHECK(run_icbsim("--help").exit_code == 0);
  CHECK(run_icbsim("frobnicate").exit_code == 2);
  CHECK(run_icbsim("run /nonexistent.yaml").exit_code == 2);
  CHECK(run_icbsim("models --describe kuznetsov94").output.find("did you mean 'kuznetsov1994'") != std::string::npos);
  CHECK(run_icbsim("models --describe kuznetsov94").exit_code == 2);

  const fs::path failing = dir / "failing.yaml";
  std::ofstream(failing) << "model: kuznetsov1994\ntime: {end: 100 days}\nsolver: {max_steps: 3}\n";
  const auto r = run_icbsim("run " + failing.string() + " -o " + (dir / "f.h5").string());
  CHECK(r.exit_code == 1);
  CHECK(fs::exists(dir / "f.h5"));  // the failure is recorded in the file
}

TEST_CASE("no catalogued bad input leaves an output file behind", "[cli][bad-input]") {
  for (const auto& entry : fs::directory_iterator(fs::path(ICBSIM_SOURCE_DIR) / "tests/data/bad")) {
    if (entry.path().extension() != ".yaml") continue;
    const fs::path dir = fresh_folder("bad");
    const auto r = run_icbsim("run " + entry.path().string() + " -o " + (dir / "out.h5").string());
    INFO(entry.path() << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.rfind("error: " + entry.path().string(), 0) == 0);
    CHECK(fs::is_empty(dir));
  }
}

TEST_CASE("models --describe prints the parameter table with units and sources", "[cli]") {
  const auto r = run_icbsim("models --describe nikolopoulou2018");
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("K_TQ") != std::string::npos);
  CHECK(r.output.find("cm^3/(g*day)") != std::string::npos);
  CHECK(r.output.find("MODEL1908270001") != std::string::npos);
}

// engine/cli/checkpoint_command.cpp, branch_command.cpp: checkpoint, continue, branch.
TEST_CASE("icbsim checkpoint then run --from-checkpoint then branch", "[cli][checkpoint]") {
  const fs::path dir = fresh_folder("checkpoint");
  const std::string scenario = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/checkpoints/nsclc_pembrolizumab.yaml";
  const std::string checkpoint = (dir / "day84.h5").string();
  REQUIRE(run_icbsim("run -q " + scenario + " -o " + (dir / "straight.h5").string()).exit_code == 0);
  const auto saved = run_icbsim("checkpoint " + scenario + " --at '12 weeks' -o " + checkpoint);
  INFO(saved.output);
  REQUIRE(saved.exit_code == 0);
  CHECK(saved.output.find("checkpoint    day 84 of 1 task(s)") != std::string::npos);
  const auto restarted = run_icbsim("run --from-checkpoint " + checkpoint + " -o " + (dir / "restarted.h5").string());
  INFO(restarted.output);
  CHECK(restarted.exit_code == 0);
  CHECK(icbsim::testing::datasets(dir / "straight.h5") == icbsim::testing::datasets(dir / "restarted.h5"));
  // Naming the scenario checks that the checkpoint is of it.
  CHECK(run_icbsim("run " + scenario + " --from-checkpoint " + checkpoint + " -q -o " + (dir / "again.h5").string()).exit_code == 0);

  const auto branched = run_icbsim("branch " + checkpoint + " " + std::string(ICBSIM_SOURCE_DIR) +
                                   "/tests/data/checkpoints/branches.yaml -o " + (dir / "branches.h5").string());
  INFO(branched.output);
  CHECK(branched.exit_code == 0);
  CHECK(branched.output.find("tasks         3 (0 failed)") != std::string::npos);
  CHECK(branched.output.find("docetaxel") != std::string::npos);

  // Bad input: exit code 2, a clear message, no file.
  const auto outside = run_icbsim("checkpoint " + scenario + " --at '2 years' -o " + (dir / "late.h5").string());
  CHECK(outside.exit_code == 2);
  CHECK(outside.output.find("lies outside the run") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "late.h5"));
  const fs::path other = dir / "other.yaml";
  std::ofstream(other) << read_text(scenario) << "description: another patient\n";
  const auto mismatch = run_icbsim("run " + other.string() + " --from-checkpoint " + checkpoint + " -o " + (dir / "x.h5").string());
  CHECK(mismatch.exit_code == 2);
  CHECK(mismatch.output.find("was taken from another scenario") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.h5"));
  const auto not_checkpoint = run_icbsim("branch " + (dir / "straight.h5").string() + " " + other.string());
  CHECK(not_checkpoint.exit_code == 3);
  CHECK(not_checkpoint.output.find("is not an icbsim checkpoint file") != std::string::npos);
}

// engine/cli/summary_command.cpp: the stored trial report as JSON, CSV and Markdown; the JSON is
// checked with Python's json module against the stored text report.
TEST_CASE("icbsim summary --format json|csv|markdown renders the stored trial report", "[cli][report]") {
  const fs::path dir = fresh_folder("summary_formats");
  const std::string file = (dir / "c.h5").string();
  REQUIRE(run_icbsim("run -q " + std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml -o " + file)
              .exit_code == 0);
  const auto json = run_icbsim("summary --format json " + file + " > " + (dir / "report.json").string());
  REQUIRE(json.exit_code == 0);
  // Every group's n, ORR and median PFS in the JSON equal the numbers of the text report's row.
  const auto check = run_command(
      "/usr/bin/python3 -c \"import json,sys,h5py\n"
      "r=json.load(open(sys.argv[1])); text=h5py.File(sys.argv[2],'r').attrs['report']\n"
      "text=text.decode() if isinstance(text,bytes) else text\n"
      "for g in r['groups']:\n"
      "  k=1+len(g['group'].split())\n"
      "  row=[l.split() for l in text.splitlines() if l.split()[:k]==[g['arm']]+g['group'].split()][0]\n"
      "  assert int(row[k])==g['n'], (row,g['n'])\n"
      "  assert '%.1f'%(100*g['orr']['estimate']) in row, (row,g['orr'])\n"
      "print(len(r['groups']),'groups')\" " +
      (dir / "report.json").string() + " " + file);
  INFO(check.output);
  CHECK(check.exit_code == 0);
  const auto csv = run_icbsim("summary --format csv " + file);
  CHECK(csv.exit_code == 0);
  CHECK(csv.output.rfind("arm,group,n,failed,CR,PR,SD,PD,NE,orr,", 0) == 0);
  const auto markdown = run_icbsim("summary --format markdown " + file);
  CHECK(markdown.output.rfind("| arm | group | n |", 0) == 0);
  // A file without a trial report, and a format that does not exist.
  REQUIRE(run_icbsim("run -q -o " + (dir / "q.h5").string()).exit_code == 0);
  const auto none = run_icbsim("summary --format json " + (dir / "q.h5").string());
  CHECK(none.exit_code == 2);
  CHECK(none.output.find("holds no trial report") != std::string::npos);
  CHECK(run_icbsim("summary --format yaml " + file).exit_code == 2);
}

// engine/cli/models_command.cpp: --describe fits the terminal and has Markdown and JSON forms.
TEST_CASE("icbsim models --describe wraps to the terminal width and renders markdown and json", "[cli]") {
  const auto text = run_command("COLUMNS=80 " + std::string(ICBSIM_EXE) + " models --describe nsclc_icb");
  REQUIRE(text.exit_code == 0);
  std::size_t longest = 0, start = 0;
  while (start < text.output.size()) {
    const std::size_t end = text.output.find('\n', start);
    longest = std::max(longest, (end == std::string::npos ? text.output.size() : end) - start);
    start = end == std::string::npos ? text.output.size() : end + 1;
  }
  CHECK(longest <= 80);
  const auto markdown = run_icbsim("models --describe kuznetsov1994 --format markdown");
  CHECK(markdown.output.find("| `a` | 1/day | 0.18 | 0 | inf | maximal tumour growth rate |") != std::string::npos);
  const auto json =
      run_command(std::string(ICBSIM_EXE) +
                  " models --describe kuznetsov1994 --format json | /usr/bin/python3 -c \"import json,sys; "
                  "m=json.load(sys.stdin); print(len(m['parameters']), m['parameters'][5]['default'])\"");
  CHECK(json.output == "8 0.18\n");
}
