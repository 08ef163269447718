#!/usr/bin/env bash
# Adds a migration to a context for each database provider, in <migrations-dir>/Sqlite and <migrations-dir>/PostgreSql.
# Usage: tools/add-migration.sh <project-dir> <Context> <migrations-dir (relative to the project)> <Name> [sqlite|postgresql|both]
# The context needs a design-time factory in tools/Modular.DesignTime/DesignTimeContexts.cs.
#
# Each provider's snapshot has a class and file name of its own, <Context>SqliteModelSnapshot and
# <Context>PostgreSqlModelSnapshot, in the namespace of its folder (how the host tells the sets apart). EF names a first
# snapshot <Context>ModelSnapshot and writes over any file of that name in the project, so no file may keep that name:
# the script refuses to start while one exists and renames the one EF writes.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$1 context=$2 dir=$3 name=$4 which=${5:-both}
generic="${context}ModelSnapshot"
stray=$(find "$project" -name "$generic.cs" -not -path "*/obj/*" -not -path "*/bin/*")
if [[ -n $stray ]]; then
  echo "Refused: $stray is named $generic; EF would write another provider's snapshot over it." >&2
  echo "Rename it (file and class) to ${context}<Sqlite|PostgreSql>ModelSnapshot after the folder it is in, then run again." >&2
  exit 2
fi
build=""
add() { # provider folder
  dotnet ef migrations add "$name" --project "$project" --startup-project tools/Modular.DesignTime \
    --context "$context" --output-dir "$dir/$2" $build -- --provider "$1"
  build="--no-build"
  # A first migration of this provider: its snapshot takes the provider's name.
  local written="$project/$dir/$2/$generic.cs"
  if [[ -f $written ]]; then
    sed "s/partial class $generic\b/partial class ${context}$2ModelSnapshot/" "$written" > "$project/$dir/$2/${context}$2ModelSnapshot.cs"
    rm "$written"
  fi
}
if [[ $which != postgresql ]]; then add sqlite Sqlite; fi
if [[ $which != sqlite ]]; then add postgresql PostgreSql; fi
