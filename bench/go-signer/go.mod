module partnerapi-harness/bench/go-signer

go 1.19
