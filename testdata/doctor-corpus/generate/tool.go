// Serialisations by Go's encoding/json and net/url, for the doctor corpus (go run tool.go MODE < input.json).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
)

type Company struct {
	Name    string                 `json:"name"`
	Note    string                 `json:"note"`
	Address map[string]interface{} `json:"address"`
}

func main() {
	in, _ := os.ReadFile("/dev/stdin")
	switch os.Args[1] {
	case "marshal-map": // map: keys sorted at every level, <>& escaped
		var v map[string]interface{}
		json.Unmarshal(in, &v)
		out, _ := json.Marshal(v)
		os.Stdout.Write(out)
	case "marshal-struct": // struct order kept, nested map sorted, <>& escaped
		var v Company
		json.Unmarshal(in, &v)
		out, _ := json.Marshal(v)
		os.Stdout.Write(out)
	case "encoder-noescape": // Encoder with SetEscapeHTML(false): raw <>&, and a trailing newline
		var v Company
		json.Unmarshal(in, &v)
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.Encode(v)
		os.Stdout.Write(b.Bytes())
	case "indent-tab":
		var v map[string]interface{}
		json.Unmarshal(in, &v)
		out, _ := json.MarshalIndent(v, "", "\t")
		os.Stdout.Write(out)
	case "values-encode": // url.Values.Encode(): sorted by key, + for space
		var pairs [][2]string
		json.Unmarshal(in, &pairs)
		q := url.Values{}
		for _, p := range pairs {
			q.Add(p[0], p[1])
		}
		fmt.Print(q.Encode())
	case "join-path": // url.JoinPath cleans a double slash
		u, _ := url.JoinPath(os.Args[2], os.Args[3])
		fmt.Print(u)
	}
}
