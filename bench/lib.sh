# Shared by the benchmark scripts: a throwaway PostgreSQL cluster on loopback, installed from
# Debian's packages when missing. Source it; it expects BENCH_WORK (a scratch directory).
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
PG_USER=parley
PG_PASSWORD=parley
PG_DB=parley

apt_install() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "need root to apt-get install $*" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        echo "Installing PostgreSQL (Debian)" >&2
        apt_install postgresql postgresql-contrib
    fi
    dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"
}

# initdb refuses to run as root; the cluster belongs to the postgres user Debian creates.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Starts the cluster a previous run left in $BENCH_WORK/pgdata; returns 1 when there is none.
pg_restart_existing() {
    PG_DATA="$BENCH_WORK/pgdata"
    [ -f "$PG_DATA/PG_VERSION" ] || return 1
    PG_BIN="$(pg_bin)"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$BENCH_WORK/postgres.log" -w start >/dev/null
    export PG_BIN PG_DATA
    export PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
    trap pg_stop_quietly EXIT
}

pg_start() {
    local bin
    bin="$(pg_bin)"
    PG_DATA="$BENCH_WORK/pgdata"
    pg_stop_quietly
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres "$BENCH_WORK" "$PG_DATA"
    as_postgres "$bin/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 200
shared_buffers = 512MB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$BENCH_WORK/postgres.log" -w start >/dev/null
    psql_admin -c "create role $PG_USER login password '$PG_PASSWORD'" >/dev/null
    psql_admin -c "create database $PG_DB owner $PG_USER" >/dev/null
    psql_admin -d "$PG_DB" -c "create extension pg_stat_statements" >/dev/null
    PG_BIN="$bin"
    export PG_BIN PG_DATA
    export PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
    trap pg_stop_quietly EXIT
}

pg_stop_quietly() {
    if [ -n "${PG_DATA:-}" ] && [ -f "${PG_DATA}/postmaster.pid" ]; then
        as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

psql_admin() {
    PGPASSWORD= psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

psql_app() {
    PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"
}

# Migrates the cluster with the packaged application's own Flyway migrations (started in $1 on
# ports $MIGRATE_HTTP_PORT/$MIGRATE_MANAGEMENT_PORT, default 18080/19080, until ready), then loads bench/dataset.sql (or
# the dataset file $2) and writes its row counts to $BENCH_WORK/dataset.txt.
migrate_and_load_dataset() {
    parley_env
    echo "Migrating with Parley's Flyway migrations"
    local http="${MIGRATE_HTTP_PORT:-18080}" management="${MIGRATE_MANAGEMENT_PORT:-19080}"
    (cd "$1" && PARLEY_JSON_LOGS=false QUARKUS_HTTP_PORT="$http" PARLEY_MANAGEMENT_PORT="$management" \
        exec java -jar quarkus-run.jar) > "$BENCH_WORK/migrate.log" 2>&1 &
    local migrating=$!
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "http://127.0.0.1:$management/q/health/ready" 2>/dev/null && break
        sleep 1
    done
    kill "$migrating"; wait "$migrating" || true
    echo "Loading the synthetic dataset"
    psql_admin -d "$PG_DB" -f "${2:-bench/dataset.sql}" >/dev/null
    psql_admin -d "$PG_DB" -Atc "select 'people ' || (select count(*) from person) || ', tracks ' || (select count(*) from track)
        || ', talks ' || (select count(*) from talk) || ', participants ' || (select count(*) from talk_participant)
        || ', outcomes ' || (select count(*) from outcome) || ', statements ' || (select count(*) from statement)
        || ', sources ' || (select count(*) from source) || ', citations ' || (select count(*) from citation)" | tee "$BENCH_WORK/dataset.txt"
}

# The environment the packaged application reads in production.
parley_env() {
    export QUARKUS_DATASOURCE_JDBC_URL="$PG_URL"
    export QUARKUS_DATASOURCE_USERNAME="$PG_USER"
    export QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD"
}

machine_description() {
    echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr)"
}

# ---- the production JVM packaging (issue 15, docs/cold-start.md)

# A JDK 25 (JDK25=/path overrides), or nothing: the AOT cache needs one, CI's default JDK is 17.
find_jdk25() {
    local jdk="${JDK25:-$(ls -d /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* 2>/dev/null | head -1)}"
    if [ -n "$jdk" ] && [ -x "$jdk/bin/java" ]; then echo "$jdk"; fi
}

# Packages Parley as the image ships it (pom.xml profile "aot") and copies it to $2: the aot-jar
# with the JDK 25 AOT cache trained while the @QuarkusIntegrationTests serve real GraphQL
# requests on a real PostgreSQL. $1 is the JDK 25. The tests listen on BENCH_TEST_HTTP_PORT and
# BENCH_TEST_MANAGEMENT_PORT (default 8081/9001).
package_aot() {
    echo "Packaging Parley with the AOT cache trained by the integration tests (JDK 25)"
    JAVA_HOME="$1" ./mvnw -B -q verify -Paot \
        -Dquarkus.http.test-port="${BENCH_TEST_HTTP_PORT:-8081}" \
        -Dquarkus.management.test-port="${BENCH_TEST_MANAGEMENT_PORT:-9001}" > "$BENCH_WORK/package-aot.log" 2>&1 \
        || { tail -50 "$BENCH_WORK/package-aot.log" >&2; return 1; }
    [ -f target/quarkus-app/app.aot ] || { echo "the training run wrote no app.aot" >&2; return 1; }
    rm -rf "$2" && cp -a target/quarkus-app "$2"
}

# How the image starts the trained AOT JVM, from directory quarkus-app (Dockerfile.jvm): the
# image's JVM options file, then the cache; -XX:MaxRAM stands for the memory limit deploy/ gives
# the pod (BENCH_POD_MEMORY, default 512m), which the JVM reads from its cgroup there. Prints one
# argument per line.
aot_command() { # JDK 25
    printf '%s\n' "$1/bin/java" "@$ROOT/src/main/docker/jvm.options" "-XX:MaxRAM=${BENCH_POD_MEMORY:-512m}" \
        -XX:AOTCache=app.aot -jar quarkus-run.jar
}

# ---- the native executable (issue 21, docs/native.md)

# Builds the native executable with the stand-in GraalVM home ../shared/native-toolchain
# assembles (BENCH_NATIVE_HOME, default ~/.cache/parley-native-home, as .ci/run), unless
# BENCH_SKIP_BUILD=1 and one was built already, and copies it to $1/. Returns 1 when neither a
# built executable nor the toolchain is there.
package_native() {
    local runner
    runner="$(ls target/*-runner 2>/dev/null | head -1 || true)"
    if [ "${BENCH_SKIP_BUILD:-}" != "1" ] || [ -z "$runner" ]; then
        local toolchain="$ROOT/../shared/native-toolchain" home
        [ -f "$toolchain/setup.sh" ] || { echo "No native executable and no $toolchain to build one" >&2; return 1; }
        home="$(MVN="$ROOT/mvnw" bash "$toolchain/setup.sh" "${BENCH_NATIVE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/parley-native-home}" \
            | sed -n 's/^GRAALVM_HOME=//p')"
        echo "Building the native executable (about 8 minutes, 8 GB)"
        ./mvnw -B -q package -Dnative -DskipTests -Dquarkus.native.container-build=false \
            -Dquarkus.native.graalvm-home="$home" -Dquarkus.native.native-image-xmx=10g > "$BENCH_WORK/package-native.log" 2>&1 \
            || { tail -50 "$BENCH_WORK/package-native.log" >&2; return 1; }
        runner="$(ls target/*-runner | head -1)"
    fi
    rm -rf "$1" && mkdir -p "$1" && cp -a "$runner" "$1/application"
}

# How the native image starts (Dockerfile.native-micro's entrypoint with the heap deploy/ gives
# it): the heap is set explicitly, because the stand-in's executables read no cgroup limit
# (docs/native.md). BENCH_NATIVE_HEAP overrides it (default 128m, deploy/'s for a 256 MiB pod).
# Prints one argument per line; run from the directory package_native copied it to.
native_command() {
    printf '%s\n' ./application "-Xmx${BENCH_NATIVE_HEAP:-128m}"
}
