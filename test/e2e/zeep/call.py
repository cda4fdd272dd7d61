"""A zeep (python3-zeep) client built from a WSDL, for the end-to-end tests.

Reads a job from stdin as JSON: {"wsdl": path, "binding": "{ns}name", "endpoint": url,
"calls": [{"op": name, "args": {...}, "headers": {...} or null}]}; makes every call in order and
writes one JSON array to stdout: {"op", "ok", "result" (zeep's deserialised answer as plain data)
or "fault" / "error"}. Never touches a network beyond the endpoint given (the WSDL is a local
file and imports nothing remote).
"""
import json
import sys

import zeep
from zeep.exceptions import Fault
from zeep.helpers import serialize_object

job = json.load(sys.stdin)
client = zeep.Client(job["wsdl"])
service = client.create_service(job["binding"], job["endpoint"])
out = []
for call in job["calls"]:
    entry = {"op": call["op"]}
    try:
        extra = {"_soapheaders": call["headers"]} if call.get("headers") else {}
        result = getattr(service, call["op"])(**call.get("args", {}), **extra)
        entry.update(ok=True, result=serialize_object(result))
    except Fault as e:
        entry.update(ok=False, fault=str(e.message))
    except Exception as e:  # noqa: BLE001 - reported to the test, which fails on it
        entry.update(ok=False, error=f"{type(e).__name__}: {e}")
    out.append(entry)
json.dump(out, sys.stdout, default=str)
