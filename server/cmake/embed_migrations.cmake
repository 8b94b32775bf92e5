# Writes OUT: a C++ source holding every migrations/*.sql file as {version, name, sql}, sorted.
file(GLOB files "${DIR}/*.sql")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" sql)
  string(REGEX MATCH "^[0-9]+" version "${name}")
  # 0008 would be an (invalid) octal literal in C++: drop the leading zeros.
  string(REGEX REPLACE "^0+([0-9])" "\\1" version "${version}")
  string(APPEND body "  {${version}, \"${name}\", R\"SQLMIG(${sql})SQLMIG\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from server/migrations by cmake/embed_migrations.cmake. Do not edit.\n#include \"core/db/migrations.hpp\"\nnamespace sl::db {\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> kAll = {\n${body}  };\n  return kAll;\n}\n}  // namespace sl::db\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
