#!/usr/bin/env python3
"""Static checks of the deployment files, since no Docker engine or cluster runs here.

- every Kubernetes overlay renders with `kubectl kustomize` and every rendered document parses;
- compose.yaml parses, every service has a health check, every image is pinned to a version;
- every LYCEUM_* variable set in Compose or Kubernetes is a setting the application reads (the README's
  configuration table, which a Swift test keeps equal to the code's list), so a typo fails the run.
Usage: check_deploy.py REPO_ROOT
"""
import pathlib
import re
import subprocess
import sys

import yaml

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL {message}")


def known_settings():
    names = set()
    for line in (root / "README.md").read_text().splitlines():
        match = re.match(r"\| `(LYCEUM_[A-Z0-9_]+)`( \(\*file\*\))? \|", line)
        if match:
            names.add(match.group(1))
            if match.group(2):
                names.add(match.group(1) + "_FILE")
    return names


def lyceum_variables(value, found):
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and key.startswith("LYCEUM_"):
                found.add(key)
            if key == "name" and isinstance(item, str) and item.startswith("LYCEUM_"):
                found.add(item)
            lyceum_variables(item, found)
    elif isinstance(value, list):
        for item in value:
            lyceum_variables(item, found)


settings = known_settings()
if len(settings) < 10:
    fail(f"read only {len(settings)} settings from README.md")

used = {}
compose = yaml.safe_load((root / "compose.yaml").read_text())
for name, service in compose["services"].items():
    if "healthcheck" not in service:
        fail(f"compose service {name} has no health check")
    image = service.get("image", "")
    tag = image.rsplit(":", 1)[1] if ":" in image.split("/")[-1] else ""
    if not tag or tag == "latest":
        fail(f"compose service {name} uses an unpinned image '{image}'")
    found = set()
    lyceum_variables(service.get("environment", {}), found)
    for variable in found:
        used.setdefault(variable, []).append(f"compose.yaml:{name}")

overlays = sorted(p for p in (root / "deploy/k8s/overlays").iterdir() if p.is_dir())
if not overlays:
    fail("no Kubernetes overlays found")
for overlay in overlays:
    rendered = subprocess.run(["kubectl", "kustomize", str(overlay)], capture_output=True, text=True)
    if rendered.returncode != 0:
        fail(f"kubectl kustomize {overlay.name}: {rendered.stderr.strip()}")
        continue
    documents = [d for d in yaml.safe_load_all(rendered.stdout) if d]
    kinds = sorted({d["kind"] for d in documents})
    print(f"ok   overlay {overlay.name} renders {len(documents)} objects: {', '.join(kinds)}")
    for required in ("Deployment", "Job", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                     "NetworkPolicy", "ServiceAccount", "ConfigMap", "ExternalSecret", "Namespace", "ServiceMonitor"):
        if required not in kinds:
            fail(f"overlay {overlay.name} lacks a {required}")
    for document in documents:
        found = set()
        if document["kind"] == "ConfigMap":
            found.update(k for k in document.get("data", {}) if k.startswith("LYCEUM_"))
        lyceum_variables(document.get("spec", {}), found)
        for variable in found:
            used.setdefault(variable, []).append(f"{overlay.name}:{document['kind']}/{document['metadata']['name']}")
        if document["kind"] in ("Deployment", "Job"):
            pod = document["spec"]["template"]["spec"]
            for container in pod["containers"]:
                context = container.get("securityContext", {})
                if context.get("readOnlyRootFilesystem") is not True or context.get("allowPrivilegeEscalation") is not False:
                    fail(f"{overlay.name}: {document['kind']} {container['name']} is not read-only and unprivileged")
                if "resources" not in container:
                    fail(f"{overlay.name}: {document['kind']} {container['name']} has no resource requests and limits")

for pattern in ("deploy/terraform/**/*.tf", ".github/workflows/*.yml", "Jenkinsfile"):
    for path in root.glob(pattern):
        for variable in set(re.findall(r"\b(LYCEUM_[A-Z0-9_]+)\b", path.read_text())):
            if variable.startswith("LYCEUM_TEST_"):
                continue
            used.setdefault(variable, []).append(str(path.relative_to(root)))

for variable, places in sorted(used.items()):
    if variable not in settings:
        fail(f"{variable} (set in {', '.join(places)}) is not a setting Lyceum reads")
print(f"ok   {len(used)} LYCEUM_* variables in Compose, Kubernetes, Terraform and pipelines, all read by the application" if not failures else "")
sys.exit(1 if failures else 0)
