package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.security.PublicKey;

/** What tests of one configuration share: the target, its signing filter, the stub if any, the public key. */
record Session(PartnerApiTarget target, PartnerApiSigningFilter filter, VerifierStub stub, PublicKey publicKey) {
}
