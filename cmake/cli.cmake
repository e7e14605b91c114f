# The parley command (build/parley) and its man page.
add_executable(parley
  src/cli/main.c
  src/cli/dict_opts.c
  src/cli/cmd_code.c
  src/cli/cmd_dict.c
  src/io/articles.c
  src/io/records.c
)
target_link_libraries(parley PRIVATE parley_static PkgConfig::JANSSON)
install(TARGETS parley parley_static parley_shared)
install(FILES include/parley.h DESTINATION include)
install(FILES docs/parley.1 DESTINATION share/man/man1)
