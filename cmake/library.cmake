# libparley: static and shared libraries built from the same objects.
set(PARLEY_LIB_SOURCES
  src/util/arena.c
  src/util/intern.c
  src/util/textbuf.c
  src/text/token.c
  src/syntax/syntax.c
  src/syntax/words.c
  src/dict/dict.c
  src/dict/own_reader.c
  src/dict/loaders.c
  src/dict/detect.c
  src/dict/petr_reader.c
  src/dict/tabari_reader.c
  src/code/actors.c
  src/code/patterns.c
  src/code/quotes.c
  src/code/dates.c
  src/code/wordcache.c
  src/code/coder.c
  src/code/tabari.c
  src/code/load.c
  src/code/check.c
)
foreach(_opt ${PARLEY_EXTRA_LIB_SOURCES})
  list(APPEND PARLEY_LIB_SOURCES ${_opt})
endforeach()

add_library(parley_objs OBJECT ${PARLEY_LIB_SOURCES})
set_target_properties(parley_objs PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(parley_objs PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(parley_objs PRIVATE PARLEY_DATA_DIR="${PROJECT_SOURCE_DIR}/data")
target_link_libraries(parley_objs PUBLIC parley_lex PkgConfig::UTF8PROC PkgConfig::LIBXML2)

add_library(parley_static STATIC $<TARGET_OBJECTS:parley_objs>)
set_target_properties(parley_static PROPERTIES OUTPUT_NAME parley)
target_link_libraries(parley_static PUBLIC parley_lex PkgConfig::UTF8PROC PkgConfig::LIBXML2 Threads::Threads)
target_include_directories(parley_static PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)

add_library(parley_shared SHARED $<TARGET_OBJECTS:parley_objs>)
set_target_properties(parley_shared PROPERTIES OUTPUT_NAME parley VERSION ${PROJECT_VERSION} SOVERSION 0)
target_link_libraries(parley_shared PRIVATE parley_lex PkgConfig::UTF8PROC PkgConfig::LIBXML2)
