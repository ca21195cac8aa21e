# Shared by the benchmark scripts: install what they need, publish the command as a native
# (ahead-of-time compiled) binary, the way to deploy it for speed, and define MAINSTAY (the
# command), WORK (a scratch folder removed on exit) and median.
bash scripts/setup.sh
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dotnet publish src/Mainstay.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$WORK/bin" --verbosity quiet --nologo >/dev/null
MAINSTAY=("$WORK/bin/mainstay")
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
