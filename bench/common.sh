# Shared by the benchmark scripts: install what they need, build the command in Release, and
# define MAINSTAY (the command), WORK (a scratch folder removed on exit) and median.
bash scripts/setup.sh
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
dotnet build src/Mainstay.Cli -c Release --verbosity quiet --nologo
MAINSTAY=(dotnet src/Mainstay.Cli/bin/Release/net10.0/mainstay.dll)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
