# Readers and writers of the CLI's file formats (src/io), used by the parley command and tests.
add_library(parley_io STATIC
  src/io/articles.c
  src/io/records.c
  src/io/petr_records.c
  src/io/tabari_records.c
)
target_link_libraries(parley_io PUBLIC parley_static PkgConfig::JANSSON PkgConfig::LIBXML2)

# The event database (src/store, SQLite): coded records in; queries, statistics, exports out.
add_library(parley_store STATIC
  src/store/schema.c
  src/store/store.c
  src/store/query.c
  src/store/export.c
  src/store/filter.c
)
target_include_directories(parley_store PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(parley_store PUBLIC parley_io PkgConfig::SQLITE3 PkgConfig::JANSSON)

# parley serve: the HTTP API and the dashboard (src/serve, libmicrohttpd); the dashboard's files
# are embedded in the binary by assets_blob.S.
pkg_check_modules(MICROHTTPD REQUIRED IMPORTED_TARGET libmicrohttpd)
add_library(parley_serve STATIC
  src/serve/api.c
  src/serve/assets.c
  src/serve/assets_blob.S
  src/serve/rows_json.c
  src/serve/server.c
)
set_source_files_properties(src/serve/assets_blob.S PROPERTIES
  COMPILE_OPTIONS "-Wa,-I${PROJECT_SOURCE_DIR}/src/serve/dashboard"
  OBJECT_DEPENDS "${PROJECT_SOURCE_DIR}/src/serve/dashboard/index.html;${PROJECT_SOURCE_DIR}/src/serve/dashboard/app.js;${PROJECT_SOURCE_DIR}/src/serve/dashboard/style.css")
target_link_libraries(parley_serve PUBLIC parley_store PkgConfig::MICROHTTPD Threads::Threads m)

# The parley command (build/parley) and its man page.
add_executable(parley
  src/cli/main.c
  src/cli/dict_opts.c
  src/cli/cmd_code.c
  src/cli/cmd_dict.c
  src/cli/cmd_validate.c
  src/cli/cmd_ingest.c
  src/cli/cmd_query.c
  src/cli/cmd_serve.c
  src/cli/progress.c
)
target_link_libraries(parley PRIVATE parley_io parley_store parley_serve)
install(TARGETS parley parley_static parley_shared)
install(FILES include/parley.h DESTINATION include)
install(FILES docs/parley.1 DESTINATION share/man/man1)
