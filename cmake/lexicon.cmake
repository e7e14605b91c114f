# parley: the English lexicon (src/lex), built at build time from
#   - the Brill tagger lexicon, npm package brill@3.1.0 (installed into <build>/npm at configure
#     time, or taken from PARLEY_BRILL_DIR), dumped to TSV by tools/brill_dump.mjs (node);
#   - WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet);
#   - data/lexicon/closed.txt (closed-class words).
# tools/lexgen.c (a host tool) turns them into <build>/lexicon/lexicon.bin, which
# src/lex/lexicon_blob.S embeds with .incbin.
#
# Defines: parley_lex  STATIC library (PIC), public include dirs src/lex and src
#                      (#include "lexicon.h" or "lex/lexicon.h")
#          parley_lexgen host tool;  parley_lexicon_bin custom target (the blob)
# Cache:   PARLEY_WORDNET_DIR  (default /usr/share/wordnet)
#          PARLEY_BRILL_DIR    (an installed brill package dir; default: npm install into the build)

set(PARLEY_WORDNET_DIR "/usr/share/wordnet" CACHE PATH
    "WordNet 3.0 dict directory (Debian package wordnet-base)")
set(PARLEY_BRILL_DIR "" CACHE PATH
    "Directory of an installed npm brill@3.1.0 package (empty: npm install it into the build dir)")
set(PARLEY_BRILL_VERSION "3.1.0")

# ---- inputs: fail early, naming what to install
set(_parley_wn_files)
foreach(_f index.noun index.verb index.adj index.adv noun.exc verb.exc adj.exc adv.exc)
  if(NOT EXISTS "${PARLEY_WORDNET_DIR}/${_f}")
    message(FATAL_ERROR
      "parley lexicon: WordNet file ${PARLEY_WORDNET_DIR}/${_f} is missing.\n"
      "Install the Debian package 'wordnet-base' (apt-get install wordnet-base), "
      "or point -DPARLEY_WORDNET_DIR=<dir> at a WordNet 3.0 dict directory.")
  endif()
  list(APPEND _parley_wn_files "${PARLEY_WORDNET_DIR}/${_f}")
endforeach()

set(_parley_closed "${PROJECT_SOURCE_DIR}/data/lexicon/closed.txt")
if(NOT EXISTS "${_parley_closed}")
  message(FATAL_ERROR "parley lexicon: ${_parley_closed} is missing (it is part of the source tree).")
endif()

find_program(PARLEY_NODE NAMES node nodejs)
if(NOT PARLEY_NODE)
  message(FATAL_ERROR
    "parley lexicon: 'node' not found. Install the Debian package 'nodejs' (apt-get install nodejs).")
endif()

function(_parley_brill_version dir out)
  set(${out} "" PARENT_SCOPE)
  if(EXISTS "${dir}/package.json")
    file(READ "${dir}/package.json" _json)
    string(JSON _name ERROR_VARIABLE _err GET "${_json}" name)
    string(JSON _ver ERROR_VARIABLE _err GET "${_json}" version)
    if(_name STREQUAL "brill")
      set(${out} "${_ver}" PARENT_SCOPE)
    endif()
  endif()
endfunction()

if(PARLEY_BRILL_DIR)
  set(_parley_brill_dir "${PARLEY_BRILL_DIR}")
  _parley_brill_version("${_parley_brill_dir}" _ver)
  if(NOT _ver STREQUAL PARLEY_BRILL_VERSION)
    message(FATAL_ERROR
      "parley lexicon: PARLEY_BRILL_DIR=${PARLEY_BRILL_DIR} is not the npm package "
      "brill@${PARLEY_BRILL_VERSION} (found '${_ver}'). "
      "Install it with: npm install --prefix <dir> brill@${PARLEY_BRILL_VERSION}")
  endif()
else()
  set(_parley_npm_prefix "${CMAKE_BINARY_DIR}/npm")
  set(_parley_brill_dir "${_parley_npm_prefix}/node_modules/brill")
  _parley_brill_version("${_parley_brill_dir}" _ver)
  if(NOT _ver STREQUAL PARLEY_BRILL_VERSION)
    find_program(PARLEY_NPM NAMES npm)
    if(NOT PARLEY_NPM)
      message(FATAL_ERROR
        "parley lexicon: 'npm' not found; it is needed to fetch the npm package "
        "brill@${PARLEY_BRILL_VERSION}. Install the Debian package 'npm' (apt-get install npm), "
        "or set -DPARLEY_BRILL_DIR=<dir of an installed brill@${PARLEY_BRILL_VERSION}>.")
    endif()
    message(STATUS "parley lexicon: npm install brill@${PARLEY_BRILL_VERSION} into ${_parley_npm_prefix}")
    execute_process(
      COMMAND "${PARLEY_NPM}" install --prefix "${_parley_npm_prefix}"
              "brill@${PARLEY_BRILL_VERSION}" --no-audit --no-fund --prefer-offline
      RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
    _parley_brill_version("${_parley_brill_dir}" _ver)
    if(NOT _rc EQUAL 0 OR NOT _ver STREQUAL PARLEY_BRILL_VERSION)
      message(FATAL_ERROR
        "parley lexicon: 'npm install brill@${PARLEY_BRILL_VERSION}' failed (exit ${_rc}):\n${_out}\n"
        "It needs network access or an npm cache holding the npm package brill@${PARLEY_BRILL_VERSION}; "
        "alternatively set -DPARLEY_BRILL_DIR=<dir of an installed brill@${PARLEY_BRILL_VERSION}>.")
    endif()
  endif()
endif()

# ---- build-time generation
set(_parley_lex_out "${CMAKE_BINARY_DIR}/lexicon")
file(MAKE_DIRECTORY "${_parley_lex_out}")

add_custom_command(
  OUTPUT "${_parley_lex_out}/brill.tsv"
  COMMAND "${PARLEY_NODE}" "${PROJECT_SOURCE_DIR}/tools/brill_dump.mjs"
          "${_parley_brill_dir}" "${_parley_lex_out}/brill.tsv"
  DEPENDS "${PROJECT_SOURCE_DIR}/tools/brill_dump.mjs" "${_parley_brill_dir}/package.json"
  COMMENT "Dumping the Brill lexicon (npm brill@${PARLEY_BRILL_VERSION})"
  VERBATIM)

# Host tool (not cross-compiled; parley is built natively).
add_executable(parley_lexgen "${PROJECT_SOURCE_DIR}/tools/lexgen.c")
target_include_directories(parley_lexgen PRIVATE "${PROJECT_SOURCE_DIR}/src/lex")

add_custom_command(
  OUTPUT "${_parley_lex_out}/lexicon.bin"
  COMMAND parley_lexgen "${_parley_lex_out}/brill.tsv" "${PARLEY_WORDNET_DIR}"
          "${_parley_closed}" "${_parley_lex_out}/lexicon.bin"
  DEPENDS parley_lexgen "${_parley_lex_out}/brill.tsv" "${_parley_closed}" ${_parley_wn_files}
  COMMENT "Building the English lexicon blob"
  VERBATIM)
add_custom_target(parley_lexicon_bin DEPENDS "${_parley_lex_out}/lexicon.bin")

# ---- the library
add_library(parley_lex STATIC
  "${PROJECT_SOURCE_DIR}/src/lex/lexicon.c"
  "${PROJECT_SOURCE_DIR}/src/lex/lexicon_blob.S")
set_target_properties(parley_lex PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(parley_lex PUBLIC
  "${PROJECT_SOURCE_DIR}/src/lex" "${PROJECT_SOURCE_DIR}/src")
set_source_files_properties("${PROJECT_SOURCE_DIR}/src/lex/lexicon_blob.S" PROPERTIES
  COMPILE_DEFINITIONS "PARLEY_LEXICON_BIN=\"${_parley_lex_out}/lexicon.bin\""
  OBJECT_DEPENDS "${_parley_lex_out}/lexicon.bin")
add_dependencies(parley_lex parley_lexicon_bin)
