#!/usr/bin/env python3
"""A stand-in GPU backend for the BackendProcessActor specs: serves GET /health on a port and misbehaves on request.

--port P          listen on 127.0.0.1:P
--exit-after S    exit with code 3 after S seconds
--hang-after S    after S seconds, /health never answers (the single-threaded server blocks)
--ignore-term     ignore SIGTERM, so only SIGKILL stops it
--never-healthy   /health answers 503
"""
import argparse
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--exit-after", type=float)
parser.add_argument("--hang-after", type=float)
parser.add_argument("--ignore-term", action="store_true")
parser.add_argument("--never-healthy", action="store_true")
args = parser.parse_args()
started = time.monotonic()

if args.ignore_term:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if args.hang_after is not None and time.monotonic() - started > args.hang_after:
            time.sleep(3600)
        status = 503 if args.never_healthy or self.path != "/health" else 200
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok" if status == 200 else b"not ready")

    def log_message(self, format, *arguments):
        pass


if args.exit_after is not None:
    def leave():
        time.sleep(args.exit_after)
        print("fake worker exiting on purpose", flush=True)
        os._exit(3)
    threading.Thread(target=leave, daemon=True).start()

server = HTTPServer(("127.0.0.1", args.port), Handler)
print(f"fake worker pid {os.getpid()} on port {args.port} CUDA_VISIBLE_DEVICES={os.environ.get('CUDA_VISIBLE_DEVICES')}", flush=True)
print("fake worker says hello on stderr", file=sys.stderr, flush=True)
server.serve_forever()
