#!/usr/bin/env bash
# Validates HttpClient.Nano.nuspec (CI runs it; HttpClient.Nano.Tests/Host/NuspecTests.cs makes the
# same checks in the host tests):
#   - the file is well-formed XML (xmllint, Debian package libxml2-utils);
#   - the metadata nanoFramework packages carry: id HttpClient.Nano, $version$, title, authors,
#     description, copyright, a license file, a readme, an icon, projectUrl, a git repository,
#     the tags, and no substitution token other than $version$, $commit$ and $repositoryUrl$;
#   - a flat lib\ folder with HttpClient.Nano.dll, .pe, .pdbx, .pdb and .xml;
#   - every file it names exists in the repository or is produced by a build:
#       .dll, .pdb, .xml   the nanoFramework build on Windows (HttpClient.Nano.nfproj, Release) writes
#                          them to HttpClient.Nano\bin\Release; on Linux the nano compile-check
#                          (build/NanoCheck/NanoCheck.Library.csproj) produces the same three files
#                          from the same sources against the device's mscorlib;
#       .pe, .pdbx         only the nanoFramework build on Windows: nanoFramework's MetadataProcessor
#                          turns the .dll into them, and it does not run on Linux;
#   - the dependencies equal HttpClient.Nano/packages.config (same ids, same exact versions).
# Usage: bash build/check-nuspec.sh [--built]
#   --built  also require the nano compile-check's HttpClient.Nano.dll/.pdb/.xml (run it after
#            dotnet build build/NanoCheck/NanoCheck.sln).
set -euo pipefail
cd "$(dirname "$0")/.."

nuspec=HttpClient.Nano.nuspec
packages_config=HttpClient.Nano/packages.config
nfproj=HttpClient.Nano/HttpClient.Nano.nfproj
require_built=false
[ "${1:-}" = "--built" ] && require_built=true

errors=0
fail() { echo "check-nuspec: $*" >&2; errors=$((errors + 1)); }

command -v xmllint >/dev/null 2>&1 || { echo "check-nuspec: xmllint missing (Debian package libxml2-utils; bash build/install-deps.sh)" >&2; exit 1; }
[ -f "$nuspec" ] || { echo "check-nuspec: $nuspec missing" >&2; exit 1; }
xmllint --noout "$nuspec" || { echo "check-nuspec: $nuspec is not well-formed XML" >&2; exit 1; }

# XPath over the nuspec, namespace-agnostic: meta NAME -> text of package/metadata/NAME.
el() { printf '/*[local-name()="package"]/*[local-name()="%s"]' "$1"; }
meta() { xmllint --xpath "string($(el metadata)/*[local-name()=\"$1\"])" "$nuspec"; }
meta_attr() { xmllint --xpath "string($(el metadata)/*[local-name()=\"$1\"]/@$2)" "$nuspec"; }
# Prints the values of attribute $2 of every element named $1, one a line.
attrs() { xmllint --xpath "//*[local-name()=\"$1\"]/@$2" "$nuspec" 2>/dev/null | sed -n 's/^ *'"$2"'="\(.*\)"$/\1/p'; }

# --- metadata ---
[ "$(meta id)" = "HttpClient.Nano" ] || fail "id must be HttpClient.Nano, is '$(meta id)'"
[ "$(meta version)" = '$version$' ] || fail "version must be \$version\$ (set by nuget pack -Properties)"
for name in title authors description copyright projectUrl; do
  [ -n "$(meta "$name" | tr -d '[:space:]')" ] || fail "metadata <$name> missing or empty"
done
[ "$(meta requireLicenseAcceptance)" = "false" ] || fail "requireLicenseAcceptance must be false"
[ "$(meta_attr license type)" = "file" ] || fail "license must be type=\"file\""
[ "$(meta_attr repository type)" = "git" ] || fail "repository type must be git"
[ -n "$(meta_attr repository url)" ] || fail "repository url missing"
[ -n "$(meta_attr repository commit)" ] || fail "repository commit missing"

expected_tags="C# client csharp esp32 http nanoFramework netmf netnf"
tags=$(meta tags | tr -s '[:space:]' '\n' | sed '/^$/d' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
[ "$tags" = "$expected_tags" ] || fail "tags must be 'nanoFramework C# csharp netmf netnf http client esp32', are '$(meta tags)'"

tokens=$(grep -o '\$[A-Za-z]*\$' "$nuspec" | LC_ALL=C sort -u | tr '\n' ' ')
for token in $tokens; do
  case "$token" in
    '$version$'|'$commit$'|'$repositoryUrl$') ;;
    *) fail "unknown substitution token $token (nuget pack knows only the -Properties it is given)" ;;
  esac
done

# --- files ---
# "src|target" pairs, paths with forward slashes.
pairs=$(xmllint --xpath "$(el files)/*[local-name()=\"file\"]" "$nuspec" \
  | sed -n 's/.*src="\([^"]*\)".*target="\([^"]*\)".*/\1|\2/p' | tr '\\' '/')
[ -n "$pairs" ] || fail "no <file> entries"

# Where each packaged path comes from (target with the file name when the target is a folder).
packaged=""
while IFS='|' read -r src target; do
  [ -n "$src" ] || continue
  base=${src##*/}
  case "$target" in
    "") dest=$base ;;
    */) dest=$target$base ;;
    *) if [ "${target##*/}" = "$base" ] || [ "${target##*.}" != "$target" ]; then dest=$target; else dest=$target/$base; fi ;;
  esac
  packaged="$packaged $dest"

  if [ -f "$src" ]; then
    origin="repository"
  else
    case "$src" in
      HttpClient.Nano/bin/Release/HttpClient.Nano.dll|HttpClient.Nano/bin/Release/HttpClient.Nano.pdb|HttpClient.Nano/bin/Release/HttpClient.Nano.xml)
        origin="build: nanoFramework (Windows) and the nano compile-check (Linux)" ;;
      HttpClient.Nano/bin/Release/HttpClient.Nano.pe|HttpClient.Nano/bin/Release/HttpClient.Nano.pdbx)
        origin="build: nanoFramework MetadataProcessor (Windows only)" ;;
      *) origin=""; fail "$src is neither in the repository nor produced by a build" ;;
    esac
  fi
  [ -n "$origin" ] && printf '  %-48s -> %-32s %s\n' "$src" "$dest" "$origin"
done <<< "$pairs"

for ext in dll pe pdbx pdb xml; do
  case " $packaged " in
    *" lib/HttpClient.Nano.$ext "*) ;;
    *) fail "lib/HttpClient.Nano.$ext missing (flat lib/ folder, nanoFramework layout)" ;;
  esac
done
for dest in $packaged; do
  case "$dest" in lib/*/*) fail "$dest: lib/ must be flat (nanoFramework packages have no target-framework folder)" ;; esac
done
for name in license readme icon; do
  value=$(meta "$name" | tr '\\' '/')
  case " $packaged " in
    *" $value "*) ;;
    *) fail "<$name> names $value, which no <file> packages" ;;
  esac
done

# The build paths above are what HttpClient.Nano.nfproj writes.
nf() { xmllint --xpath "string(//*[local-name()=\"$1\"])" "$nfproj"; }
[ "$(nf AssemblyName)" = "HttpClient.Nano" ] || fail "$nfproj: AssemblyName must be HttpClient.Nano"
[ "$(nf DocumentationFile | tr '\\' '/')" = 'bin/$(Configuration)/HttpClient.Nano.xml' ] \
  || fail "$nfproj: DocumentationFile must be bin\\\$(Configuration)\\HttpClient.Nano.xml"

if $require_built; then
  for ext in dll pdb xml; do
    ls build/NanoCheck/bin/*/netstandard2.0/HttpClient.Nano.$ext >/dev/null 2>&1 \
      || fail "HttpClient.Nano.$ext not produced by the nano compile-check (dotnet build build/NanoCheck/NanoCheck.sln)"
  done
fi

# --- dependencies ---
nuspec_deps=$(paste -d' ' <(attrs dependency id) <(attrs dependency version) | LC_ALL=C sort)
config_deps=$(grep '<package ' "$packages_config" | grep -v 'developmentDependency="true"' \
  | sed -n 's/.*id="\([^"]*\)".*version="\([^"]*\)".*/\1 \2/p' | LC_ALL=C sort)
if [ "$nuspec_deps" != "$config_deps" ]; then
  fail "dependencies differ from $packages_config:"
  diff <(echo "$config_deps") <(echo "$nuspec_deps") | sed -n 's/^</  packages.config:/p; s/^>/  nuspec:         /p' >&2 || true
fi

if [ "$errors" -ne 0 ]; then
  echo "check-nuspec: $errors problem(s) in $nuspec" >&2
  exit 1
fi
echo "$nuspec OK: metadata, flat lib/, $(echo "$nuspec_deps" | wc -l) dependencies = $packages_config"
