package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;

/** The embedded stub of a test run, closed by JUnit when the run's root store closes. */
final class StubResource implements AutoCloseable {

    private final VerifierStub stub;

    StubResource(StubCredentials credentials, StubMode mode, boolean explain) {
        this.stub = VerifierStub.builder().apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic())
                .mode(mode).explain(explain).build();
    }

    VerifierStub stub() {
        return stub;
    }

    @Override
    public void close() {
        stub.close();
    }
}
