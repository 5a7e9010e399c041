# Sourced by ./mvnw before it starts Maven: makes JAVA_HOME a JDK that can build and run the
# console, so that `./mvnw spring-boot:run` and `./mvnw verify` work on a machine whose default
# `java` is older (Debian 12's is 17) and where nobody set JAVA_HOME.
#
# Maven's own JVM has to be that JDK, not only javac's (which a Maven toolchain could pick): the
# Vaadin and Spring Boot plugins run inside Maven's JVM and need Java 21. Order of preference:
#   1. JAVA_HOME, when it is a JDK 21 or newer;
#   2. the `java` on the PATH, when it belongs to a JDK 21 or newer;
#   3. the newest JDK 21+ under the usual install folders (or MVNW_JDK_SEARCH_PATH, a
#      space-separated list of folders whose sub-folders are JDKs).
# Without one, it stops with one sentence that says what to install.
# POSIX sh (./mvnw runs under /bin/sh with `set -euf`): no bashisms, globbing switched on locally.

mvnw_required_java=21

# The feature release of the JDK at $1 ("17", "21", "25"; "1.8" counts as 8), or nothing.
mvnw_java_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version "/ {
    split($2, v, "."); major = (v[1] == "1") ? v[2] : v[1]; print major + 0; exit }'
}

mvnw_suitable() {
  mvnw_major=$(mvnw_java_major "$1")
  [ -n "$mvnw_major" ] && [ "$mvnw_major" -ge "$mvnw_required_java" ]
}

mvnw_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && mvnw_suitable "$JAVA_HOME"; then
    mvnw_selected_major=$mvnw_major
    return 0
  fi
  mvnw_reason="JAVA_HOME is unset"
  [ -z "${JAVA_HOME-}" ] || mvnw_reason="JAVA_HOME ($JAVA_HOME) is not a JDK $mvnw_required_java or newer"

  mvnw_path_java=$(command -v java 2>/dev/null || :)
  if [ -n "$mvnw_path_java" ]; then
    mvnw_path_home=$(dirname "$(dirname "$(readlink -f "$mvnw_path_java" 2>/dev/null || printf %s "$mvnw_path_java")")")
    if mvnw_suitable "$mvnw_path_home"; then
      mvnw_selected_major=$mvnw_major
      JAVA_HOME=$mvnw_path_home
      export JAVA_HOME
      return 0
    fi
  fi

  mvnw_best="" mvnw_best_major=0
  mvnw_roots=${MVNW_JDK_SEARCH_PATH:-"/usr/lib/jvm /usr/java /usr/local/lib/jvm /opt/java /opt \
${HOME-~}/.sdkman/candidates/java ${HOME-~}/.jdks ${HOME-~}/.local/share/jdks /Library/Java/JavaVirtualMachines"}
  case $- in *f*) mvnw_noglob=1; set +f ;; *) mvnw_noglob=0 ;; esac
  for mvnw_root in $mvnw_roots; do
    for mvnw_jdk in "$mvnw_root"/* "$mvnw_root"/*/Contents/Home; do
      [ -d "$mvnw_jdk" ] && [ ! -L "$mvnw_jdk" ] || continue
      mvnw_major=$(mvnw_java_major "$mvnw_jdk")
      if [ -n "$mvnw_major" ] && [ "$mvnw_major" -gt "$mvnw_best_major" ]; then
        mvnw_best=$mvnw_jdk mvnw_best_major=$mvnw_major
      fi
    done
  done
  [ "$mvnw_noglob" = 0 ] || set -f

  if [ "$mvnw_best_major" -lt "$mvnw_required_java" ]; then
    echo "mvnw: this project needs a JDK $mvnw_required_java or newer and found none ($mvnw_reason, the java on the PATH is older, and none is installed under $mvnw_roots); install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  echo "mvnw: using the JDK $mvnw_best_major at $mvnw_best ($mvnw_reason)" >&2
  mvnw_selected_major=$mvnw_best_major
  JAVA_HOME=$mvnw_best
  export JAVA_HOME
}

mvnw_select_jdk || exit 1

# Maven 3.9 uses sun.misc.Unsafe, which JDK 24+ warns about on every run; the option that silences
# it does not exist before JDK 23, so it cannot live in .mvn/jvm.config.
if [ "$mvnw_selected_major" -ge 24 ]; then
  case "${MAVEN_OPTS-}" in
  *sun-misc-unsafe-memory-access*) ;;
  *) MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS-}"; export MAVEN_OPTS ;;
  esac
fi
