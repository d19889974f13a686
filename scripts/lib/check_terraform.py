#!/usr/bin/env python3
"""A stand-in for `terraform validate` (providers cannot be downloaded here).

For every Terraform directory under deploy/terraform: every file parses with python-hcl2; every `var.`,
`local.`, `module.`, `data.` and resource reference resolves to a declaration in the same directory; every
argument of a module call is a variable the module declares, every variable without a default is passed, and
every `module.NAME.OUTPUT` is an output the module declares. Also lists the LYCEUM_* names the ECS task sets.
Usage: check_terraform.py REPO_ROOT
"""
import pathlib
import re
import sys

import hcl2

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve() / "deploy" / "terraform"
failures = []
IDENT = r"[A-Za-z_][A-Za-z0-9_-]*"


def fail(message):
    failures.append(message)
    print(f"FAIL {message}")


def load(directory):
    blocks = {"variable": {}, "output": set(), "locals": set(), "resource": set(), "data": set(), "module": {}}
    text = ""
    for path in sorted(directory.glob("*.tf")):
        source = path.read_text()
        text += "\n" + re.sub(r"(?m)^\s*#.*$", "", source)
        try:
            parsed = hcl2.loads(source)
        except Exception as error:  # hcl2 raises lark errors of several types
            fail(f"{path}: does not parse: {error}")
            continue
        for variable in parsed.get("variable", []):
            for name, body in variable.items():
                blocks["variable"][name] = "default" in body
        for output in parsed.get("output", []):
            blocks["output"].update(output.keys())
        for group in parsed.get("locals", []):
            blocks["locals"].update(group.keys())
        for resource in parsed.get("resource", []):
            for kind, named in resource.items():
                blocks["resource"].update(f"{kind}.{name}" for name in named)
        for data in parsed.get("data", []):
            for kind, named in data.items():
                blocks["data"].update(f"{kind}.{name}" for name in named)
        for module in parsed.get("module", []):
            for name, body in module.items():
                source = body.get("source")
                body["source"] = source[0] if isinstance(source, list) else source
                blocks["module"][name] = body
    return blocks, text


directories = sorted({path.parent for path in root.rglob("*.tf")})
declarations = {directory: load(directory) for directory in directories}
lyceum_names = set()

for directory, (blocks, text) in declarations.items():
    where = directory.relative_to(root)
    for name in set(re.findall(rf"\bvar\.({IDENT})", text)):
        if name not in blocks["variable"]:
            fail(f"{where}: var.{name} is not declared")
    for name in set(re.findall(rf"\blocal\.({IDENT})", text)):
        if name not in blocks["locals"]:
            fail(f"{where}: local.{name} is not declared")
    for kind, name in set(re.findall(rf"\bdata\.({IDENT})\.({IDENT})", text)):
        if f"{kind}.{name}" not in blocks["data"]:
            fail(f"{where}: data.{kind}.{name} is not declared")
    for kind, name in set(re.findall(rf"(?<![.\w])((?:aws|random)_[a-z0-9_]+)\.({IDENT})", text)):
        if f"{kind}.{name}" not in blocks["resource"]:
            fail(f"{where}: {kind}.{name} is not declared")
    for name, attribute in set(re.findall(rf"\bmodule\.({IDENT})(?:\.({IDENT}))?", text)):
        if name not in blocks["module"]:
            fail(f"{where}: module.{name} is not declared")
            continue
        source = (directory / blocks["module"][name]["source"]).resolve()
        if source not in declarations:
            fail(f"{where}: module.{name} points at {source}, which has no Terraform files")
            continue
        if attribute and attribute not in declarations[source][0]["output"]:
            fail(f"{where}: module.{name}.{attribute} is not an output of {source.name}")
    for name, body in blocks["module"].items():
        source = (directory / body["source"]).resolve()
        if source not in declarations:
            continue
        variables = declarations[source][0]["variable"]
        meta = ("source", "version", "providers", "depends_on", "count", "for_each")
        passed = {key for key in body if key not in meta and not key.startswith("__")}
        for argument in passed - set(variables):
            fail(f"{where}: module.{name} passes {argument}, which {source.name} does not declare")
        for required in {v for v, has_default in variables.items() if not has_default} - passed:
            fail(f"{where}: module.{name} does not pass the required variable {required}")
    lyceum_names.update(re.findall(r"\b(LYCEUM_[A-Z0-9_]+)\b", text))

print(f"ok   {len(directories)} Terraform directories parse and every reference resolves" if not failures else "")
print(" ".join(sorted(lyceum_names)))
sys.exit(1 if failures else 0)
