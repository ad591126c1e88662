// A tiny Partner API client as the public Go Signing Client does it (crypto/rsa PKCS#1 v1.5 over SHA-256,
// base64.RawURLEncoding, net/http): signs x-timestamp + url + body and sends the request. Used by the
// verifying proxy's tests as an independent client.
//
//	go run partnerapi-send.go METHOD URL BODY_FILE PKCS1_KEY_FILE API_KEY
//
// Prints the status code, then the x-partnerapi-verdict header, one per line.
package main

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: partnerapi-send METHOD URL BODY_FILE PKCS1_KEY_FILE API_KEY")
		os.Exit(2)
	}
	method, url, bodyFile, keyFile, apiKey := os.Args[1], os.Args[2], os.Args[3], os.Args[4], os.Args[5]
	body, err := os.ReadFile(bodyFile)
	check(err)
	keyPem, err := os.ReadFile(keyFile)
	check(err)
	block, _ := pem.Decode(keyPem)
	if block == nil {
		check(fmt.Errorf("%s: not PEM", keyFile))
	}
	key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	check(err)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	digest := sha256.Sum256(append([]byte(ts+url), body...))
	signature, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
	check(err)
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	check(err)
	req.Header.Set("x-api-key", apiKey)
	req.Header.Set("x-timestamp", ts)
	req.Header.Set("x-sign", base64.RawURLEncoding.EncodeToString(signature))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	check(err)
	defer resp.Body.Close()
	fmt.Println(resp.StatusCode)
	fmt.Println(resp.Header.Get("x-partnerapi-verdict"))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
