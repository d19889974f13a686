"""A stand-in for Stripe's API and hosted Checkout page, for the end-to-end suite (Stripe cannot be reached
from here). It checks every request Lyceum sends the way Stripe would (bearer secret key, form encoding,
an Idempotency-Key on every POST) and answers with Stripe's documented objects. Its Checkout page has a Pay
and a Cancel button: paying sends `checkout.session.completed`, signed with the webhook secret the way
Stripe signs (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`), to Lyceum's webhook `deliveries`
times, then redirects the browser to the session's success URL. A refund sends `charge.refunded`.

Every request and every webhook answer is recorded, for the suite's checks.
"""

import hashlib
import hmac
import html
import json
import secrets
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def signature_header(secret, payload, timestamp=None):
    """Stripe's `Stripe-Signature` value for `payload` (bytes) signed with `secret` at `timestamp`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


class StripeStandIn:
    """Serves on 127.0.0.1 in a thread; `base` is its address (Lyceum's LYCEUM_STRIPE_API_BASE)."""

    def __init__(self, api_key, webhook_secret, deliveries=3):
        self.api_key = api_key
        self.webhook_secret = webhook_secret
        self.deliveries = deliveries
        self.webhook_url = None
        self.requests = []  # (method, path, headers dict, form dict)
        self.problems = []  # requests Stripe would have refused, with the reason
        self.webhook_answers = []  # (event type, HTTP status)
        self.sessions = {}
        self.refunds = []
        self.idempotency = {}  # key -> (path, body): Stripe refuses a key reused with other parameters
        self.lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                standin.handle(self, "GET")

            def do_POST(self):
                standin.handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()

    # Requests

    def handle(self, handler, method):
        parsed = urllib.parse.urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        form = dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True)) if raw else {}
        path = parsed.path
        if path.startswith("/pay/"):
            return self.checkout_page(handler, method, path[len("/pay/"):], form)
        if path == "/favicon.ico":  # the browser's, on the Checkout page
            return self.answer(handler, 404, {})
        with self.lock:
            self.requests.append((method, path, dict(handler.headers.items()), form))
        problem = self.refusal(handler, method, path, raw)
        if problem:
            with self.lock:
                self.problems.append(f"{method} {path}: {problem}")
            return self.answer(handler, 400, {"error": {"type": "invalid_request_error", "message": problem}})
        if method == "POST" and path == "/v1/checkout/sessions":
            return self.answer(handler, 200, self.create_session(form))
        if method == "POST" and path == "/v1/refunds":
            return self.answer(handler, 200, self.create_refund(form))
        return self.answer(handler, 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL ({method}: {path})."}})

    def refusal(self, handler, method, path, raw):
        if handler.headers.get("Authorization") != f"Bearer {self.api_key}":
            return "the Authorization header is not `Bearer <secret key>`"
        if method == "POST":
            if not (handler.headers.get("Content-Type") or "").startswith("application/x-www-form-urlencoded"):
                return "the body is not application/x-www-form-urlencoded"
            key = handler.headers.get("Idempotency-Key")
            if not key:
                return "a POST without an Idempotency-Key"
            with self.lock:
                earlier = self.idempotency.setdefault(key, (path, raw))
            if earlier != (path, raw):
                return "an Idempotency-Key reused with other parameters"
        return None

    def answer(self, handler, status, body, headers=()):
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    # Stripe's objects

    def create_session(self, form):
        key = next(v for k, v in self.requests[-1][2].items() if k.lower() == "idempotency-key")
        with self.lock:
            existing = next((s for s in self.sessions.values() if s["idempotency_key"] == key), None)
            if existing:
                return existing["object"]
            session_id = "cs_test_" + secrets.token_hex(12)
            amount = int(form.get("line_items[0][price_data][unit_amount]", "0")) * int(form.get("line_items[0][quantity]", "1"))
            session = {
                "id": session_id, "object": "checkout.session", "mode": form.get("mode"), "status": "open",
                "payment_status": "unpaid", "amount_total": amount, "currency": form.get("line_items[0][price_data][currency]"),
                "client_reference_id": form.get("client_reference_id"), "customer_email": form.get("customer_email"),
                "metadata": {k[len("metadata["):-1]: v for k, v in form.items() if k.startswith("metadata[")},
                "success_url": form.get("success_url"), "cancel_url": form.get("cancel_url"),
                "payment_intent": None, "url": f"{self.base}/pay/{session_id}",
            }
            self.sessions[session_id] = {"object": session, "idempotency_key": key}
            return session

    def create_refund(self, form):
        intent = form.get("payment_intent")
        with self.lock:
            session = next((s["object"] for s in self.sessions.values() if s["object"]["payment_intent"] == intent), None)
        if session is None:
            return {"error": {"type": "invalid_request_error", "message": f"No such payment_intent: '{intent}'"}}
        refund = {"id": "re_" + secrets.token_hex(12), "object": "refund", "amount": session["amount_total"],
                  "currency": session["currency"], "payment_intent": intent, "status": "succeeded"}
        with self.lock:
            self.refunds.append(refund)
        charge = {"id": session["charge"], "object": "charge", "amount": session["amount_total"], "amount_refunded": session["amount_total"],
                  "currency": session["currency"], "payment_intent": intent, "refunded": True}
        threading.Thread(target=self.send_event, args=("charge.refunded", charge, 1), daemon=True).start()
        return refund

    # The hosted Checkout page

    def checkout_page(self, handler, method, session_id, form):
        with self.lock:
            entry = self.sessions.get(session_id)
        if entry is None:
            return self.answer(handler, 404, {"error": {"message": "No such checkout session"}})
        session = entry["object"]
        if method == "GET":
            price = f"{session['amount_total'] / 100:.2f} {(session['currency'] or '').upper()}"
            page = f"""<!DOCTYPE html><html lang="en"><head><title>Stripe Checkout (stand-in)</title></head><body><main>
<h1>Pay {html.escape(price)}</h1><form method="post"><button name="action" value="pay" id="pay">Pay {html.escape(price)}</button>
<button name="action" value="cancel" id="cancel">Cancel</button></form></main></body></html>""".encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html; charset=utf-8")
            handler.send_header("Content-Length", str(len(page)))
            handler.end_headers()
            handler.wfile.write(page)
            return None
        if form.get("action") == "pay":
            with self.lock:
                session.update(status="complete", payment_status="paid", payment_intent="pi_" + secrets.token_hex(12))
                session["charge"] = "ch_" + secrets.token_hex(12)
            event_object = {k: v for k, v in session.items() if k != "charge"}
            self.send_event("checkout.session.completed", event_object, self.deliveries)
            target = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
        else:
            target = session["cancel_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
        handler.send_response(303)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return None

    # Webhooks

    def send_event(self, event_type, data_object, deliveries):
        """Posts one event `deliveries` times (Stripe delivers at least once), each signed afresh."""
        event = {"id": "evt_" + secrets.token_hex(12), "object": "event", "type": event_type, "created": int(time.time()),
                 "livemode": False, "data": {"object": data_object}}
        payload = json.dumps(event).encode()
        for _ in range(deliveries):
            request = urllib.request.Request(self.webhook_url, data=payload, method="POST", headers={
                "Content-Type": "application/json", "Stripe-Signature": signature_header(self.webhook_secret, payload)})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with self.lock:
                self.webhook_answers.append((event_type, status))
