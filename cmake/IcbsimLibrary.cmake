# icbsim_add_library(NAME SOURCES ... [PUBLIC deps...] [PRIVATE deps...]): the static library of one
# engine folder, `icbsim_NAME` with alias `icbsim::NAME`, headers found from the project root
# ("engine/<folder>/x.hpp"). Its PUBLIC dependencies are the folders below it in the architecture
# (docs/architecture.md), so the linker refuses a call that goes up a layer.
function(icbsim_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(icbsim_${name} STATIC ${ARG_SOURCES})
  add_library(icbsim::${name} ALIAS icbsim_${name})
  set_target_properties(icbsim_${name} PROPERTIES EXPORT_NAME ${name})
  target_include_directories(icbsim_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/icbsim>)
  target_link_libraries(icbsim_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE} $<BUILD_INTERFACE:icbsim_options>)
  set_property(GLOBAL APPEND PROPERTY ICBSIM_LIBRARIES icbsim_${name})
endfunction()
