#!/usr/bin/env bash
# With deploy/local/run.sh running, does a course's whole life through the API: deploys a course
# whose repositories the API serves (local git provider), pushes the sample course's material
# (samples/python-course), releases its assignments and one student, then pushes a wrong and a
# correct attempt at each assignment as that student, asks for a test of each, and prints the
# results as the student client sees them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
api=${API:-http://127.0.0.1:8000}
admin_token=$(cat "$root/.tmp/local/admin-token")
admin="X-API-Token: $admin_token"
json="Content-Type: application/json"
stamp=$(date +%s)
work="$root/.tmp/local/demo/$stamp"
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "${1:-id}"; }
post() { curl -sf -H "$1" -H "${3:-$json}" "$api$2" --data-binary @-; }
get() { curl -sf -H "$1" "$api$2"; }
# Tokens go to git as a header for this command only, never into a remote URL or .git/config.
git_as() { local token=$1; shift; git -c "http.extraHeader=Authorization: Basic $(printf 'git:%s' "$token" | base64 -w0)" "$@"; }
commit() { git -C "$1" add -A && git -C "$1" -c user.name=demo -c user.email=demo@example.org commit -qm "$2" && git -C "$1" rev-parse HEAD; }
wait_task() {
  local task
  for _ in $(seq 300); do
    task=$(get "$admin" "/tasks/$1")
    case "$(echo "$task" | field status)" in finished|failed) break ;; esac
    sleep 0.2
  done
  echo "$task" | python3 -c 'import json,sys; t=json.load(sys.stdin); print("  %s: %s (%s)%s" % (t["flow"], t["status"], t["progress"], "; " + t["reason"] if t["reason"] else ""))'
}

echo "Deploying course demo$stamp/prog/prog1 ..."
deployed=$(post "$admin" /system/deploy "Content-Type: application/yaml" <<YAML
organization: {path: demo$stamp, title: Demo University}
course_family: {path: prog, title: Programming}
course: {path: prog1, title: Programming 1}
YAML
)
wait_task "$(echo "$deployed" | field)"
course=$(echo "$deployed" | field course_id)
assignments=$(get "$admin" "/courses/$course" | field assignments_url)

mkdir -p "$work" && git_as "$admin_token" clone -q "$assignments" "$work/material" 2>/dev/null
git -C "$work/material" symbolic-ref HEAD refs/heads/main
cp -r "$root/samples/python-course/material/." "$work/material/"
commit "$work/material" "Sample course: Python basics" >/dev/null
git_as "$admin_token" -C "$work/material" push -q origin main

echo "Releasing the sample course's assignments and the student ada$stamp ..."
wait_task "$(echo "{\"course_id\":\"$course\",\"release_dir_list\":[],\"descendants\":true,\"ascendants\":true}" | post "$admin" /system/release/course-contents | field)"
wait_task "$(echo "{\"course_id\":\"$course\",\"students\":[{\"user\":{\"username\":\"ada$stamp\",\"email\":\"ada$stamp@example.org\",\"given_name\":\"Ada\"}}]}" \
  | post "$admin" /system/release/students | field)"

user=$(get "$admin" /users | python3 -c "import json,sys; print(next(u['id'] for u in json.load(sys.stdin) if u['username']=='ada$stamp'))")
token=$(echo '{"name":"demo"}' | post "$admin" "/users/$user/api-tokens" | field token)
repository=$(get "$admin" "/course-members?course_id=$course" | python3 -c "import json,sys; print(next(m['repository']['http_url_to_repo'] for m in json.load(sys.stdin) if m['user_id']=='$user'))")
content_id() { get "$admin" "/course-contents?course_id=$course" | python3 -c "import json,sys; print(next(c['id'] for c in json.load(sys.stdin) if c['path']=='$1'))"; }
git_as "$token" clone -q "$repository" "$work/student"
echo "The student's repository ($repository) holds: $(cd "$work/student" && find 01_basics -type f | sort | tr '\n' ' ')"

test_commit() {
  local result status
  git_as "$token" -C "$work/student" push -q origin main
  result=$(echo "{\"course_content_id\":\"$2\",\"version_identifier\":\"$1\"}" | post "X-API-Token: $token" /tests | field)
  for _ in $(seq 150); do
    status=$(get "X-API-Token: $token" "/results/$result/status" | tr -d '"')
    case "$status" in finished|failed|cancelled) break ;; esac
    sleep 0.2
  done
  get "X-API-Token: $token" "/results/$result" | python3 -c "$(cat <<'PY'
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

for assignment in 01_greeting 02_statistics; do
  content=$(content_id "basics.${assignment#*_}")
  for attempt in wrong correct; do
    cp -r "$root/samples/python-course/solutions/$assignment/$attempt/." "$work/student/01_basics/$assignment/"
    echo "$assignment, $attempt attempt:"
    test_commit "$(commit "$work/student" "$assignment: $attempt attempt")" "$content"
  done
done
