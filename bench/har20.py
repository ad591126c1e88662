"""Writes a HAR 1.2 file of 20 signed requests for timing `reproduce` (python3 bench/har20.py OUT.har).
Signed with OpenSSL and testdata/vectors/test-private-pkcs1.pem; a mix of what users bring: valid
requests, bodies re-formatted, queries re-encoded, Date.now() timestamps, and unknowns (an 8-key body
signed with other values), for which every hypothesis (40,320 key orders included) is tried."""
import base64, json, subprocess, sys

KEY = 'testdata/vectors/test-private-pkcs1.pem'
BASE = 'https://api.qredo.network/api/v1/p'


def sign(payload):
    raw = subprocess.run(['openssl', 'dgst', '-sha256', '-sign', KEY], input=payload.encode(), capture_output=True,
                         check=True).stdout
    return base64.urlsafe_b64encode(raw).decode().rstrip('=')


def entry(method, url, ts, signed, body=None):
    request = {'method': method, 'url': url, 'httpVersion': 'HTTP/1.1', 'cookies': [], 'queryString': [],
               'headersSize': -1, 'bodySize': len(body or ''),
               'headers': [{'name': 'x-api-key', 'value': 'test'}, {'name': 'x-timestamp', 'value': ts},
                           {'name': 'x-sign', 'value': sign(signed)}]}
    if body is not None:
        request['postData'] = {'mimeType': 'application/json', 'text': body}
    return {'startedDateTime': '2026-01-01T00:00:00Z', 'time': 1, 'request': request, 'response': {}, 'cache': {},
            'timings': {'send': 0, 'wait': 1, 'receive': 0}}


doc = {"name": "ACME", "ref": "r-1", "amount": 10, "currency": "EUR", "side": "buy", "note": "", "tags": [1], "ok": True}
compact = json.dumps(doc, separators=(',', ':'))
pretty = json.dumps(doc, indent=2)
ts = '1700000000'
entries = []
for i in range(5):
    entries.append(entry('POST', BASE + '/company', ts, ts + BASE + '/company' + compact, compact))
for i in range(5):
    entries.append(entry('POST', BASE + '/company', ts, ts + BASE + '/company' + compact, pretty))
for i in range(3):
    entries.append(entry('GET', BASE + '/company/search?query=a+%28b%29', ts, ts + BASE + '/company/search?query=a%20(b)'))
for i in range(2):
    entries.append(entry('GET', BASE + '/assets', ts, ts + '457' + BASE + '/assets'))
for i in range(5):
    entries.append(entry('POST', BASE + '/company', ts, ts + BASE + '/company' + compact.replace('EUR', 'USD'), compact))
with open(sys.argv[1], 'w') as f:
    json.dump({'log': {'version': '1.2', 'creator': {'name': 'har20.py', 'version': '1'}, 'entries': entries}}, f, indent=1)
