# Compiler warnings and sanitizers applied to every icbsim target through one interface target.
add_library(icbsim_options INTERFACE)
target_compile_options(icbsim_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
if(ICBSIM_WARNINGS_AS_ERRORS)
  target_compile_options(icbsim_options INTERFACE -Werror)
endif()
if(ICBSIM_SANITIZE)
  target_compile_options(icbsim_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(icbsim_options INTERFACE -fsanitize=address,undefined)
endif()
