# Generates build_info.hpp with the version and the git commit of the source tree at configure time.
execute_process(COMMAND git rev-parse HEAD WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  OUTPUT_VARIABLE ICBSIM_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _git_rc)
if(NOT _git_rc EQUAL 0 OR ICBSIM_GIT_COMMIT STREQUAL "")
  set(ICBSIM_GIT_COMMIT "unknown")
else()
  execute_process(COMMAND git status --porcelain --untracked-files=no WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    OUTPUT_VARIABLE _git_dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT _git_dirty STREQUAL "")
    string(APPEND ICBSIM_GIT_COMMIT "-dirty")
  endif()
endif()
# The versions of the libraries this build uses, for `icbsim --version`.
set(ICBSIM_DEPENDENCIES "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}; Eigen ${Eigen3_VERSION}, Boost ${Boost_VERSION}, HDF5 ${HDF5_VERSION}, yaml-cpp ${yaml-cpp_VERSION}, CLI11 ${CLI11_VERSION}, NLopt ${NLopt_VERSION}, OpenMP ${OpenMP_CXX_VERSION}")
if(ICBSIM_WITH_MPI)
  string(REGEX REPLACE ",.*" "" _mpi_library "${MPI_CXX_LIBRARY_VERSION_STRING}")
  if(_mpi_library STREQUAL "")
    string(APPEND ICBSIM_DEPENDENCIES ", MPI ${MPI_CXX_VERSION}")
  else()
    string(APPEND ICBSIM_DEPENDENCIES ", ${_mpi_library} (MPI ${MPI_CXX_VERSION})")
  endif()
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/build_info.hpp.in ${PROJECT_BINARY_DIR}/generated/icbsim/build_info.hpp @ONLY)
