"""Serialisations by Python: json.dumps, requests, urllib (python3 tool.py MODE < input)."""
import json, sys, urllib.parse
import requests

mode = sys.argv[1]
data = sys.stdin.buffer.read()
out = sys.stdout.buffer.write
if mode == 'dumps':                       # json.dumps default: ", " ": ", ensure_ascii
    out(json.dumps(json.loads(data)).encode())
elif mode == 'dumps-compact':             # separators=(',', ':'), ensure_ascii
    out(json.dumps(json.loads(data), separators=(',', ':')).encode())
elif mode == 'dumps-indent2':
    out(json.dumps(json.loads(data), indent=2, ensure_ascii=False).encode())
elif mode == 'dumps-sorted':
    out(json.dumps(json.loads(data), sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode())
elif mode == 'requests-json':             # what requests sends for json=
    out(requests.Request('POST', 'https://x/', json=json.loads(data)).prepare().body)
elif mode == 'requests-url':              # the URL requests sends for params=
    pairs = [tuple(p) for p in json.loads(data)]
    out(requests.Request('GET', sys.argv[2], params=pairs).prepare().url.encode())
elif mode == 'urlencode':
    out(urllib.parse.urlencode([tuple(p) for p in json.loads(data)]).encode())
elif mode == 'quote-via':                 # urlencode with quote: %20 for spaces
    out(urllib.parse.urlencode([tuple(p) for p in json.loads(data)], quote_via=urllib.parse.quote).encode())
elif mode == 'read-text-strip':           # open(f).read().strip(): universal newlines, ends stripped
    out(data.decode('utf-8').replace('\r\n', '\n').strip().encode())
elif mode == 'utf8-sig':                  # a file read with utf-8-sig: BOM dropped
    out(data.decode('utf-8-sig').encode())
elif mode == 'latin1':
    out(data.decode('utf-8').encode('latin-1'))
elif mode == 'utf16':
    out(data.decode('utf-8').encode('utf-16'))
elif mode == 'write-bom':
    out(data.decode('utf-8').encode('utf-8-sig'))
elif mode == 'crlf':
    out(data.replace(b'\n', b'\r\n'))
