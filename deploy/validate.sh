#!/usr/bin/env bash
# Checks the deployment files as far as this machine allows (no container engine, no helm):
# every compose combination resolves with `docker-compose config`, the YAML passes yamllint, every
# .Values path a Helm template uses exists in values.yaml, and the chart's plain YAML parses.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
compose="$root/deploy/compose"
chart="$root/deploy/helm/computor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "compose: docker-compose config for base, base+dev, base+prod"
cp -r "$compose/." "$work/"
for env in common dev prod; do cp "$compose/.env.$env.template" "$work/.env.$env"; done
for overlay in "" dev prod; do
  files=(-f "$work/docker-compose.yml")
  env_file="$work/.env.common"
  if [ -n "$overlay" ]; then
    files+=(-f "$work/docker-compose.$overlay.yml")
    cat "$work/.env.common" "$work/.env.$overlay" > "$work/env.$overlay"
    env_file="$work/env.$overlay"
  else
    cat "$work/.env.common" "$work/.env.dev" > "$work/env.base"
    env_file="$work/env.base"
  fi
  docker-compose --project-directory "$work" --env-file "$env_file" "${files[@]}" config -q
  echo "  ok: base${overlay:+ + $overlay}"
done

echo "yamllint: compose files, chart metadata and values"
yamllint -d '{extends: default, rules: {line-length: {max: 160}, document-start: disable, truthy: {check-keys: false}, comments: {min-spaces-from-content: 1}}}' \
  "$compose"/docker-compose*.yml "$chart/Chart.yaml" "$chart/values.yaml"

echo "helm: .Values paths exist in values.yaml; plain YAML parses"
python3 - "$chart" <<'PY'
import os, re, sys, yaml
chart = sys.argv[1]
values = yaml.safe_load(open(os.path.join(chart, "values.yaml")))
yaml.safe_load(open(os.path.join(chart, "Chart.yaml")))
problems = []

def exists(tree, path):
    for key in path:
        if not isinstance(tree, dict) or key not in tree:
            return False
        tree = tree[key]
    return True

for name in sorted(os.listdir(os.path.join(chart, "templates"))):
    text = open(os.path.join(chart, "templates", name)).read()
    for match in re.finditer(r"\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", text):
        path = match.group(1).strip(".").split(".")
        if not exists(values, path):
            problems.append(f"{name}: .Values.{'.'.join(path)} is not in values.yaml")
    # range $key, $item := .Values.x: every $item.field must exist in every entry of x.
    for loop in re.finditer(r"range \$\w+, \$(\w+) := \.Values((?:\.\w+)+)", text):
        item, path = loop.group(1), loop.group(2).strip(".").split(".")
        entries = values
        for key in path:
            entries = entries[key]
        for field in set(re.findall(r"\$" + item + r"\.(\w+)", text)):
            for entry, settings in entries.items():
                if field not in settings:
                    problems.append(f"{name}: ${item}.{field} is missing in .Values.{'.'.join(path)}.{entry}")
    if "{{" not in text and name.endswith(".yaml"):
        list(yaml.safe_load_all(text))
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("  ok")
PY
