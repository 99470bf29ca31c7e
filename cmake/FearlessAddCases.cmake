# fearless_add_cases(NAME <name> CASES <dir> EXPECTED <dir>
#                    [INCLUDE <dir>...] [COMPILERS <cmd>...] [FLAGS <flag>...]
#                    [TIMEOUT <seconds>] [ROOT <dir>])
#
# Registers one CTest test per case and compiler, named
# <name>/<topic>/<case>[.<revision>]/<compiler-label> and labelled fearless;<name>;<mode>,
# so that ctest -R, -L, --rerun-failed, -j N and IDE test explorers work per
# case. A test runs fearless-check on exactly its case with exactly its
# compiler; a failure prints the diff and how to bless. The target
# <name>_bless blesses the whole suite with every compiler.
#
# The job list comes from `fearless-check --list-tsv` at configure time; the
# case glob is CONFIGURE_DEPENDS, so adding or removing a case re-runs the
# configure step at the next build. Cases are named relative to ROOT
# (default: the calling CMakeLists.txt's folder) in reports and snapshots.
# COMPILERS defaults to every supported compiler fearless-check finds.
# Relative folders are taken from the calling CMakeLists.txt's folder.
function(fearless_add_cases)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;CASES;EXPECTED;TIMEOUT;ROOT" "INCLUDE;COMPILERS;FLAGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "fearless_add_cases: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required NAME CASES EXPECTED)
    if(NOT arg_${required})
      message(FATAL_ERROR "fearless_add_cases: ${required} is required")
    endif()
  endforeach()
  if(NOT TARGET fearless::check)
    message(FATAL_ERROR "fearless_add_cases: no fearless::check target (find_package(fearless CONFIG REQUIRED) first)")
  endif()

  set(name "${arg_NAME}")
  set(root "${CMAKE_CURRENT_SOURCE_DIR}")
  if(arg_ROOT)
    get_filename_component(root "${arg_ROOT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  get_filename_component(cases "${arg_CASES}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(expected "${arg_EXPECTED}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT IS_DIRECTORY "${cases}")
    message(FATAL_ERROR "fearless_add_cases(${name}): CASES folder ${cases} does not exist")
  endif()

  # Results and precompiled headers of every test of the build tree, shared under a lock.
  set(common --root "${root}" --cases "${cases}" --expected "${expected}"
      --cache-dir "${CMAKE_BINARY_DIR}/fearless-check-cache")
  foreach(dir IN LISTS arg_INCLUDE)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND common -I "${dir}")
  endforeach()
  foreach(flag IN LISTS arg_FLAGS)
    list(APPEND common "--flag=${flag}")
  endforeach()
  if(arg_TIMEOUT)
    list(APPEND common --timeout "${arg_TIMEOUT}")
  endif()
  set(compilers "")
  foreach(cxx IN LISTS arg_COMPILERS)
    list(APPEND compilers --compiler "${cxx}")
  endforeach()

  # Adding or removing a case re-runs the configure step, and with it the listing.
  file(GLOB_RECURSE case_files CONFIGURE_DEPENDS "${cases}/*.cpp")

  get_target_property(exe fearless::check LOCATION)
  execute_process(COMMAND "${exe}" ${common} ${compilers} --list-tsv
                  WORKING_DIRECTORY "${root}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE listing ERROR_VARIABLE errors)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fearless_add_cases(${name}): fearless-check --list-tsv failed (${rc}):\n${errors}")
  endif()

  set(bless_hint "cmake --build ${CMAKE_BINARY_DIR} --target ${name}_bless")
  string(REPLACE "\n" ";" lines "${listing}")
  set(pch "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "")
      continue()
    endif()
    # "#pch<TAB>HEADER": what the jobs below precompile in a run of the whole suite; a test of one case names it.
    if(line MATCHES "^#pch\t(.*)$")
      set(pch "--pch=${CMAKE_MATCH_1}")
      continue()
    endif()
    # case file, topic/name, shown name, compiler command, compiler label, mode, skip reason
    string(REPLACE "\t" ";" field "${line}")
    list(GET field 0 file)
    list(GET field 1 id)
    list(GET field 2 shown)
    list(GET field 3 cxx)
    list(GET field 4 label)
    list(GET field 5 mode)
    list(LENGTH field n)
    set(skip "")
    if(n GREATER 6)
      list(GET field 6 skip)
    endif()
    if(NOT skip STREQUAL "")
      continue()  # `//@ only:` rules this compiler out
    endif()
    if(mode STREQUAL "malformed")
      set(test "${name}/${id}/malformed")
      set(which ${compilers})
    else()
      set(test "${name}/${id}/${label}")
      set(which --compiler "${cxx}")
    endif()
    # A revision (shown as "cases/x.cpp[bad]", id "x.bad") runs alone: its file holds the others too.
    if(shown MATCHES "\\]$")
      list(APPEND which "--filter=${shown}")
    endif()
    add_test(NAME "${test}"
             COMMAND fearless::check ${common} ${which} ${pch} -j 1 "--bless-hint=${bless_hint}" "${file}"
             WORKING_DIRECTORY "${root}")
    set_tests_properties("${test}" PROPERTIES LABELS "fearless;${name};${mode}" ENVIRONMENT "NO_COLOR=1")
  endforeach()

  add_custom_target(${name}_bless
    COMMAND fearless::check ${common} ${compilers} --bless
    WORKING_DIRECTORY "${root}"
    COMMENT "fearless-check: blessing ${name}'s expected files"
    USES_TERMINAL VERBATIM)
endfunction()
