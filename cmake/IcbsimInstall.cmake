# Installs the libraries, headers and the icbsim executable, and exports icbsimTargets so another
# project can `find_package(icbsim)` and link icbsim::engine / icbsim::io.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS icbsim_engine icbsim_io icbsim_models icbsim_options icbsim
  EXPORT icbsimTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/engine/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/icbsim/engine
  FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/models/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/icbsim/models
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${CMAKE_BINARY_DIR}/generated/icbsim/build_info.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/icbsim)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/configs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icbsim/configs)
install(EXPORT icbsimTargets NAMESPACE icbsim:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icbsim)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/icbsimConfig.cmake.in
  ${CMAKE_BINARY_DIR}/icbsimConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icbsim)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/icbsimConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/icbsimConfig.cmake ${CMAKE_BINARY_DIR}/icbsimConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icbsim)
