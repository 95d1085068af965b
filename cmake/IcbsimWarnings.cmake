# Compiler warnings and sanitizers applied to every icbsim target through one interface target.
add_library(icbsim_options INTERFACE)
target_compile_options(icbsim_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
# GCC 12 reports -Wrestrict false positives inside libstdc++'s std::string concatenation at -O2/-O3
# (GCC bug 105329, fixed in GCC 13); the check is off for that compiler only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(icbsim_options INTERFACE -Wno-restrict)
endif()
if(ICBSIM_WARNINGS_AS_ERRORS)
  target_compile_options(icbsim_options INTERFACE -Werror)
endif()
if(ICBSIM_SANITIZE)
  target_compile_options(icbsim_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(icbsim_options INTERFACE -fsanitize=address,undefined)
endif()
if(ICBSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ICBSIM_FUZZ needs clang (libFuzzer): use the `fuzz` preset")
  endif()
  # Coverage for libFuzzer in every library; the harnesses link the fuzzer's main (fuzz/).
  target_compile_options(icbsim_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(icbsim_options INTERFACE -fsanitize=address,undefined)
endif()
