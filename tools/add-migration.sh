#!/usr/bin/env bash
# Adds a migration to a context for each database provider, in <migrations-dir>/Sqlite and <migrations-dir>/PostgreSql.
# Usage: tools/add-migration.sh <project-dir> <Context> <migrations-dir (relative to the project)> <Name> [sqlite|postgresql|both]
# The context needs a design-time factory in tools/Modular.DesignTime/DesignTimeContexts.cs.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$1 context=$2 dir=$3 name=$4 which=${5:-both}
build=""
add() { # provider folder
  dotnet ef migrations add "$name" --project "$project" --startup-project tools/Modular.DesignTime \
    --context "$context" --output-dir "$dir/$2" $build -- --provider "$1"
  build="--no-build"
}
if [[ $which != postgresql ]]; then add sqlite Sqlite; fi
if [[ $which != sqlite ]]; then
  pg_snapshot="$project/$dir/PostgreSql/${context}PostgreSqlModelSnapshot.cs"
  if [[ -f $pg_snapshot ]]; then
    add postgresql PostgreSql
  else
    # First PostgreSQL migration: EF writes its snapshot over any file called <Context>ModelSnapshot.cs, so the
    # SQLite snapshot steps aside, and the new one takes a name of its own (EF reuses that name from then on).
    sqlite_snapshot=$(find "$project" -name "${context}ModelSnapshot.cs" -not -path "*/obj/*" -not -path "*/bin/*" | head -1)
    aside=$(mktemp)
    [[ -n $sqlite_snapshot ]] && mv "$sqlite_snapshot" "$aside"
    trap '[[ -n ${sqlite_snapshot:-} && -f $aside ]] && mv "$aside" "$sqlite_snapshot"' EXIT
    add postgresql PostgreSql
    generated="$project/$dir/PostgreSql/${context}ModelSnapshot.cs"
    sed "s/partial class ${context}ModelSnapshot/partial class ${context}PostgreSqlModelSnapshot/" "$generated" > "$pg_snapshot"
    rm "$generated"
    if [[ -n $sqlite_snapshot ]]; then mv "$aside" "$sqlite_snapshot"; fi
    trap - EXIT
  fi
fi
