#!/usr/bin/env bash
# With deploy/local/run.sh running: makes a course whose assignment and student repositories are
# local git repositories (.tmp/local/demo), asks for a test of a wrong and of a correct attempt,
# and prints both results as the student client sees them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
api=${API:-http://127.0.0.1:8000}
admin="X-API-Token: $(cat "$root/.tmp/local/admin-token")"
json="Content-Type: application/json"
demo="$root/.tmp/local/demo/$(date +%s)"
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "${1:-id}"; }
post() { curl -sf -H "$1" -H "$json" "$api$2" -d "$3"; }
commit() { git -C "$1" add -A && git -C "$1" -c user.name=demo -c user.email=demo@example.org commit -qm "$2" && git -C "$1" rev-parse HEAD; }

mkdir -p "$demo/assignments/hello" "$demo/student/hello"
git init -q -b main "$demo/assignments"; git init -q -b main "$demo/student"
cat > "$demo/assignments/hello/meta.yaml" <<'YAML'
slug: hello
title: Hello
properties:
  studentSubmissionFiles: [hello.py]
  executionBackend: {slug: itpcp.exec.py}
YAML
cat > "$demo/assignments/hello/test.yaml" <<'YAML'
type: python
name: Hello
properties:
  tests:
    - name: greeting
      inputAnswers: [Ada]
      tests: [{name: greeting}, {name: length}]
    - name: output
      type: stdout
      inputAnswers: [Ada]
      tests: [{name: stdout}]
YAML
printf 'name = input()\ngreeting = "Hello, " + name + "!"\nlength = len(greeting)\nprint(greeting)\n' > "$demo/assignments/hello/hello.py"
released=$(commit "$demo/assignments" "release hello")

org=$(post "$admin" /organizations "{\"path\":\"demo$(date +%s)\",\"title\":\"Demo\"}" | field)
family=$(post "$admin" /course-families "{\"organization_id\":\"$org\",\"path\":\"prog\",\"title\":\"Programming\"}" | field)
course=$(post "$admin" /courses "{\"course_family_id\":\"$family\",\"path\":\"prog1\",\"title\":\"Programming 1\",\"assignments_url\":\"file://$demo/assignments\"}" | field)
content=$(post "$admin" /course-contents "{\"course_id\":\"$course\",\"path\":\"week1.hello\",\"title\":\"Hello\",\"directory\":\"hello\",\"execution_backend\":\"itpcp.exec.py\",\"released_commit\":\"$released\"}" | field)
user=$(post "$admin" /users "{\"username\":\"ada$(date +%s)\"}" | field)
token=$(post "$admin" "/users/$user/api-tokens" '{"name":"demo"}' | field token)
post "$admin" /course-members "{\"user_id\":\"$user\",\"course_id\":\"$course\",\"role\":\"student\",\"repository\":{\"http_url_to_repo\":\"file://$demo/student\"}}" >/dev/null

test_commit() {
  local result status
  result=$(post "X-API-Token: $token" /tests "{\"course_content_id\":\"$content\",\"version_identifier\":\"$1\"}" | field)
  for _ in $(seq 150); do
    status=$(curl -sf -H "X-API-Token: $token" "$api/results/$result/status" | tr -d '"')
    case "$status" in finished|failed|cancelled) break ;; esac
    sleep 0.2
  done
  curl -sf -H "X-API-Token: $token" "$api/results/$result" | python3 -c "$(cat <<'PY'
import json, sys
r = json.load(sys.stdin)
report = r.get("result_json") or {}
print("status %s, grade %s" % (r["status"], r["result"]))
for c in report.get("tests", []):
    print("  %-8s %s" % (c["result"], c["name"]))
    for t in c.get("tests", []):
        if t["result"] != "PASSED":
            print("    %s: %s" % (t["name"], t["resultMessage"]))
if "error" in report:
    print("  " + report["error"])
PY
)"
}

printf 'name = input()\ngreeting = "Hello " + name\nlength = len(greeting)\nprint(greeting)\n' > "$demo/student/hello/hello.py"
echo "Wrong attempt:"; test_commit "$(commit "$demo/student" "first try")"
printf 'name = input()\ngreeting = f"Hello, {name}!"\nlength = len(greeting)\nprint(greeting)\n' > "$demo/student/hello/hello.py"
echo "Correct attempt:"; test_commit "$(commit "$demo/student" "second try")"
