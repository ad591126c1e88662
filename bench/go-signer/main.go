// go-signer: a minimal Partner API signer in Go, standing in for the public Go Signing Client when
// timing the harness's `sign` (bench/cli-sign.sh). Same inputs, same two output lines; the standard
// library only (crypto/rsa, crypto/x509), as the public client uses.
//
//	go build -o ../../target/go-signer . && ../../target/go-signer -key private.pem -url URL -body-file body.json
package main

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	keyFile := flag.String("key", "private.pem", "PEM private key (PKCS#1 or PKCS#8)")
	url := flag.String("url", "", "the full URL, exactly as sent")
	bodyFile := flag.String("body-file", "", "the body (default: none)")
	timestamp := flag.String("timestamp", "", "x-timestamp (default: now)")
	flag.Parse()
	if err := run(*keyFile, *url, *bodyFile, *timestamp); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(keyFile, url, bodyFile, timestamp string) error {
	key, err := readKey(keyFile)
	if err != nil {
		return err
	}
	var body []byte
	if bodyFile != "" {
		if body, err = os.ReadFile(bodyFile); err != nil {
			return err
		}
	}
	if timestamp == "" {
		timestamp = strconv.FormatInt(time.Now().Unix(), 10)
	}
	digest := sha256.New()
	digest.Write([]byte(timestamp + url))
	digest.Write(body)
	signature, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest.Sum(nil))
	if err != nil {
		return err
	}
	fmt.Printf("x-sign: %s\nx-timestamp: %s\n", base64.RawURLEncoding.EncodeToString(signature), timestamp)
	return nil
}

func readKey(file string) (*rsa.PrivateKey, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(text)
	if block == nil {
		return nil, errors.New(file + ": no PEM block")
	}
	if key, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return key, nil
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	key, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New(file + ": not an RSA key")
	}
	return key, nil
}
