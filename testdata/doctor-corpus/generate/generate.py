"""Builds testdata/doctor-corpus/corpus.jsonl: signature mismatches made by really running other
tools (Python json/requests/urllib, Node JSON.stringify/URLSearchParams/axios, Go encoding/json and
net/url, jq, curl). Each case: one tool made the bytes that were signed (signed with OpenSSL and the
test key), another made the bytes that were sent; 'expect' is the cause the doctor must name.

Run from the repository root: python3 testdata/doctor-corpus/generate/generate.py
Needs python3 + requests, node (+ axios: NODE_PATH to an npm install of it), go, jq, curl, openssl.
"""
import base64, http.server, json, os, subprocess, sys, threading

ROOT = os.getcwd()
HERE = os.path.join(ROOT, 'testdata/doctor-corpus/generate')
KEY = os.path.join(ROOT, 'testdata/vectors/test-private-pkcs1.pem')
KEY_3072 = os.path.join(ROOT, 'testdata/keys/rsa-3072-private.pem')
OTHER = os.path.join(ROOT, 'testdata/keys/other-private.pem')
BASE = 'https://api.qredo.network/api/v1/p'
TS = '1700000000'
cases = []


def run(args, data=b''):
    r = subprocess.run(args, input=data, capture_output=True, cwd=HERE)
    if r.returncode != 0:
        sys.exit('%s failed: %s' % (args, r.stderr.decode()))
    return r.stdout


def node(mode, data=b'', *args):
    return run(['node', 'tool.js', mode, *args], data)


def py(mode, data=b'', *args):
    return run([sys.executable, 'tool.py', mode, *args], data)


def go(mode, data=b'', *args):
    return run(['go', 'run', 'tool.go', mode, *args], data)


def jq(*args, data=b''):
    return run(['jq', *args], data)


def sign(freshness, url, body, key=KEY, encode='b64url'):
    raw = run(['openssl', 'dgst', '-sha256', '-sign', key], freshness.encode() + url.encode() + body)
    return raw.hex() if encode == 'hex' else base64.urlsafe_b64encode(raw).decode().rstrip('=')


def case(name, tools, expect, sent_body=b'', signed_body=None, url=BASE + '/company', signed_url=None,
         freshness=TS, signed_freshness=None, header='x-timestamp', x_sign=None, key=KEY):
    x = x_sign or sign(signed_freshness or freshness, signed_url or url,
                       sent_body if signed_body is None else signed_body, key)
    cases.append({'name': name, 'tools': tools, 'expect': expect, 'header': header, 'value': freshness,
                  'url': url, 'body_b64': base64.b64encode(sent_body).decode(), 'x_sign': x})


class Capture(http.server.BaseHTTPRequestHandler):
    bodies = []

    def do_POST(self):
        n = int(self.headers.get('Content-Length', 0))
        Capture.bodies.append(self.rfile.read(n))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *a):
        pass


def curl_sends(*args):
    """What curl really puts on the wire for these data options (a local server records the body)."""
    server = http.server.HTTPServer(('127.0.0.1', 0), Capture)
    threading.Thread(target=server.handle_request, daemon=True).start()
    run(['curl', '-s', *args, 'http://127.0.0.1:%d/' % server.server_port])
    server.server_close()
    return Capture.bodies.pop()


def write(name, data):
    with open(os.path.join(HERE, 'work', name), 'wb') as f:
        f.write(data)
    return name


os.makedirs(os.path.join(HERE, 'work'), exist_ok=True)
DOCS = {
    'company': {"name": "ACME Corp", "tags": ["a", "b"], "address": {"city": "Paris", "zip": 75001}, "empty": []},
    'unicode': {"name": "Zoë Café", "city": "Zürich", "n": 1},
    'html': {"name": "ACME <Corp> & Co", "note": "a<b", "address": {"zip": "75001", "city": "Paris"}},
    'seven': {"k%d" % i: i for i in reversed(range(7))},
    'eight': {"name": "x", "ref": "r-1", "amount": 10, "currency": "EUR", "side": "buy", "note": "", "tags": [1], "ok": True},
}
J = {k: json.dumps(v).encode() for k, v in DOCS.items()}

for doc in ['company', 'unicode', 'html']:
    src = J[doc]
    compact, two, four = node('compact', src), node('indent2', src), node('indent4', src)
    case(doc + '-stringify-compact-signed-indent2-sent', 'JSON.stringify / JSON.stringify(v,null,2)', 'body-compacted', two, compact)
    case(doc + '-stringify-indent2-signed-compact-sent', 'JSON.stringify(v,null,2) / JSON.stringify', 'body-prettified', compact, two)
    case(doc + '-stringify-indent4-signed-indent2-sent', 'JSON.stringify 4 / 2', 'body-reindented', two, four)
    case(doc + '-jq-pretty-signed-jq-c-sent', 'jq . / jq -c', 'body-prettified', jq('-c', '.', data=src), jq('.', data=src))
    case(doc + '-jq-c-signed-jq-pretty-sent', 'jq -c / jq .', 'body-compacted', jq('.', data=src), jq('-c', '.', data=src))
    case(doc + '-jq-tab-signed-jq-pretty-sent', 'jq --tab / jq .', 'body-reindented', jq('.', data=src), jq('--tab', '.', data=src))
    case(doc + '-python-dumps-signed-stringify-sent', 'json.dumps / JSON.stringify', 'body-prettified', compact, py('dumps', src))
    case(doc + '-stringify-signed-requests-json-sent', 'JSON.stringify / requests json=', 'body-compacted', py('requests-json', src), compact)
    # a Go map is written with its keys sorted: key order and layout differ, key order is named
    case(doc + '-go-indent-tab-signed-stringify-indent2-sent', 'Go MarshalIndent(map) tab / JSON.stringify 2',
         'body-key-order' if list(DOCS[doc]) != sorted(DOCS[doc]) else 'body-reindented', two, go('indent-tab', src))

for doc in ['company', 'unicode', 'html', 'seven']:
    src = J[doc]
    compact, two = node('compact', src), node('indent2', src)
    case(doc + '-jq-S-signed-stringify-indent2-sent', 'jq -S . / JSON.stringify(v,null,2)', 'body-key-order', two, jq('-S', '.', data=src))
    case(doc + '-jq-S-c-signed-stringify-sent', 'jq -S -c / JSON.stringify', 'body-key-order', compact, jq('-S', '-c', '.', data=src))
    case(doc + '-python-sorted-signed-stringify-sent', 'json.dumps(sort_keys) / JSON.stringify', 'body-key-order', compact, py('dumps-sorted', src))

# unicode escapes: Python ensure_ascii compact vs raw
u = J['unicode']
case('unicode-python-escaped-signed-stringify-sent', 'json.dumps(separators) / JSON.stringify', 'body-unicode-escapes', node('compact', u), py('dumps-compact', u))
case('unicode-stringify-signed-python-escaped-sent', 'JSON.stringify / json.dumps(separators)', 'body-unicode-escapes', py('dumps-compact', u), node('compact', u))
case('unicode-latin1-sent', 'UTF-8 / str.encode(latin-1)', 'body-charset', py('latin1', node('compact', u)), node('compact', u))
case('unicode-utf16-sent', 'UTF-8 / str.encode(utf-16)', 'body-charset', py('utf16', node('compact', u)), node('compact', u))

# Go: HTML escaping, map sorting, nested sorting
h = J['html']
case('go-marshal-struct-sent-stringify-signed', 'JSON.stringify / Go json.Marshal(struct)', 'body-unicode-escapes',
     go('marshal-struct', h), node('compact', go('marshal-struct', h).replace(b'\\u003c', b'<').replace(b'\\u003e', b'>').replace(b'\\u0026', b'&')))
case('go-encoder-noescape-signed-marshal-sent', 'Go Encoder SetEscapeHTML(false) / json.Marshal', 'body-unicode-escapes',
     go('marshal-struct', h), go('encoder-noescape', h))
case('go-marshal-map-sent-stringify-signed', 'JSON.stringify / Go json.Marshal(map)', 'body-key-order',
     go('marshal-map', J['company']), node('compact', J['company']))
nested = json.dumps({"name": "ACME", "note": "x", "address": {"zip": "75001", "city": "Paris"}}).encode()
case('go-struct-nested-map-sorted-sent', 'JSON.stringify / Go json.Marshal(struct with map)', 'body-key-order',
     go('marshal-struct', nested), node('compact', nested))

# 7 and 8 top-level keys in another order
for doc, order in [('seven', 'k3,k0,k6,k1,k5,k2,k4'), ('eight', 'ok,currency,name,tags,amount,side,ref,note')]:
    case(doc + '-keys-reordered', 'json.dumps(separators) / JSON.stringify reordered', 'body-key-order',
         node('reorder', J[doc], order), py('dumps-compact', J[doc]))

# curl -d @file strips CR and LF; --data-binary keeps them
pretty = write('pretty.json', node('indent2', J['company']) + b'\n')
crlf = write('pretty-crlf.json', py('crlf', node('indent2', J['company']) + b'\n'))
compactnl = write('compact-nl.json', node('compact', J['company']) + b'\n')
for f, expect in [(pretty, 'body-newlines-removed'), (crlf, 'body-newlines-removed'), (compactnl, 'body-trailing-newline')]:
    sent = curl_sends('-d', '@work/' + f)
    case('curl-d-' + f.replace('.json', ''), 'file bytes / curl -d @file', expect, sent, open(os.path.join(HERE, 'work', f), 'rb').read())
    binary = curl_sends('--data-binary', '@work/' + f)
    case('curl-data-binary-' + f.replace('.json', ''), 'file bytes / curl --data-binary @file', 'valid', binary)
case('curl-d-twice-joined', 'a=1&b=2 signed / curl -d a=1 -d b=2', 'unknown', curl_sends('-d', 'a=1', '-d', 'b=2'), b'a=1')

# line endings, trailing newline, BOM
crlf_file = open(os.path.join(HERE, 'work', crlf), 'rb').read()
case('crlf-file-signed-python-read-strip-sent', 'CRLF file / open().read().strip()', 'body-line-endings', py('read-text-strip', crlf_file), crlf_file)
case('crlf-signed-lf-sent', 'unix2dos file / file', 'body-line-endings', node('indent2', J['company']), py('crlf', node('indent2', J['company'])))
bom = py('write-bom', node('indent2', J['unicode']))
case('bom-file-signed-utf8-sig-read-sent', 'utf-8-sig file / read with utf-8-sig', 'body-bom', py('utf8-sig', bom), bom)
case('jq-trailing-newline-signed-stringify-sent', 'jq -c / JSON.stringify', 'body-trailing-newline', node('compact', J['company']), jq('-c', '.', data=J['company']))

# URLs: several encoding rules at once, sorting, hosts, slashes
pairs = json.dumps([["query", "ACME (Paris) ~ Co"], ["page", "2"]]).encode()
case('url-searchparams-sent-uricomponent-signed', 'encodeURIComponent / URLSearchParams', 'url-encoding',
     url=BASE + '/company/search?' + node('searchparams', pairs).decode(),
     signed_url=BASE + '/company/search?' + node('uricomponent', pairs).decode())
case('url-uricomponent-sent-searchparams-signed', 'URLSearchParams / encodeURIComponent', 'url-encoding',
     url=BASE + '/company/search?' + node('uricomponent', pairs).decode(),
     signed_url=BASE + '/company/search?' + node('searchparams', pairs).decode())
case('url-go-values-signed-searchparams-sent', 'Go url.Values.Encode / URLSearchParams', 'url-query',
     url=BASE + '/company/search?' + node('searchparams', pairs).decode(),
     signed_url=BASE + '/company/search?' + go('values-encode', pairs).decode())
case('url-python-quote-signed-urlencode-sent', 'urlencode(quote_via=quote) / urlencode', 'url-encoding',
     url=BASE + '/company/search?' + py('urlencode', pairs).decode(),
     signed_url=BASE + '/company/search?' + py('quote-via', pairs).decode())
env = dict(os.environ)
case('url-axios-sent-searchparams-signed', 'URLSearchParams / axios params', 'url-encoding',
     url=node('axios', pairs, BASE + '/company/search').decode(),
     signed_url=BASE + '/company/search?' + node('searchparams', pairs).decode())
case('url-requests-sent-uricomponent-signed', 'encodeURIComponent / requests params=', 'url-encoding',
     url=py('requests-url', pairs, BASE + '/company/search').decode(),
     signed_url=BASE + '/company/search?' + node('uricomponent', pairs).decode())
typed = 'https://API.Qredo.Network/api/v1/p/company'
case('url-upper-case-host-typed', 'typed URL / new URL().href', 'url-host', url=node('url-href', b'', typed).decode(), signed_url=typed)
joined = BASE + '/' + '/company'
case('url-double-slash-signed-joinpath-sent', 'string concatenation / Go url.JoinPath', 'url-path',
     url=go('join-path', b'', BASE + '/', '/company').decode(), signed_url=joined)
case('url-trailing-question-mark-signed-requests-sent', 'URL with ? / requests', 'url-query',
     url=py('requests-url', b'[]', BASE + '/assets?').decode(), signed_url=BASE + '/assets?')
case('url-host-sandbox-signed', 'sandbox URL / production URL', 'url-host', url=BASE + '/assets',
     signed_url='https://sandbox-api.qredo.network/api/v1/p/assets')

# freshness: Date.now() signed, seconds sent; nonce read twice
ms = node('now-ms').decode()
case('timestamp-date-now-signed-seconds-sent', 'Date.now() / Math.floor(Date.now()/1000)', 'freshness-value',
     freshness=str(int(ms) // 1000), signed_freshness=ms)
case('nonce-incremented-after-signing', 'nonce n / nonce n+1', 'freshness-value', header='x-nonce', freshness='1001', signed_freshness='1000')
case('nonce-read-twice', 'nonce n+2 / nonce n', 'freshness-value', header='x-nonce', freshness='500', signed_freshness='502')

# signatures: other key sizes, hex, cut short, a slip next to a body change
case('signature-3072-bit-key', 'rsa 3072 / 2048 public key', 'wrong-key', J['company'], key=KEY_3072)
case('signature-hex', 'openssl dgst -hex / base64url', 'signature-encoding', J['company'],
     x_sign=sign(TS, BASE + '/company', J['company'], encode='hex'))
short = sign(TS, BASE + '/company', J['company'])[:300]
case('signature-cut-short', 'terminal copy', 'signature-malformed', J['company'], x_sign=short)
padded = sign(TS, BASE + '/company', node('compact', J['company'])) + '=='
case('signature-padded-and-body-pretty', 'padded x-sign + compact signed / pretty sent', 'body-compacted',
     node('indent2', J['company']), x_sign=padded)

# no false cause: differences nothing explains
case('unknown-value-changed', 'another value signed', 'unknown', node('compact', J['company']),
     node('compact', J['company']).replace(b'Paris', b'Lyon'))
case('unknown-unregistered-key', 'a key the doctor does not know', 'unknown', J['company'], key=OTHER)
case('unknown-field-added', 'a field added after signing', 'unknown', node('compact', J['eight']),
     node('compact', J['eight']).replace(b'"ok":true', b'"ok":true,"x":1'))
case('valid-stringify', 'JSON.stringify / JSON.stringify', 'valid', node('compact', J['company']))

with open(os.path.join(ROOT, 'testdata/doctor-corpus/corpus.jsonl'), 'w') as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases')
