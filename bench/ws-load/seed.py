#!/usr/bin/env python3
"""Seeds a fresh Lyceum server for bench/ws through the REST API, and signs its users in again.

  seed.py seed  BASE_URL OUT_DIR --students N --fanout-senders M --storm-senders S --admin-email E --admin-password P
      Registers the users, has the admin make one of them an instructor, who creates and publishes a course;
      every other user enrolls. Writes OUT_DIR/{students,fanout-senders,storm-senders}.emails and .tokens
      (one per line) and OUT_DIR/room (the course room's topic, room:course-<id>).
  seed.py login BASE_URL EMAILS_FILE TOKENS_FILE
      Signs every account in EMAILS_FILE in again and writes fresh access tokens (they live 15 minutes).

The server must run with the API, registration and sign-in rate limits off (bench/ws does that), and a low
bcrypt cost makes registering a thousand accounts quick.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "benchmark password"


def call(base, method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return json.loads(text) if text else {}
    except urllib.error.HTTPError as error:
        sys.exit(f"seed: {method} {path} answered {error.code}: {error.read().decode(errors='replace')}")


def register(base, email, name):
    reply = call(base, "POST", "/api/v1/auth/register", {"email": email, "password": PASSWORD, "displayName": name})
    return reply["user"]["id"], reply["accessToken"]


def login(base, email, password=PASSWORD):
    return call(base, "POST", "/api/v1/auth/login", {"email": email, "password": password})["accessToken"]


def parallel(function, items, workers=8):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def write_lines(path, lines):
    with open(path, "w") as file:
        file.write("\n".join(lines) + "\n")


def seed(args):
    base = args.base
    admin = login(base, args.admin_email, args.admin_password)
    instructor_id, _ = register(base, "instructor@bench.example.org", "Bench Instructor")
    call(base, "PATCH", f"/api/v1/admin/users/{instructor_id}", {"role": "instructor"}, admin)
    instructor = login(base, "instructor@bench.example.org")  # a token that carries the new role
    course = call(base, "POST", "/api/v1/courses",
                  {"title": "Real-time load", "summary": "The room the WebSocket benchmarks talk in.",
                   "description": "# Load\nA course for bench/ws."}, instructor)["course"]
    module = call(base, "POST", f"/api/v1/courses/{course['id']}/modules", {"title": "Module 1"}, instructor)["module"]
    call(base, "POST", f"/api/v1/courses/{course['id']}/modules/{module['id']}/lessons",
         {"title": "Lesson 1", "body": "Hello.", "estimatedMinutes": 5, "preview": True}, instructor)
    call(base, "POST", f"/api/v1/courses/{course['id']}/publish", None, instructor)

    groups = {"students": args.students, "fanout-senders": args.fanout_senders, "storm-senders": args.storm_senders}
    for group, count in groups.items():
        emails = [f"{group}-{i}@bench.example.org" for i in range(count)]

        def join(index):
            user_id, token = register(base, emails[index], f"{group} {index}")
            call(base, "POST", f"/api/v1/courses/{course['id']}/enrollment", None, token)
            return token

        tokens = parallel(join, range(count))
        write_lines(f"{args.out}/{group}.emails", emails)
        write_lines(f"{args.out}/{group}.tokens", tokens)
        print(f"seed: {count} {group} enrolled", file=sys.stderr)
    with open(f"{args.out}/room", "w") as file:
        file.write(f"room:course-{course['id']}\n")


def relogin(args):
    with open(args.emails) as file:
        emails = [line.strip() for line in file if line.strip()]
    write_lines(args.tokens, parallel(lambda email: login(args.base, email), emails))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("seed")
    seeding.add_argument("base")
    seeding.add_argument("out")
    seeding.add_argument("--students", type=int, default=1000)
    seeding.add_argument("--fanout-senders", type=int, default=20)
    seeding.add_argument("--storm-senders", type=int, default=8)
    seeding.add_argument("--admin-email", required=True)
    seeding.add_argument("--admin-password", required=True)
    logging_in = commands.add_parser("login")
    logging_in.add_argument("base")
    logging_in.add_argument("emails")
    logging_in.add_argument("tokens")
    args = parser.parse_args()
    seed(args) if args.command == "seed" else relogin(args)


if __name__ == "__main__":
    main()
