# Installs the libraries, their public headers and the icbsim executable, and exports icbsimTargets
# so another project can `find_package(icbsim)` and link icbsim::engine, icbsim::io, icbsim::app or
# any one folder's library (icbsim::core, icbsim::readout, ...).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

get_property(_icbsim_libraries GLOBAL PROPERTY ICBSIM_LIBRARIES)
install(TARGETS ${_icbsim_libraries} icbsim_engine icbsim_io icbsim_options icbsim
  EXPORT icbsimTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The headers of the libraries (not those of the executable).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/icbsim/engine
  FILES_MATCHING PATTERN "*.hpp" PATTERN "cli" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/icbsim/models
  FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/configs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icbsim/configs)
install(EXPORT icbsimTargets NAMESPACE icbsim:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icbsim)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/icbsimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/icbsimConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icbsim)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/icbsimConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/icbsimConfig.cmake ${PROJECT_BINARY_DIR}/icbsimConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindRandom123.cmake DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icbsim)
