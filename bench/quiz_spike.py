#!/usr/bin/env python3
"""Exam-start spike: N students start the same quiz at the same instant, then submit at the same instant.

Usage: quiz_spike.py BASE_URL [STUDENTS]. Needs a server seeded with the demo school (for an instructor
account). Prints a Markdown table: errors, wall time and latency percentiles per phase. Exits 1 on any error.
"""
import asyncio
import json
import sys
import time

import aiohttp

BASE = sys.argv[1]
STUDENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
PASSWORD = "spike password 123"


async def call(session, method, path, token=None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    started = time.perf_counter()
    async with session.request(method, BASE + path, json=body, headers=headers) as response:
        payload = await response.read()
        return response.status, (json.loads(payload) if payload else None), time.perf_counter() - started


async def setup(session):
    status, body, _ = await call(session, "POST", "/api/v1/auth/login",
                                 body={"email": "hypatia@demo.lyceum.test", "password": "lyceum-demo-2026"})
    assert status == 200, body
    teacher = body["accessToken"]
    status, body, _ = await call(session, "POST", "/api/v1/courses", teacher, {"title": f"Spike exam {time.time_ns()}"})
    assert status == 201, body
    course = body["course"]["id"]
    _, module, _ = await call(session, "POST", f"/api/v1/courses/{course}/modules", teacher, {"title": "Exam"})
    module_id = module["module"]["id"]
    await call(session, "POST", f"/api/v1/courses/{course}/modules/{module_id}/lessons", teacher, {"title": "Read me", "body": "Good luck."})
    questions = [
        {"kind": "single_choice", "prompt": "Pick B", "options": ["A", "B", "C"], "correct": [1]},
        {"kind": "multiple_choice", "prompt": "Pick A and C", "options": ["A", "B", "C"], "correct": [0, 2]},
        {"kind": "true_false", "prompt": "True?", "truth": True},
        {"kind": "short_answer", "prompt": "Say yes", "accepted": ["yes"]},
        {"kind": "numeric", "prompt": "Two", "value": 2},
    ]
    status, quiz, _ = await call(session, "POST", f"/api/v1/courses/{course}/quizzes", teacher, {
        "moduleId": module_id, "title": "Final", "timeLimitSeconds": 900, "maxAttempts": 1,
        "shuffleQuestions": True, "shuffleOptions": True, "questions": questions})
    assert status == 201, quiz
    status, body, _ = await call(session, "POST", f"/api/v1/courses/{course}/publish", teacher)
    assert status == 200, body
    return course, quiz["quiz"]


async def student(session, index, course, semaphore):
    async with semaphore:
        status, body, _ = await call(session, "POST", "/api/v1/auth/register", body={
            "email": f"spike{index}-{time.time_ns()}@example.org", "password": PASSWORD, "displayName": f"Student {index}"})
        assert status == 201, body
        token = body["accessToken"]
        status, body, _ = await call(session, "POST", f"/api/v1/courses/{course}/enrollment", token)
        assert status == 201, body
        return token


def answers_for(quiz, attempt):
    by_prompt = {q["prompt"]: q for q in quiz["questions"]}
    answers = {}
    for question in attempt["questions"]:
        key = by_prompt[question["prompt"]]["key"]
        kind = question["kind"]
        if kind == "single_choice":
            answers[question["id"]] = key["correctOptions"][0]
        elif kind == "multiple_choice":
            answers[question["id"]] = key["correctOptions"]
        elif kind == "true_false":
            answers[question["id"]] = key["truth"]
        elif kind == "short_answer":
            answers[question["id"]] = key["accepted"][0]
        else:
            answers[question["id"]] = key["value"]
    return answers


def summary(name, results, wall):
    latencies = sorted(r[2] for r in results if r[0] is not None)
    errors = sum(1 for r in results if r[0] is None or r[0] >= 400)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")
    print(f"| {name} | {len(results)} | {errors} | {wall:.2f} | {pick(0.5):.0f} | {pick(0.99):.0f} | {latencies[-1] * 1000:.0f} |")
    return errors


async def phase(coroutines):
    started = time.perf_counter()
    results = await asyncio.gather(*coroutines, return_exceptions=True)
    wall = time.perf_counter() - started
    return [r if not isinstance(r, BaseException) else (None, str(r), 0.0) for r in results], wall


async def main():
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        course, quiz = await setup(session)
        semaphore = asyncio.Semaphore(64)
        tokens = await asyncio.gather(*(student(session, i, course, semaphore) for i in range(STUDENTS)))
        for token in tokens[:64]:
            await call(session, "GET", "/api/v1/me", token)
        print(f"{STUDENTS} students registered and enrolled; starting the exam.\n")
        print("| phase | requests | errors | wall s | p50 ms | p99 ms | max ms |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        starts, wall = await phase(call(session, "POST", f"/api/v1/quizzes/{quiz['id']}/attempts", t) for t in tokens)
        errors = summary("start attempt (all at once)", starts, wall)
        submissions = []
        for token, result in zip(tokens, starts):
            attempt = result[1]["attempt"] if result[0] == 201 else None
            if attempt:
                submissions.append(call(session, "POST", f"/api/v1/attempts/{attempt['id']}/submit", token,
                                        {"answers": answers_for(quiz, attempt)}))
        submitted, wall = await phase(submissions)
        errors += summary("submit (all at once)", submitted, wall)
        graded = sum(1 for r in submitted if r[0] == 200 and r[1]["attempt"]["result"]["percent"] == 100)
        print(f"\nGraded 100%: {graded} of {STUDENTS}. Errors: {errors}.")
        sys.exit(1 if errors or graded != STUDENTS else 0)


asyncio.run(main())
