// Serialisations by Node: JSON.stringify, URLSearchParams, encodeURIComponent, new URL, axios (node tool.js MODE ARG).
const fs = require('fs');
const mode = process.argv[2];
const input = () => fs.readFileSync(0, 'utf8');
const out = (s) => process.stdout.write(s);
switch (mode) {
  case 'compact': out(JSON.stringify(JSON.parse(input()))); break;
  case 'indent2': out(JSON.stringify(JSON.parse(input()), null, 2)); break;
  case 'indent4': out(JSON.stringify(JSON.parse(input()), null, 4)); break;
  case 'reorder': { // keys in the order given by argv[3] (comma separated)
    const v = JSON.parse(input()); const o = {};
    for (const k of process.argv[3].split(',')) o[k] = v[k];
    out(JSON.stringify(o)); break; }
  case 'searchparams': out(new URLSearchParams(JSON.parse(input())).toString()); break;
  case 'uricomponent': out(JSON.parse(input()).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&')); break;
  case 'url-href': out(new URL(process.argv[3]).href); break;
  case 'axios': {
    const axios = require(process.env.AXIOS || 'axios');
    out(axios.getUri({ url: process.argv[3], params: Object.fromEntries(JSON.parse(input())) })); break; }
  case 'now-ms': out(String(Date.now())); break;
}
