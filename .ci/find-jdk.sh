# Shared by ./signet and .ci/run: prints the home of a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm.
jdk_major() {
    local v
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
    echo "${v%%.*}"
}

find_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
        echo "$JAVA_HOME"
        return 0
    fi
    local best="" best_major=0 dir major
    for dir in /usr/lib/jvm/*; do
        [ -x "$dir/bin/javac" ] || continue
        major="$(jdk_major "$dir")"
        if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
            best="$dir"; best_major="$major"
        fi
    done
    [ -n "$best" ] || return 1
    echo "$best"
}
